// npm test: lint (ESLint, lit-analyzer, Prettier), type check, unit and element tests in Chromium (web-test-runner), then the
// end-to-end checks of the built drop-in bundle. Finds (or installs) Chromium first.
import { execSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chrome = findChromium();
const env = { ...process.env, CHROME_PATH: chrome };
const run = (cmd) => execSync(cmd, { stdio: 'inherit', env });
try {
  run('node scripts/lint.mjs');
  run('npx tsc --noEmit -p tsconfig.test.json');
  run('node scripts/schema-types.mjs --check');
  run('node scripts/holidays.mjs --check');
  run('node scripts/reader-tables.mjs --check');
  run('node scripts/check-i18n.mjs');
  run('node --test test/scripts/ test/server/ test/editor-data/ test/cli/ test/readme/');
  run('node scripts/readme-sizes.mjs --check');
  run('npx wtr');
  run('node scripts/build.mjs');
  run('node --test test/package/ test/ssr/');
  run('node test/e2e/run.mjs');
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
