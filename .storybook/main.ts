import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * The elements use legacy TypeScript decorators (`experimentalDecorators: true`,
 * `useDefineForClassFields: false` in /tsconfig.json). Vite 8 compiles TypeScript
 * with oxc, which reads the nearest tsconfig.json of each file, so src/ gets them
 * down-levelled. If that ever stops (a tsconfig that no longer covers src/, a Vite
 * change), the build would pass and the cards would silently stay empty in the
 * browser. This plugin turns that into a build error instead.
 */
function assertDecoratorsCompiled(): Plugin {
  const source = /\/src\/.*\.ts$/;
  return {
    name: 'zw:assert-decorators-compiled',
    enforce: 'post',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!source.test(file)) return null;
      const left = /^\s*@(?:property|state|query|customElement|localized)\s*\(/m.exec(code);
      if (left) {
        this.error(
          `${file}: decorator "${left[0].trim()}" reached the browser untranslated. ` +
            'Storybook must compile src/ with the project tsconfig.json (experimentalDecorators, useDefineForClassFields: false).',
        );
      }
      return null;
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages: attributes, events, parts and --zw-* tokens from custom-elements.json; the a11y panel (axe on the
  // story, as CI's scripts/check-storybook.mjs runs it over every story of the built Storybook).
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // The sample documents, for the stories that load JSON through `src` (./data/policy-….json).
  staticDirs: [{ from: '../demo/data', to: '/data' }],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, { plugins: [assertDecoratorsCompiled()] });
  },
};

export default config;
