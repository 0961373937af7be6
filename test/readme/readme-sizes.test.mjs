// scripts/readme-sizes.mjs on copies of the README and the budgets (never the real README): it writes the table between
// the markers and nothing else, and `--check` fails, saying so, when the table and the budgets disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const script = join(root, 'scripts/readme-sizes.mjs');
const { START, END } = await import(script);

/** A temp folder with a copy of build-config.mjs and a README holding `body`; removed after the test. */
function fixture(t, body) {
  const dir = mkdtempSync(join(tmpdir(), 'zw-readme-sizes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const config = join(dir, 'build-config.mjs');
  const readme = join(dir, 'README.md');
  copyFileSync(join(root, 'scripts/build-config.mjs'), config);
  writeFileSync(readme, body);
  const run = (...args) => spawnSync(process.execPath, [script, '--readme', readme, '--config', config, ...args], { encoding: 'utf8' });
  return { config, readme, run };
}

const SKELETON = `# Title\n\nBefore the table.\n\n${START}\nold table\n${END}\n\nAfter the table.\n`;

test('writes the budgets between the markers and leaves the rest of the README alone', (t) => {
  const { readme, run } = fixture(t, SKELETON);
  const result = run();
  assert.equal(result.status, 0, result.stderr);
  const text = readFileSync(readme, 'utf8');
  assert.ok(text.startsWith('# Title\n\nBefore the table.\n\n'), 'text before the markers kept');
  assert.ok(text.endsWith(`${END}\n\nAfter the table.\n`), 'text after the markers kept');
  assert.doesNotMatch(text, /old table/);
  // every budget of the real build-config is in the table, in KB as npm run bench prints them
  for (const name of ['zw-policy-card', 'zw-interpretation', 'zw-infographic', 'zw-policy-compare', 'zw-disclosure-directory', 'zw-reader', 'autoload.js', 'zhengwu-elements.js']) {
    assert.ok(text.includes(name), `${name} listed`);
  }
  assert.match(text, /\| 3\.0 KB \|/, 'the autoloader budget (3,072 bytes) as 3.0 KB');
  assert.match(text, /npm run bench/);
});

test('--check passes (exit 0) when the table matches the budgets', (t) => {
  const { run } = fixture(t, SKELETON);
  assert.equal(run().status, 0);
  const check = run('--check');
  assert.equal(check.status, 0, check.stderr);
  assert.equal(check.stderr, '');
});

test('--check fails (exit 1) and says what differs when a budget changed', (t) => {
  const { config, readme, run } = fixture(t, SKELETON);
  assert.equal(run().status, 0);
  const before = readFileSync(readme, 'utf8');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/'policy-card': [\d_]+,/, "'policy-card': 40_960,"));
  const check = run('--check');
  assert.equal(check.status, 1);
  assert.match(check.stderr, /differs from the budgets/);
  assert.match(check.stderr, /40\.0 KB/, 'names the new figure');
  assert.match(check.stderr, /node scripts\/readme-sizes\.mjs/, 'says how to fix it');
  assert.equal(readFileSync(readme, 'utf8'), before, '--check does not write');
});

test('--check fails (exit 1) when the table was edited by hand', (t) => {
  const { readme, run } = fixture(t, SKELETON);
  assert.equal(run().status, 0);
  writeFileSync(readme, readFileSync(readme, 'utf8').replace('| 3.0 KB |', '| 2.5 KB |'));
  assert.equal(run('--check').status, 1);
});

test('a README without the markers is an error, with or without --check', (t) => {
  const { run } = fixture(t, '# Title\n\nNo table here.\n');
  for (const args of [[], ['--check']]) {
    const result = run(...args);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /sizes:start/);
  }
});
