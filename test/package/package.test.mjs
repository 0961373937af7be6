// What `npm publish` would ship (npm pack --dry-run, after the build): every file package.json points users at is in
// it, and nothing users do not need (source maps, the CLI's declarations, tests, sources) is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packed = new Set(
  JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].files.map(
    (f) => f.path,
  ),
);
const strip = (target) => target.replace(/^\.\//, '');

/** Every file path named in `exports` (conditions and plain strings), as `dist/…`. */
function exportTargets(value) {
  if (typeof value === 'string') return [strip(value)];
  return Object.values(value).flatMap(exportTargets);
}

test('the build has run (dist/ exists)', () => {
  assert.ok(existsSync(join(root, 'dist/zhengwu-elements.js')), 'run node scripts/build.mjs first');
});

test('every export, the bin, the types and the drop-in are shipped', () => {
  const targets = [
    ...exportTargets(pkg.exports).filter((t) => !t.includes('*')),
    strip(pkg.main),
    strip(pkg.types),
    ...Object.values(pkg.bin).map(strip),
    'dist/zhengwu-elements.js',
    'dist/autoload.js',
    'dist/zhengwu-elements/speech.js',
    'LICENSE',
    'README.md',
  ];
  for (const target of targets) {
    // custom-elements.json and the editor data come from `npm run analyze` (npm run build runs it; npm test builds without)
    if (!existsSync(join(root, target)) && /custom-elements|web-types|vscode/.test(target)) continue;
    assert.ok(packed.has(target), `${target} is named in package.json but not shipped`);
  }
  for (const schema of ['policy', 'interpretation', 'infographic', 'comparison', 'directory', 'directory-search', 'common']) {
    assert.ok(packed.has(`dist/schemas/${schema}.schema.json`), `schema ${schema} shipped`);
  }
  for (const element of ['policy-card', 'interpretation', 'infographic', 'policy-compare', 'disclosure-directory', 'reader']) {
    assert.ok(packed.has(`dist/autoload/${element}.js`), `the autoloader's ${element} module shipped`);
  }
});

test('only what users need: no source maps, sources, tests, or the CLI declarations', () => {
  const unwanted = [...packed].filter((file) => /\.map$|^src\/|^test|^stories|^demo|^scripts|\.test\.|^dist\/types\/cli\//.test(file));
  assert.deepEqual(unwanted, []);
  for (const file of packed) assert.match(file, /^(dist\/.+\.(js|d\.ts|json)|package\.json|README\.md|LICENSE)$/, `${file} is something users need`);
});

test('each sideEffects pattern for dist/ names shipped files', () => {
  for (const glob of pkg.sideEffects.filter((g) => g.startsWith('./dist/'))) {
    const pattern = new RegExp(
      `^${strip(glob)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')}$`,
    );
    assert.ok(
      [...packed].some((file) => pattern.test(file)),
      `${glob} matches a shipped file`,
    );
  }
});
