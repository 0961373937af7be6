// node scripts/bench-reader.mjs [--strict]: the figures of <zw-reader> (issue 10).
//  1. size (gzip -9, built like the elements are, into a temp folder — never dist/): what the element adds beyond
//     the shared base (scripts/element-size.mjs; target ≤ 20 KB), and each lazy chunk apart — speech.ts, aids.ts,
//     sanitize.ts (DOMPurify), extras.ts and its table chunks (繁体, 拼音) — as what a page downloads the first time
//     the feature is used (the chunk and what it imports statically, minus what is already loaded);
//  2. time, in Debian's Chromium: a 200,000-character regulation (longRegulation in src/test-support/reader-fixture.ts)
//     given to a <zw-reader> as `data`, then the reader put into the page: time to zw-load, time until the whole text is in the shadow DOM, and the
//     longest main-thread task meanwhile (longtask API, and the longest gap between timer ticks). Target: no task
//     over 200 ms.
// Figures are printed and written to a JSON file in the system temp folder. Targets missed are reported; they fail
// the run only with --strict. A crash, or an element that does not exist or does not build, exits 1.
import { build as vite } from 'vite';
import { build as esbuild } from 'esbuild';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schemaRuntimePlugin } from './schema-runtime.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { TARGET } from './build-config.mjs';
import { launchChromium, root, serveRepository } from './static-server.mjs';
import { createSizer } from './element-size.mjs';
import { ms, kb, line, firstLine } from './bench-report.mjs';

/** ZW_BENCH_READER_ELEMENT=<path> measures another build of the same contract. */
const ELEMENT = process.env.ZW_BENCH_READER_ELEMENT ?? 'src/components/reader/reader.ts';
const FIXTURE = 'src/test-support/reader-fixture.ts';
const CHARS = Number(process.env.ZW_BENCH_READER_CHARS ?? 200_000);
const STRICT = process.argv.includes('--strict');
const SIZE_TARGET = 20 * 1024;
const TASK_TARGET = 200;

const missed = [];
const target = (ok, what) => {
  if (ok) return 'ok';
  missed.push(what);
  return STRICT ? 'OVER BUDGET' : 'MISSED';
};
const gz = (text) => gzipSync(text, { level: 9 }).length;

/** What the lazy modules are called in the report (by chunk file name). */
const LAZY_NAMES = [
  [/^speech/, 'speech.ts (read aloud)'],
  [/^aids/, 'aids.ts (ruler, crosshair, caption, cursor)'],
  [/^sanitize|^purify/, 'sanitize.ts (DOMPurify, progressive enhancement)'],
  [/^extras/, 'extras.ts (简/繁, 拼音 glue)'],
  [/^hant/, '  简→繁 table chunk'],
  [/^pinyin/, '  拼音 table chunk'],
  [/^(en|zh-Hant)-/, "UI strings (the base's, for an en / zh-Hant page)"],
];
const lazyName = (file) => LAZY_NAMES.find(([re]) => re.test(file))?.[1] ?? file;

const tmp = await mkdtemp(join(tmpdir(), 'zw-bench-reader-'));
const figures = { date: new Date().toISOString(), chars: CHARS, size: null, lazy: [], time: null };
let failed = false;
let browser;
let server;
try {
  if (!existsSync(join(root, ELEMENT))) throw new Error(`${ELEMENT} does not exist yet: nothing to measure`);

  // ---- 1. size beyond the shared base (static imports only: the lazy chunks are not counted there)
  console.log('== <zw-reader> size (gzip -9)');
  const sizer = await createSizer(tmp);
  const size = await sizer.reportElementSize({
    name: 'reader',
    entry: ELEMENT,
    own: /^\.\/|\/core\/reader\//,
    target: SIZE_TARGET,
    line,
    kb,
    shares: [
      ['core/reader (prefs, themes, sentences, contrast)', (id) => id.includes('/src/core/reader/')],
      ['toolbar.ts', (id) => id.includes('/components/reader/toolbar')],
      ['page-target.ts', (id) => id.includes('/components/reader/page-target')],
      ['reader.styles.ts', (id) => id.includes('/components/reader/reader.styles')],
    ],
  });
  figures.size = size;
  target(size.beyond <= SIZE_TARGET, `element beyond the shared base > ${kb(SIZE_TARGET)} gz`);

  // ---- the element built once more, chunks kept, for the lazy chunks and the timing page
  const outDir = join(tmp, 'reader');
  await vite({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [schemaRuntimePlugin(), cssLiteralsPlugin()],
    build: { target: TARGET, outDir, emptyOutDir: true, minify: true, lib: { entry: { reader: ELEMENT }, formats: ['es'] } },
  });
  const code = new Map();
  for (const f of await readdir(outDir)) if (f.endsWith('.js')) code.set(f, await readFile(join(outDir, f), 'utf8'));

  // Static and dynamic imports of each built file (chunks import each other as ./name.js).
  await initLexer;
  const imports = new Map();
  for (const [file, text] of code) {
    const [found] = parseImports(text);
    const local = (n) => n?.replace(/^\.\//, '');
    imports.set(file, {
      static: found.filter((i) => i.d === -1 && code.has(local(i.n))).map((i) => local(i.n)),
      dynamic: found.filter((i) => i.d > -1 && code.has(local(i.n))).map((i) => local(i.n)),
    });
  }
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const f of imports.get(file)?.static ?? []) closure(f, seen);
    return seen;
  };
  const bytes = (files) => [...files].reduce((n, f) => n + gz(code.get(f)), 0);
  const upFront = closure('reader.js');
  console.log('== lazy chunks: what a page downloads the first time it uses each, alone (gzip -9; a chunk two features share counts in both)');
  line('the element up front (this build, all static chunks)', kb(bytes(upFront)), `${upFront.size} file(s)`);
  // Breadth-first from the element: each dynamic import, with what is already loaded when it is asked for.
  const queue = [...(imports.get('reader.js')?.dynamic ?? [])].map((file) => ({ file, loaded: upFront }));
  for (const f of upFront) for (const d of imports.get(f)?.dynamic ?? []) if (!queue.some((q) => q.file === d)) queue.push({ file: d, loaded: upFront });
  const done = new Set();
  while (queue.length) {
    const { file, loaded } = queue.shift();
    if (done.has(file)) continue;
    done.add(file);
    const mine = [...closure(file)].filter((f) => !loaded.has(f));
    const entry = { chunk: file, name: lazyName(file), gzip: bytes(mine), raw: mine.reduce((n, f) => n + Buffer.byteLength(code.get(f)), 0), files: mine };
    figures.lazy.push(entry);
    line(entry.name, kb(entry.gzip), `${file}${mine.length > 1 ? ` + ${mine.length - 1} shared chunk(s)` : ''}`);
    const after = new Set([...loaded, ...mine]);
    for (const f of mine) for (const d of imports.get(f)?.dynamic ?? []) if (!done.has(d)) queue.push({ file: d, loaded: after });
  }
  if (!figures.lazy.length) console.log('  no lazy chunks found (no import() in the build)');

  // ---- 2. time: the long regulation, made in Node from the fixture (bundled with esbuild: it is TypeScript importing JSON)
  const fixtureOut = join(tmp, 'reader-fixture.mjs');
  await esbuild({ entryPoints: [join(root, FIXTURE)], outfile: fixtureOut, bundle: true, format: 'esm', platform: 'node', logLevel: 'error' });
  const { longRegulation, bodyTextLength } = await import(pathToFileURL(fixtureOut).href);
  const doc = longRegulation(CHARS);
  const textLength = bodyTextLength(doc.body);
  const files = new Map([['/long.json', JSON.stringify(doc)]]);
  for (const [f, text] of code) files.set(`/reader/${f}`, text);
  server = await serveRepository({
    routes: { '/': '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body></body></html>' },
    files,
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`  console error: ${m.text().split('\n').slice(0, 3).join(' ')}`));
  await page.goto(`${server.base}/`);
  console.log(
    `== <zw-reader> with a ${CHARS.toLocaleString('en')}-character regulation (Chromium, 1280 × 900; ${doc.body.length} blocks, ${textLength.toLocaleString('en')} characters)`,
  );
  figures.time = await page.evaluate(async (expected) => {
    await import('/reader/reader.js');
    const { watchMainThread } = await import('/bench/main-thread.js');
    await customElements.whenDefined('zw-reader');
    const doc = await (await fetch('/long.json')).json();
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    // As a portal page has it: the reader gets its document, then goes into the page (the clock starts there).
    const el = document.createElement('zw-reader');
    el.setAttribute('no-remember', '');
    el.data = doc;
    await frame();

    const mainThread = watchMainThread();

    const out = {};
    let loaded;
    const loadedP = new Promise((resolve) => el.addEventListener('zw-load', () => resolve((loaded = performance.now())), { once: true }));
    const errorP = new Promise((resolve) => el.addEventListener('zw-error', (e) => resolve(e), { once: true }));
    // The whole text in the shadow DOM (rendering may go on in chunks after zw-load): checked once a frame.
    const textIn = () => el.shadowRoot?.querySelector('.content')?.textContent?.length ?? 0;
    let complete;
    let firstText;
    const completeP = new Promise((resolve) => {
      const check = () => {
        const n = textIn();
        if (n && firstText === undefined) firstText = performance.now();
        if (n >= expected * 0.98) return resolve((complete = performance.now()));
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const start = performance.now();
    document.body.append(el);
    out.outcome = await Promise.race([
      Promise.all([loadedP, completeP]).then(() => 'ok'),
      errorP.then((e) => `zw-error: ${JSON.stringify(e.detail).slice(0, 300)}`),
      new Promise((r) => setTimeout(() => r(`no zw-load and whole text within 60 s (text in .content: ${textIn()} of ${expected})`), 60_000)),
    ]);
    const blocked = await mainThread.stop(100);
    out.loaded = loaded === undefined ? undefined : loaded - start;
    out.firstText = firstText === undefined ? undefined : firstText - start;
    out.complete = complete === undefined ? undefined : complete - start;
    out.longtask = blocked.longestTask;
    out.longtasks = blocked.longTasks;
    out.gap = blocked.longestGap;
    out.sections = el.shadowRoot?.querySelectorAll('.zw-section').length ?? 0;
    out.textIn = textIn();

    // Scrolling to the end: content-visibility sections render as they come into view.
    if (out.outcome === 'ok') {
      const scrolling = watchMainThread({ heartbeat: false });
      const t = performance.now();
      for (let y = 0; y < document.documentElement.scrollHeight; y += 4000) {
        scrollTo(0, y);
        await frame();
      }
      out.scroll = performance.now() - t;
      out.scrollLongtask = (await scrolling.stop(100)).longestTask;
      out.pageHeight = document.documentElement.scrollHeight;

      // 拼音 on, then 繁, then both off, through the reader's own properties (extras.ts converts in slices)
      scrollTo(0, 0);
      const content = el.shadowRoot.querySelector('.content');
      const until = async (done) => {
        for (const end = performance.now() + 30_000; !done(); await frame()) if (performance.now() > end) throw new Error('拼音/繁 did not finish within 30 s');
      };
      const extras = watchMainThread({ heartbeat: false });
      const steps = {};
      let t0 = performance.now();
      el.pinyin = true;
      await until(() => content.querySelectorAll('rt').length > 150_000);
      steps.pinyin = performance.now() - t0;
      t0 = performance.now();
      el.script = 'hant';
      await until(() => content.getAttribute('lang') === 'zh-Hant');
      steps.hant = performance.now() - t0;
      t0 = performance.now();
      el.pinyin = false;
      el.script = 'original';
      await until(() => !content.querySelector('ruby') && content.getAttribute('lang') !== 'zh-Hant');
      steps.back = performance.now() - t0;
      out.extras = { ...steps, longestTask: (await extras.stop(100)).longestTask };
    }
    return out;
  }, textLength);
  const t = figures.time;
  if (t.outcome !== 'ok') {
    console.log(`  ${t.outcome}`);
    missed.push('long text not rendered');
  }
  line('connected → first text in .content', ms(t.firstText));
  line('connected → zw-load', ms(t.loaded));
  line('connected → whole text in the shadow DOM', ms(t.complete), `${t.textIn.toLocaleString('en')} characters, ${t.sections} .zw-section`);
  line(
    '  longest main-thread task (longtask API)',
    t.longtask ? ms(t.longtask, 0) : '< 50 ms',
    `≤ ${TASK_TARGET} ms   ${target(t.longtask <= TASK_TARGET, `a task over ${TASK_TARGET} ms while rendering`)} (${t.longtasks} task(s) over 50 ms; longest timer gap ${ms(t.gap)})`,
  );
  if (t.scroll !== undefined) {
    line('scroll to the end, 4000 px a frame', ms(t.scroll), `page ${t.pageHeight.toLocaleString('en')} px high`);
    line(
      '  longest task while scrolling',
      t.scrollLongtask ? ms(t.scrollLongtask, 0) : '< 50 ms',
      `≤ ${TASK_TARGET} ms   ${target(t.scrollLongtask <= TASK_TARGET, `a task over ${TASK_TARGET} ms while scrolling`)}`,
    );
  }
  if (t.extras) {
    line('拼音 on / 繁 / both off (200k characters)', `${ms(t.extras.pinyin, 0)} / ${ms(t.extras.hant, 0)} / ${ms(t.extras.back, 0)}`);
    line(
      '  longest task meanwhile',
      t.extras.longestTask ? ms(t.extras.longestTask, 0) : '< 50 ms',
      `≤ ${TASK_TARGET} ms   ${target(t.extras.longestTask <= TASK_TARGET, `a task over ${TASK_TARGET} ms while converting`)}`,
    );
  }
} catch (error) {
  console.error(`  ${firstLine(error)}`);
  if (!/does not exist yet/.test(String(error?.message))) console.error(error);
  failed = true;
} finally {
  await browser?.close();
  server?.close();
  await rm(tmp, { recursive: true, force: true });
}
const out = join(tmpdir(), `zw-bench-reader-${Date.now()}.json`);
await writeFile(out, JSON.stringify(figures, null, 2));
console.log(`  figures written to ${out}`);
if (missed.length) console.log(`Reader targets missed: ${missed.join('; ')}${STRICT ? '' : ' (reported; --strict fails on them)'}.`);
if (failed || (STRICT && missed.length)) process.exit(1);
