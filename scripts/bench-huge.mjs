// node scripts/bench-huge.mjs [--src] [--only=<case,…>] (run by `npm run bench` after the build): the huge-input figures
// (issue 13). Each case is one element given one unreasonable or very large document as `data`, in Debian's Chromium,
// in a fresh page: the time from `data` + connect to `zw-load` or `zw-error` (and the state it ends in), and the longest
// main-thread task meanwhile (longtask API, and the longest gap between timer ticks) until two frames after that event.
//  - a 1 MB (1,048,576-character) string in: a policy's summary (card), an interpretation paragraph, a comparison
//    clause, a reader body paragraph, an infographic text block and a chart caption (source);
//  - 100,000 directory entries (scripts/directory-generator.mjs), local mode;
//  - a 5,000-clause comparison (src/test-support/comparison-generator.ts, split clauses);
//  - a 200,000-character regulation in <zw-reader> (src/test-support/reader-fixture.ts longRegulation);
//  - a bar chart with 5,000 categories, a line chart with 5,000 points, a pie with 200 slices.
// Where the library refuses the data (schema limits), the figure is the time to the error state: it must be quick.
// By default it measures the built drop-in, dist/zhengwu-elements.js (run after `npm run build`); `--src` builds src/
// with Vite into a temporary folder first (to measure a change before the build); ZW_BENCH_HUGE_LIB=<path> measures
// another built file. Figures are printed and written to a JSON file in the system temp folder; they are never asserted
// (machines differ): exit 1 only when something crashes or a case neither loads nor errors within 60 s.
import { build as vite } from 'vite';
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schemaRuntimePlugin } from './schema-runtime.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { TARGET } from './build-config.mjs';
import { launchChromium, root, serveRepository } from './static-server.mjs';
import { ms, line, firstLine } from './bench-report.mjs';

const FROM_SRC = process.argv.includes('--src');
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const LIB = process.env.ZW_BENCH_HUGE_LIB ?? 'dist/zhengwu-elements.js';
const MB = 1_048_576;
const TASK_TARGET = 200;

const tmp = await mkdtemp(join(tmpdir(), 'zw-bench-huge-'));
const figures = { date: new Date().toISOString(), library: FROM_SRC ? 'src (built by this run)' : LIB, cases: [] };
let failed = false;
let browser;
let server;
try {
  // ---- the library: the built drop-in, or src/ built now (chunks kept: the reader's lazy modules stay lazy)
  const files = new Map();
  let libraryUrl = `/${LIB}`;
  if (FROM_SRC) {
    const outDir = join(tmp, 'lib');
    await vite({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [schemaRuntimePlugin(), cssLiteralsPlugin()],
      build: { target: TARGET, outDir, emptyOutDir: true, minify: true, lib: { entry: { 'zhengwu-elements': 'src/index.ts' }, formats: ['es'] } },
    });
    for (const f of await readdir(outDir)) if (f.endsWith('.js')) files.set(`/huge-lib/${f}`, await readFile(join(outDir, f), 'utf8'));
    libraryUrl = '/huge-lib/zhengwu-elements.js';
  } else if (!existsSync(join(root, LIB))) {
    throw new Error(`${LIB} does not exist: run the build first (or pass --src)`);
  }

  // ---- the documents, made in Node from the test fixtures (TypeScript, bundled with esbuild)
  const generatorsOut = join(tmp, 'generators.mjs');
  await esbuild({
    stdin: {
      contents: [
        `export { longRegulation, bodyTextLength } from './src/test-support/reader-fixture.ts';`,
        `export { generateComparison } from './src/test-support/comparison-generator.ts';`,
        `export { generateDirectory } from './scripts/directory-generator.mjs';`,
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'bench-huge-generators.ts',
      loader: 'ts',
    },
    outfile: generatorsOut,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  const { longRegulation, generateComparison, generateDirectory } = await import(pathToFileURL(generatorsOut).href);
  const sample = async (name) => JSON.parse(await readFile(join(root, 'demo/data', `${name}.json`), 'utf8'));
  const policy = await sample('policy-000-shandong-commerce-2019');
  const interpretation = await sample('interpretation-000-shandong-commerce-2019');
  const infographic = await sample('infographic-002-anhui-2017');
  const clauseList = await sample('comparison-clause-list');
  // A megabyte of real policy prose (dates, 文号, terms and punctuation as a CMS field has them), not one repeated letter.
  const prose = [policy.summary, ...interpretation.background.filter((b) => b.type === 'paragraph').map((b) => b.text)].join('');
  const megabyte = prose.repeat(Math.ceil(MB / prose.length)).slice(0, MB);
  const clone = (x) => structuredClone(x);
  const slug = (name) => name.replace(/[^A-Za-z0-9]+/g, '-');

  const categories = (n) => Array.from({ length: n }, (_, i) => `类目${i + 1}`);
  const values = (n) => Array.from({ length: n }, (_, i) => (i * 37) % 101);
  const chart = (kind, n) => ({
    ...clone(infographic),
    blocks: [
      {
        type: 'chart',
        title: `${n.toLocaleString('en')} 个类目的${kind}图`,
        chart: kind,
        categories: categories(n),
        series: [{ name: '件数', values: values(n) }],
        unit: '件',
        takeaway: '各类目件数不一。',
      },
    ],
  });

  /** [name, element, document maker] */
  const cases = [
    ['1 MB policy summary', 'zw-policy-card', () => ({ ...clone(policy), summary: megabyte })],
    [
      '1 MB interpretation paragraph',
      'zw-interpretation',
      () => {
        const doc = clone(interpretation);
        doc.background = [...doc.background, { type: 'paragraph', text: megabyte }];
        return doc;
      },
    ],
    [
      '1 MB comparison clause',
      'zw-policy-compare',
      () => {
        const doc = clone(clauseList);
        doc.versions[1].clauses[0].text = megabyte;
        return doc;
      },
    ],
    ['1 MB reader paragraph', 'zw-reader', () => ({ ...clone(policy), body: [...(policy.body ?? []), { type: 'paragraph', text: megabyte }] })],
    ['1 MB infographic text block', 'zw-infographic', () => ({ ...clone(infographic), blocks: [...infographic.blocks, { type: 'callout', text: megabyte }] })],
    [
      '1 MB infographic chart source',
      'zw-infographic',
      () => {
        const doc = clone(infographic);
        doc.blocks.find((b) => b.type === 'chart').source = megabyte;
        return doc;
      },
    ],
    ['100,000 directory entries', 'zw-disclosure-directory', () => generateDirectory(100_000)],
    ['5,000-clause comparison', 'zw-policy-compare', () => generateComparison({ clauses: 5000, form: 'clauses' }).document],
    ['200,000-character reader text', 'zw-reader', () => longRegulation(200_000)],
    ['bar chart, 5,000 categories', 'zw-infographic', () => chart('bar', 5000)],
    ['line chart, 5,000 points', 'zw-infographic', () => chart('line', 5000)],
    ['pie chart, 200 slices', 'zw-infographic', () => chart('pie', 200)],
  ].filter(([name]) => !ONLY || ONLY.some((o) => name.includes(o)));

  for (const [name, , make] of cases) files.set(`/huge/${slug(name)}.json`, JSON.stringify(make()));
  server = await serveRepository({
    routes: { '/': '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body></body></html>' },
    files,
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  });
  browser = await launchChromium();
  console.log(`== huge inputs (${figures.library}; Chromium, 1280 × 900; each case in a fresh page; target: no task over ${TASK_TARGET} ms)`);
  for (const [name, tag] of cases) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
    await page.goto(`${server.base}/`);
    const result = await page.evaluate(
      async ({ library, url, tag }) => {
        await import(library);
        const { watchMainThread } = await import('/bench/main-thread.js');
        await customElements.whenDefined(tag);
        const doc = await (await fetch(url)).json();
        const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        const el = document.createElement(tag);
        el.setAttribute('preview', '');
        if (tag === 'zw-reader') el.setAttribute('no-remember', '');
        await frame();
        const mainThread = watchMainThread();
        const outcome = new Promise((resolve) => {
          el.addEventListener('zw-load', () => resolve({ event: 'zw-load', at: performance.now() }), { once: true });
          el.addEventListener('zw-error', (e) => resolve({ event: 'zw-error', at: performance.now(), errors: e.detail.errors }), { once: true });
          setTimeout(() => resolve({ event: 'none within 60 s', at: performance.now() }), 60_000);
        });
        // As a portal page has it: the element gets its document and goes into the page in one task (the clock starts there).
        const start = performance.now();
        el.data = doc;
        document.body.append(el);
        const got = await outcome;
        await frame();
        await frame();
        const painted = performance.now();
        const blocked = await mainThread.stop(100);
        const first = got.errors?.[0];
        return {
          event: got.event,
          time: got.at - start,
          painted: painted - start,
          state: el.getAttribute('state'),
          error: first ? `${got.errors.length} error(s); first ${first.path} ${first.code}: ${String(first.message).slice(0, 90)}` : undefined,
          longtask: blocked.longestTask,
          longtasks: blocked.longTasks,
          gap: blocked.longestGap,
        };
      },
      { library: libraryUrl, url: `/huge/${slug(name)}.json`, tag },
    );
    await page.close();
    figures.cases.push({ name, element: tag, ...result });
    if (result.event.startsWith('none')) failed = true;
    line(
      `${name} (${tag})`,
      ms(result.time, 0),
      `→ ${result.event}, state=${result.state}; longest task ${result.longtask ? ms(result.longtask, 0) : '< 50 ms'} (${result.longtasks} over 50 ms, longest timer gap ${ms(result.gap, 0)}); painted at ${ms(result.painted, 0)}${result.longtask > TASK_TARGET ? '   OVER TARGET' : ''}`,
    );
    if (result.error) console.log(`      ${result.error}`);
  }
} catch (error) {
  console.error(`  ${firstLine(error)}`);
  console.error(error);
  failed = true;
} finally {
  await browser?.close();
  server?.close();
  await rm(tmp, { recursive: true, force: true });
}
const out = join(tmpdir(), `zw-bench-huge-${Date.now()}.json`);
await writeFile(out, JSON.stringify(figures, null, 2));
console.log(`  figures written to ${out}`);
if (failed) process.exit(1);
