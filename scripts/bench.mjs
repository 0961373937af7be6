// npm run bench: the figures we report, measured, not asserted in unit tests.
//  1. Size: gzipped bytes of the drop-in (everything, all UI languages), and of
//     each element built alone — what a zh-CN page loads: the element, Lit and
//     everything it imports statically; other languages' UI texts load only when
//     used and are reported apart. Checked against build-config.mjs budgets.
//  2. Speed in Chromium, medians over repeated runs: validating a document,
//     rendering 100 cards, and a card from `src` to `zw-load`.
// Run after `npm run build` (uses dist/zhengwu-elements.js).
import { build } from 'vite';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { schemaRuntimePlugin } from './schema-runtime.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { TARGET, budgets, elements } from './build-config.mjs';
import { launchChromium, serveRepository } from './static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const gz = async (file) => gzipSync(await readFile(file), { level: 9 }).length;
let overBudget = false;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

console.log('== size (gzip -9)');
const dropIn = await gz(join(root, 'dist/zhengwu-elements.js'));
const report = (name, size) => {
  const budget = budgets[name];
  const over = budget !== undefined && size > budget;
  overBudget ||= over;
  console.log(`  ${name.padEnd(24)} ${kb(size).padStart(9)}   budget ${budget ? kb(budget) : '—'}${over ? '   OVER BUDGET' : ''}`);
};
report('zhengwu-elements.js', dropIn);
const tmp = await mkdtemp(join(tmpdir(), 'zw-bench-'));
await initLexer;
/** Files reached from `file` by static imports (what the page must load before the element runs). */
async function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const [imports] = parseImports(await readFile(file, 'utf8'));
  for (const imp of imports) if (imp.d === -1 && imp.n?.startsWith('.')) await staticClosure(join(file, '..', imp.n), seen);
  return seen;
}
for (const [name, entry] of Object.entries(elements)) {
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [schemaRuntimePlugin(), cssLiteralsPlugin()],
    // minified as a portal's bundler (or the drop-in build) would: whitespace too
    build: { target: TARGET, outDir: tmp, emptyOutDir: true, minify: true, lib: { entry: { [name]: entry }, formats: ['es'] }, rolldownOptions: { output: { minify: true } } },
  });
  const loaded = await staticClosure(join(tmp, `${name}.js`));
  let size = 0;
  for (const file of loaded) size += await gz(file);
  report(name, size);
  const lazy = (await readdir(tmp)).filter((f) => f.endsWith('.js') && !loaded.has(join(tmp, f)));
  for (const f of lazy)
    console.log(
      `    + ${f.replace(/-[\w-]{8}\.js$/, '.js').padEnd(20)} ${kb(await gz(join(tmp, f))).padStart(9)}   loaded on demand (${/^(en|zh-Hant)\.js$/.test(f.replace(/-[\w-]{8}\.js$/, '.js')) ? 'that UI language' : 'first use'})`,
    );
}
await rm(tmp, { recursive: true, force: true });

console.log('== speed (Chromium, median of runs)');
const server = await serveRepository({ routes: { '/': '<!doctype html><html lang="zh-CN"><body></body></html>' } });
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${server.base}/`);
const figures = await page.evaluate(async () => {
  const lib = await import('/dist/zhengwu-elements.js');
  const docs = await Promise.all(
    ['000-shandong-commerce-2019', '001-jinan-market-2020', '002-anhui-commerce-2017', '003-guangzhou-commerce-2021', '004-shanxi-industry-2021'].map((n) =>
      fetch(`/demo/data/policy-${n}.json`).then((r) => r.json()),
    ),
  );
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (fn, runs) => {
    const xs = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  // validation: 200 documents per run
  const validate =
    (await time(() => {
      for (let i = 0; i < 200; i++) lib.checkDocument('policy', docs[i % docs.length]);
    }, 15)) / 200;
  const render = async (layout) =>
    time(async () => {
      const box = document.createElement('div');
      document.body.append(box);
      const cards = Array.from({ length: 100 }, (_, i) => {
        const el = document.createElement('zw-policy-card');
        el.setAttribute('layout', layout);
        el.data = docs[i % docs.length];
        box.append(el);
        return el;
      });
      await Promise.all(cards.map((c) => c.updateComplete));
      box.getBoundingClientRect(); // include layout
      box.remove();
    }, 9);
  const fromSrc = await time(async () => {
    const el = document.createElement('zw-policy-card');
    const loaded = new Promise((r) => el.addEventListener('zw-load', r, { once: true }));
    el.src = `/demo/data/policy-001-jinan-market-2020.json?${Math.random()}`;
    document.body.append(el);
    await loaded;
    el.remove();
  }, 15);
  const interpretation = await (await fetch('/demo/data/interpretation-000-shandong-commerce-2019.json')).json();
  const validateInterpretation =
    (await time(() => {
      for (let i = 0; i < 50; i++) lib.checkDocument('interpretation', interpretation);
    }, 15)) / 50;
  const renderInterpretation = await time(async () => {
    const el = document.createElement('zw-interpretation');
    el.data = interpretation;
    document.body.append(el);
    await el.updateComplete;
    await Promise.all([...el.shadowRoot.querySelectorAll('zw-policy-card')].map((c) => c.updateComplete));
    el.getBoundingClientRect();
    el.remove();
  }, 9);
  const infographic = await (await fetch('/demo/data/infographic-002-anhui-2017.json')).json();
  const renderInfographic = await time(async () => {
    const el = document.createElement('zw-infographic');
    el.style.width = '1000px';
    el.data = infographic;
    document.body.append(el);
    await el.updateComplete;
    el.getBoundingClientRect();
    el.remove();
  }, 9);
  return { validate, full: await render('full'), compact: await render('compact'), fromSrc, validateInterpretation, renderInterpretation, renderInfographic };
});
console.log(`  checkDocument (policy)              ${(figures.validate * 1000).toFixed(0).padStart(6)} µs per document`);
console.log(`  render 100 full cards               ${figures.full.toFixed(1).padStart(6)} ms`);
console.log(`  render 100 compact cards            ${figures.compact.toFixed(1).padStart(6)} ms`);
console.log(`  src → zw-load (localhost)           ${figures.fromSrc.toFixed(1).padStart(6)} ms`);
console.log(`  checkDocument (interpretation 000)  ${(figures.validateInterpretation * 1000).toFixed(0).padStart(6)} µs per document`);
console.log(`  render interpretation 000           ${figures.renderInterpretation.toFixed(1).padStart(6)} ms (11 sections, 8 questions, 3 policy cards)`);
console.log(`  render infographic 002 at 1000 px   ${figures.renderInfographic.toFixed(1).padStart(6)} ms (validation, charts, axes, layout)`);
await browser.close();
server.close();
// <zw-policy-compare>: size beyond the base, comparison speed and accuracy, the element in Chromium.
if (spawnSync(process.execPath, [join(root, 'scripts/bench-compare.mjs')], { stdio: 'inherit' }).status !== 0) process.exitCode = 1;
if (overBudget) {
  console.error('A size budget is exceeded (scripts/build-config.mjs).');
  process.exit(1);
}
