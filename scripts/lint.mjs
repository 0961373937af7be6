// npm run lint: ESLint (TypeScript, Lit, custom-element and lit-a11y rules), lit-analyzer (types of
// bindings in html`…` templates) and Prettier (layout). Exits non-zero on the first tool that fails.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync('npx', [cmd, ...args], { stdio: 'inherit' });

/** Element and base sources; tests are left out on purpose (they feed elements wrong values). */
function templateSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.includes('generated') ? [] : templateSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

try {
  run('eslint', ['--max-warnings', '0', '.']);
  run('lit-analyzer', ['--strict', '--quiet', '--format', 'list', '--rules.no-missing-import', 'off', ...templateSources('src/base'), ...templateSources('src/components')]);
  run('prettier', ['--check', '--log-level', 'warn', '.']);
  console.log('lint: ESLint, lit-analyzer and Prettier found nothing');
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
