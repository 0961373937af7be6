// ESLint (flat config): TypeScript, Lit templates, custom-element and template-accessibility rules.
// Run by `npm run lint` (part of `npm test`), with lit-analyzer for template types and Prettier for layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'demo-dist/',
      'dist/',
      'storybook-static/',
      'node_modules/',
      'coverage/',
      'screenshots/',
      'test-results/',
      '.scratch-*/',
      'src/i18n/generated/',
      'src/schema/types.generated.ts',
      'src/core/holidays.generated.ts',
      'src/schema/terms.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    settings: { wc: { elementBaseClasses: ['LitElement', 'ZwElement'] } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Lit elements are registered through defineElement(), which guards against a second copy on the page.
      'wc/define-tag-after-class-definition': 'off',
      // Lit's ReactiveElement always implements the lifecycle callbacks; the guard is for bare HTMLElement subclasses.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', '*.config.*', 'web-test-runner.config.mjs', '.storybook/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.test.ts', 'src/test-support/**'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
