// What a portal page downloads with the autoloader (dist/autoload.js): the autoloader alone, and three pages in
// Chromium — one policy card, one interpretation, every element — counting each file of dist/ the page fetched
// (gzip -9 of the file as built: what a server sends compressed) once all its elements are ready and the network
// is quiet. Checked against `autoloadBudgets` in build-config.mjs; exits 1 only when one is exceeded.
// Run after the build (`node scripts/build-autoload.mjs` is enough for these files).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as config from './build-config.mjs';
import { launchChromium, root, serveRepository } from './static-server.mjs';

/**
 * Gzipped bytes: the autoloader itself (the 3 KB), then each page's total, ~5% above what was measured
 * (issue 11: 0.9 KB; 42.1, 57.1 and 152.0 KB). build-config.mjs's `autoloadBudgets`, when there, are the ones checked.
 */
const budgets = config.autoloadBudgets ?? {
  'autoload.js': 3_072,
  'card page': 45_300,
  'interpretation page': 61_400,
  'everything page': 163_400,
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = async (file) => gzipSync(await readFile(join(root, file)), { level: 9 }).length;
let overBudget = false;
const report = (name, size, note = '') => {
  const budget = budgets[name];
  const over = !!budget && size > budget;
  overBudget ||= over;
  console.log(`  ${name.padEnd(24)} ${kb(size).padStart(9)}   budget ${budget ? kb(budget) : '—'}${over ? '   OVER BUDGET' : ''}${note}`);
};

const POLICY = await readFile(join(root, 'demo/data/policy-004-shanxi-industry-2021.json'), 'utf8');
const page = (body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>autoload</title></head>
<body><main>${body}</main><script type="module" src="/dist/autoload.js"></script></body></html>`;
const card = `<zw-policy-card><script type="application/json">${POLICY.replace(/<\/script/gi, '<\\/script')}</script></zw-policy-card>`;
const pages = {
  'card page': page(card),
  'interpretation page': page('<zw-interpretation src="/demo/data/interpretation-000-shandong-commerce-2019.json"></zw-interpretation>'),
  'everything page': page(
    [
      card,
      '<zw-interpretation src="/demo/data/interpretation-000-shandong-commerce-2019.json"></zw-interpretation>',
      '<zw-infographic src="/demo/data/infographic-002-anhui-2017.json"></zw-infographic>',
      '<zw-policy-compare src="/demo/data/comparison-000-shandong-commerce.json"></zw-policy-compare>',
      '<zw-disclosure-directory src="/demo/data/directory-seeds.json"></zw-disclosure-directory>',
      '<zw-reader src="/demo/data/reader-000-shandong-2019.json"></zw-reader>',
    ].join('\n'),
  ),
};

console.log('== autoloader: what a page downloads (gzip -9 of each file of dist/ it fetched)');
report('autoload.js', await gz('dist/autoload.js'));
const routes = Object.fromEntries(Object.entries(pages).map(([name, html]) => [`/__autoload/${name.replace(/ /g, '-')}.html`, html]));
const server = await serveRepository({ routes });
const browser = await launchChromium();
try {
  for (const name of Object.keys(pages)) {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const files = new Set();
    tab.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/dist/') && response.ok()) files.add(path.slice(1));
    });
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(`${server.base}/__autoload/${name.replace(/ /g, '-')}.html`);
    // every element of the page ready (nested ones too: the interpretation's cards), then nothing more on the wire
    await tab.waitForFunction(
      () => {
        const all = [...document.querySelectorAll('main > *')];
        const nested = all.flatMap((el) => [...(el.shadowRoot?.querySelectorAll('[state]') ?? [])]);
        return [...all, ...nested].every((el) => el.getAttribute('state') === 'ready');
      },
      null,
      { timeout: 20000 },
    );
    await tab.waitForLoadState('networkidle');
    if (errors.length) throw new Error(`${name}: ${errors.join('\n')}`);
    let size = 0;
    for (const file of files) size += await gz(file);
    report(name, size, `   ${files.size} files`);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`  (the single-file drop-in, for comparison: ${kb(await gz('dist/zhengwu-elements.js'))}, every element in one request)`);
if (overBudget) {
  console.error('An autoloader size budget is exceeded (autoloadBudgets in scripts/build-config.mjs).');
  process.exit(1);
}
