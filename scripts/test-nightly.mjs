// npm run test:nightly: the hardening suites (test/hardening/, test/server/hardening.test.mjs and the built library's
// hardening checks) at their nightly size — 10,000 fuzz cases per element, every XSS vector in every field with no
// rotation shortcut where a suite has one. `ZW_FUZZ_SEED=<seed>` replays a failing fuzz run, `ZW_FUZZ_ONLY=<tag>` fuzzes
// one element; extra arguments go to web-test-runner (e.g. `-- --files test/hardening/fuzz.test.ts`). Needs a built dist/ for the end-to-end part.
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const env = { ...process.env, CHROME_PATH: findChromium(), ZW_HARDENING: 'nightly' };
const extra = process.argv.slice(2).join(' ');
const run = (cmd) => execSync(cmd, { stdio: 'inherit', env });
// Fuzzing at 10,000 cases per element, one element per run: all six in one page ended the run with no report (a
// renderer running out of memory is suspected).
const FUZZED = ['zw-policy-card', 'zw-interpretation', 'zw-infographic', 'zw-policy-compare', 'zw-disclosure-directory', 'zw-reader'];
try {
  if (extra) run(`npx wtr ${extra}`);
  else {
    const suites = readdirSync('test/hardening').filter((f) => f.endsWith('.test.ts') && f !== 'fuzz.test.ts');
    run(`npx wtr --files ${suites.map((f) => `test/hardening/${f}`).join(' ')}`);
    for (const tag of FUZZED) execSync('npx wtr --files test/hardening/fuzz.test.ts', { stdio: 'inherit', env: { ...env, ZW_FUZZ_ONLY: tag } });
    run('node --test test/server/hardening.test.mjs');
    run('node test/e2e/run.mjs --only hardening');
  }
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
