#!/usr/bin/env node
/**
 * Checks every xliff/*.xlf: each trans-unit must have a non-empty <target>,
 * and the target must use the same placeholders (<x id="…"/>) as its source,
 * each exactly as often. Exits 1 listing every problem.
 *
 *   node scripts/check-i18n.mjs [file.xlf …]   (default: every file in xliff/)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'xliff');

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir)
      .filter((f) => f.endsWith('.xlf'))
      .sort()
      .map((f) => join(dir, f));

/** Placeholder ids in a piece of XLIFF text, sorted, e.g. ['0', '1']. */
const placeholders = (text) => [...text.matchAll(/<x\b[^>]*?\bid="([^"]*)"[^>]*\/>/g)].map((m) => m[1]).sort();

const problems = [];
let units = 0;

for (const file of files) {
  const name = relative(root, file) || file;
  const xml = readFileSync(file, 'utf8');
  const found = [...xml.matchAll(/<trans-unit\b[^>]*\bid="([^"]*)"[^>]*>([\s\S]*?)<\/trans-unit>/g)];
  if (!found.length) problems.push(`${name}: no trans-units`);
  for (const [, id, body] of found) {
    units++;
    const source = /<source\b[^>]*>([\s\S]*?)<\/source>/.exec(body)?.[1];
    const target = /<target\b[^>]*>([\s\S]*?)<\/target>/.exec(body)?.[1];
    if (source === undefined) {
      problems.push(`${name}: ${id}: no <source>`);
      continue;
    }
    if (target === undefined || target.trim() === '') {
      problems.push(`${name}: ${id}: no target (source: ${source.trim()})`);
      continue;
    }
    const want = placeholders(source);
    const got = placeholders(target);
    if (want.join(',') !== got.join(',')) {
      problems.push(`${name}: ${id}: placeholders differ: source has [${want.join(', ')}], target has [${got.join(', ')}]`);
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\ni18n check failed: ${problems.length} problem(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.log(`i18n check: ${units} trans-units in ${files.length} file(s), all translated, placeholders match`);
