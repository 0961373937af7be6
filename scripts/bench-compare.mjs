// node scripts/bench-compare.mjs (run by `npm run bench` after the other figures): the figures of
// <zw-policy-compare>, measured, never asserted — targets are printed beside them (issue 8).
//  1. Size: the element alone (Lit and all it imports statically, gzip -9) minus a minimal ZwElement
//     subclass with the same base imports = what the compare element adds to the shared base;
//     and jsdiff's tree-shaken share of it.
//  2. Speed in Chromium, on a generated 1,000-article pair (~150k characters) with known edits
//     (src/test-support/comparison-generator.ts): split + align + diff median, alignment accuracy,
//     and in the same run on the same pair the whole text diffed by jsdiff diffChars alone and by
//     diff-match-patch; then the element: data → first rows painted, → zw-load, longest main-thread
//     task, at 1,000 and 5,000 articles.
// Builds what it measures from src/ with Vite into a temporary folder (nothing is written to dist/).
// Exits non-zero only when something crashes. ZW_BENCH_ONLY=size or =speed runs one half.
import { build } from 'vite';
import { existsSync } from 'node:fs';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaRuntimePlugin } from './schema-runtime.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { TARGET } from './build-config.mjs';
import { launchChromium, serveRepository } from './static-server.mjs';
import { createSizer } from './element-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ELEMENT = 'src/components/policy-compare/policy-compare.ts';
/** Where the element marks each clause row (anchors `#c-12`); override with ZW_BENCH_ROW_SELECTOR. */
const ROW_SELECTOR = process.env.ZW_BENCH_ROW_SELECTOR ?? '[id^="c-"]';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n === undefined || n === null ? '     —' : `${n.toFixed(1).padStart(6)} ms`);
/** The longtask API reports tasks over 50 ms only. */
const task = (n) => (n === 0 ? '  < 50 ms' : ms(n));
const line = (label, figure, note = '') => console.log(`  ${label.padEnd(50)} ${figure.padStart(10)}${note ? `   ${note}` : ''}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let hasElement = existsSync(join(root, ELEMENT));
/** Something that should have worked did not (the element does not build, a run threw): exit 1 at the end. */
let crashed = false;
const firstLine = (error) => String(error?.message ?? error).split('\n')[0];

const tmp = await mkdtemp(join(tmpdir(), 'zw-bench-compare-'));
try {
  const sizer = await createSizer(tmp);
  /** Modules only the compare element uses (everything else it imports is shared with the other elements). */
  // the element's own: its folder (./…), the comparison core, schema and rules, jsdiff
  const OWN = /^\.\/|compare|comparison|^diff$|^diff\//;
  const only = process.env.ZW_BENCH_ONLY;
  if (only !== 'speed') console.log('== <zw-policy-compare> size (gzip -9)');
  if (hasElement) {
    try {
      await sizer.builtSize('probe', ELEMENT);
    } catch (error) {
      console.log(`  ${ELEMENT} does not build: ${firstLine(error)}`);
      hasElement = false;
      crashed = true;
    }
  }
  if (only === 'speed') {
    // sizes skipped
  } else if (hasElement) {
    await sizer.reportElementSize({
      name: 'policy-compare',
      entry: ELEMENT,
      own: OWN,
      line,
      kb,
      shares: [
        ['jsdiff (diff 9, tree-shaken)', (id) => id === 'diff' || id.startsWith('diff/')],
        ['core/compare (jsdiff included)', (id) => id.includes('/src/core/compare/')],
        ['comparison schema + rules', (id) => /\/src\/(schema|core\/rules)\/comparison/.test(id)],
        ['copy-table.ts', (id) => id.includes('/policy-compare/copy-table')],
        ['policy-compare.styles.ts', (id) => id.includes('/policy-compare/policy-compare.styles')],
      ],
    });
  } else {
    console.log(`  ${ELEMENT} does not exist yet: size not measured`);
  }

  if (only === 'size') process.exit(crashed ? 1 : 0);
  // The page's code: generator + core + both diff engines in one bundle; the element in its own build.
  const pageDir = join(tmp, 'page');
  const common = { configFile: false, root, logLevel: 'silent', plugins: [schemaRuntimePlugin(), cssLiteralsPlugin()] };
  await build({ ...common, build: { target: TARGET, outDir: pageDir, emptyOutDir: true, minify: true, lib: { entry: { compare: 'bench/compare-entry.ts' }, formats: ['es'] } } });
  if (hasElement) {
    await build({
      ...common,
      build: { target: TARGET, outDir: join(pageDir, 'element'), emptyOutDir: true, minify: true, lib: { entry: { 'policy-compare': ELEMENT }, formats: ['es'] } },
    });
  }

  const files = new Map();
  for (const file of await readdir(pageDir, { recursive: true })) if (file.endsWith('.js')) files.set(`/${file}`, await readFile(join(pageDir, file)));
  const server = await serveRepository({ routes: { '/': '<!doctype html><html lang="zh-CN"><body></body></html>' }, files });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
    await page.goto(`${server.base}/`);

    const core = await page.evaluate(async () => {
      const lib = await import('/compare.js');
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      /** Median time of `fn(input)` over `runs` runs, each on a fresh `prepare()` made outside the timing. */
      const time = (fn, runs, prepare = () => undefined) => {
        const xs = [];
        let result;
        for (let i = 0; i < runs; i++) {
          const input = prepare();
          const t = performance.now();
          result = fn(input);
          xs.push(performance.now() - t);
        }
        return { median: median(xs), runs, result };
      };
      const figures = {};
      for (const clauses of [1000, 5000]) {
        const pair = lib.generateComparison({ clauses });
        const runs = clauses === 1000 ? 15 : 5;
        // Each run on a fresh copy of the document: the core remembers split clauses per version object,
        // and a reader's first comparison pays for splitting.
        const fresh = () => structuredClone(pair.document);
        time((doc) => lib.compareVersions(doc), 2, fresh); // warm-up (JIT)
        const whole = time((doc) => lib.compareVersions(doc), runs, fresh);
        const split = time((doc) => doc.versions.map(lib.versionClauses), runs, fresh);
        figures[clauses] = {
          chars: [pair.oldText.length, pair.newText.length],
          edits: pair.edits,
          compare: whole.median,
          runs,
          split: split.median,
          accuracy: lib.measureAccuracy(whole.result, pair.expected),
          truth: pair.expected.length,
          summary: whole.result.summary,
        };
        if (clauses !== 1000) continue;
        // The whole text by the engines alone (same pair, same page). jsdiff's Myers diff is O(N·D): on
        // 150k characters it can take many seconds, so more runs only when one is short; diff-match-patch
        // keeps its default 1 s Diff_Timeout (its line-mode speed-up finishes well within it here).
        let jsdiff = time(() => lib.diffChars(pair.oldText, pair.newText), 1);
        if (jsdiff.median < 5000) jsdiff = time(() => lib.diffChars(pair.oldText, pair.newText), 5);
        const dmp = new lib.DiffMatchPatch();
        const dmpDefault = time(() => dmp.diff_main(pair.oldText, pair.newText), 9);
        dmp.Diff_Timeout = 0; // no deadline: the figure of a complete diff
        const dmpComplete = time(() => dmp.diff_main(pair.oldText, pair.newText), 9);
        figures.wholeText = {
          jsdiff: jsdiff.median,
          jsdiffRuns: jsdiff.runs,
          jsdiffParts: jsdiff.result?.length,
          dmp: dmpDefault.median,
          dmpComplete: dmpComplete.median,
          dmpRuns: 9,
        };
      }
      return figures;
    });

    const f = core[1000];
    console.log('== comparison core (Chromium, median of runs)');
    console.log(
      `  generated pair: ${f.edits.articles} articles in ${f.edits.chapters} chapters, ${f.chars[0].toLocaleString('en')} → ${f.chars[1].toLocaleString('en')} characters; edits: ` +
        `${f.edits.inserted} inserted, ${f.edits.deleted} deleted, ${f.edits.modified} modified, ${f.edits.moved} moved (${f.edits.movedAndModified} also edited), ${f.edits.replaced} replaced`,
    );
    line(`split + align + diff (compareVersions, ${f.runs} runs)`, ms(f.compare), 'target ≤ 100 ms');
    line('  of which splitting both versions', ms(f.split));
    line('alignment accuracy vs the known edits', `${(f.accuracy * 100).toFixed(2)} %`, `target ≥ 99 %   (${Math.round(f.accuracy * f.truth)}/${f.truth} clauses right)`);
    line(
      `whole text, jsdiff diffChars alone (${core.wholeText.jsdiffRuns} run${core.wholeText.jsdiffRuns > 1 ? 's' : ''})`,
      ms(core.wholeText.jsdiff),
      `${core.wholeText.jsdiffParts} parts`,
    );
    line(
      `whole text, diff-match-patch (${core.wholeText.dmpRuns} runs)`,
      ms(core.wholeText.dmp),
      `default Diff_Timeout 1 s${core.wholeText.dmp >= 990 ? ': stopped by it, diff incomplete' : ''}`,
    );
    line(`whole text, diff-match-patch, no timeout`, ms(core.wholeText.dmpComplete));
    line('comparison / jsdiff alone', `${(f.compare / core.wholeText.jsdiff).toPrecision(2)}×`, 'target ≤ 3×');
    line('comparison / diff-match-patch (no timeout)', `${(f.compare / core.wholeText.dmpComplete).toPrecision(2)}×`);
    const g = core[5000];
    line(`5,000 articles (${g.chars[0].toLocaleString('en')} chars): compareVersions (${g.runs} runs)`, ms(g.compare), `accuracy ${(g.accuracy * 100).toFixed(2)} %`);

    console.log('== <zw-policy-compare> in Chromium');
    if (!hasElement) {
      console.log(`  ${ELEMENT} does not exist yet: element not measured`);
    } else {
      const element = await page.evaluate(
        async ({ rowSelector }) => {
          await import('/element/policy-compare.js');
          const lib = await import('/compare.js');
          const { watchMainThread } = await import('/bench/main-thread.js');
          const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
          const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
          /** One element, from `.data` to zw-load: first painted rows, zw-load, longest task (two ways). */
          async function once(doc, limit) {
            const el = document.createElement('zw-policy-compare');
            document.body.append(el);
            await el.updateComplete;
            await frame();
            const mainThread = watchMainThread();
            let painted;
            const rowsPainted = new Promise((resolve) => {
              const check = () => {
                if (!el.shadowRoot?.querySelector(rowSelector)) return false;
                mutations.disconnect();
                requestAnimationFrame(() => resolve((painted = performance.now())));
                return true;
              };
              const mutations = new MutationObserver(check);
              mutations.observe(el.shadowRoot, { childList: true, subtree: true });
            });
            let loadedAt;
            const loaded = new Promise((resolve) => el.addEventListener('zw-load', () => resolve((loadedAt = performance.now())), { once: true }));
            const failed = new Promise((resolve) => el.addEventListener('zw-error', (e) => resolve(e), { once: true }));
            const start = performance.now();
            el.data = doc;
            const outcome = await Promise.race([
              Promise.all([loaded, rowsPainted]).then(() => 'ok'),
              failed.then((e) => `zw-error: ${JSON.stringify(e.detail?.errors?.slice(0, 2))}`),
              new Promise((r) => setTimeout(() => r(`no zw-load and painted rows within ${limit} ms`), limit)),
            ]);
            await frame();
            const blocked = await mainThread.stop(50);
            const rows = el.shadowRoot?.querySelectorAll(rowSelector).length ?? 0;
            el.remove();
            return {
              outcome,
              rows,
              painted: painted === undefined ? undefined : painted - start,
              loaded: loadedAt === undefined ? undefined : loadedAt - start,
              longtask: blocked.longestTask,
              gap: blocked.longestGap,
            };
          }
          const out = {};
          for (const [clauses, runs, limit] of [
            [1000, 7, 30000],
            [5000, 3, 60000],
          ]) {
            const { document: doc } = lib.generateComparison({ clauses });
            // A fresh copy per run: the core remembers split clauses per version object.
            await once(structuredClone(doc), limit); // warm-up
            const all = [];
            for (let i = 0; i < runs; i++) all.push(await once(structuredClone(doc), limit));
            const ok = all.filter((r) => r.outcome === 'ok');
            out[clauses] = {
              runs,
              failures: all.filter((r) => r.outcome !== 'ok').map((r) => r.outcome),
              rows: Math.max(...all.map((r) => r.rows)),
              painted: ok.length ? median(ok.map((r) => r.painted)) : undefined,
              loaded: ok.length ? median(ok.map((r) => r.loaded)) : undefined,
              longtask: all.map((r) => r.longtask),
              gap: all.map((r) => r.gap),
            };
          }
          return out;
        },
        { rowSelector: ROW_SELECTOR },
      );
      for (const [clauses, e] of Object.entries(element)) {
        const n = Number(clauses).toLocaleString('en');
        console.log(`  ${n} articles (median of ${e.runs} runs; ${e.rows} rows matching ${ROW_SELECTOR} at zw-load)`);
        line('  data → first rows painted', ms(e.painted), 'target ≤ 300 ms');
        line('  data → zw-load', ms(e.loaded));
        const runs = (xs) => `median run; worst ${Math.max(...xs) ? `${Math.max(...xs).toFixed(0)} ms` : '< 50 ms'}; runs ${xs.map((x) => (x ? x.toFixed(0) : '<50')).join(', ')}`;
        line('  longest main-thread task (longtask API)', task(median(e.longtask)), `target ≤ 100 ms   (${runs(e.longtask)})`);
        line('  longest main-thread block (timer gaps)', ms(median(e.gap)), `(${runs(e.gap)})`);
        for (const failure of e.failures) console.log(`    run failed: ${failure}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
} catch (error) {
  console.error(error);
  crashed = true;
} finally {
  await rm(tmp, { recursive: true, force: true });
}
if (crashed) process.exit(1);
