// End-to-end checks of a pre-rendered <zw-reader> (issue 12): the page is generated with the BUILT render API
// (dist/ssr.js) from demo/data/reader-000-shandong-2019.json and loads the built drop-in (dist/zhengwu-elements.js).
// Without JavaScript: the title and the body are there to read, headings and all, axe clean, no dead controls.
// With it: the element hydrates in place (the content element the page parsed is the one shown after), no console
// error, no layout shift (CLS ≤ 0.01 at 1280×900 and 375×800), the toolbar works, stored choices apply after.
// run.mjs calls `checkReaderPrerender({ open, check, assert, base })`; `open(path, viewport)` → { page, log }.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';
import { layoutShift, recordShifts, withLibraryBlocked } from './support.mjs';

const SAMPLE = 'reader-000-shandong-2019';
const TITLE = '省商务厅2019年政务公开工作实施方案';
const HEADING = '一、深化重点领域信息公开';
const SENTENCE = '坚持以习近平新时代中国特色社会主义思想为指导';
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
];
const shot = (name) => join(root, 'test-results', name);

/**
 * Writes the page: the element as the render API makes it, and the drop-in. A classic script right after the element
 * keeps the content element the HTML parser made (declarative shadow DOM), so a check can tell hydration (the same
 * element) from rendering again (a new one).
 */
async function writePage({ ssr, library, file }) {
  const { render } = await import(pathToFileURL(ssr).href);
  const doc = JSON.parse(await readFile(join(root, 'demo/data', `${SAMPLE}.json`), 'utf8'));
  const element = await render(doc, { element: 'zw-reader' });
  const page = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${TITLE}</title></head>
<body>
<main>
<h1>政策文件</h1>
${element}
</main>
<script>window.__zwParsedContent = document.querySelector('zw-reader').shadowRoot?.querySelector('.content') ?? null;</script>
<script type="module" src="${library}"></script>
</body>
</html>
`;
  await mkdir(join(root, 'test-results'), { recursive: true });
  await writeFile(join(root, 'test-results', file), page);
}

/** The reader's first (hydrating) update and the one after it (the stored choices) are done. */
async function hydrated(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('zw-reader');
      return !!customElements.get('zw-reader') && el.hasUpdated && !el.isUpdatePending;
    },
    null,
    { timeout: 15000 },
  );
  await page.evaluate(() => document.querySelector('zw-reader').updateComplete);
}

const inReader = (page, selector) => page.evaluateHandle((s) => document.querySelector('zw-reader').shadowRoot.querySelector(s), selector);
const contentSize = (page) => page.evaluate(() => getComputedStyle(document.querySelector('zw-reader').shadowRoot.querySelector('.content p')).fontSize);

/**
 * @param {{ open: (path: string, viewport?: object) => Promise<{ page: import('playwright-core').Page, log: { console: string[], errors: string[] } }>,
 *   check: (name: string, fn: () => Promise<void>) => Promise<void>, assert: (c: unknown, m: string) => void, base: string,
 *   ssr?: string, library?: string, served?: (file: string) => string }} options
 *   `ssr` (the render module), `library` (the script's URL) and `served` (a test-results file's URL path) default to the built dist/.
 */
export async function checkReaderPrerender({
  open,
  check,
  assert,
  base,
  ssr = join(root, 'dist/ssr.js'),
  library = '/dist/zhengwu-elements.js',
  served = (file) => `/test-results/${file}`,
}) {
  const file = 'prerender-reader.html';
  const path = served(file);
  await writePage({ ssr, library, file });

  await check('pre-rendered reader without JavaScript: title, headings and body to read, no controls, axe clean', async () => {
    // a page of our own to reach the browser; the no-script view needs a context of its own
    const { page: opener } = await open(path);
    const browser = opener.context().browser();
    await opener.close();
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(base + path);
        const view = await page.evaluate(
          ([title, heading, sentence]) => {
            const host = document.querySelector('zw-reader');
            const root = host.shadowRoot;
            if (!root) return { shadow: false };
            const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
            const find = (text) => [...root.querySelectorAll('.content *')].find((el) => el.children.length === 0 && el.textContent.includes(text));
            const headings = [...root.querySelectorAll('.content [role="heading"], .content h1, .content h2, .content h3, .content h4, .content h5, .content h6')];
            const controls = [...root.querySelectorAll('button, select, input, textarea, a[href]')].filter(shown);
            const note = root.querySelector('.needs-script-note');
            return {
              shadow: true,
              defined: !!customElements.get('zw-reader'),
              title: shown(find(title)),
              heading: headings.some((h) => shown(h) && h.textContent.includes(heading) && /^[1-6]$/.test(h.getAttribute('aria-level') ?? h.localName.slice(1))),
              sentence: shown(find(sentence)),
              controls: controls.map((c) => c.id || c.localName),
              note: shown(note) ? note.textContent.trim() : '',
              height: host.getBoundingClientRect().height,
            };
          },
          [TITLE, HEADING, SENTENCE],
        );
        const at = `${viewport.width}×${viewport.height}`;
        assert(view.shadow, `${at}: the declarative shadow root is attached without JavaScript`);
        assert(!view.defined, `${at}: no script ran`);
        assert(view.title && view.sentence, `${at}: the title and a sentence of the body are shown (${JSON.stringify(view)})`);
        assert(view.heading, `${at}: a section heading is a heading with a level`);
        assert(view.controls.length === 0, `${at}: no control that needs the script is shown: ${view.controls}`);
        assert(view.note.includes('JavaScript'), `${at}: the toolbar's place says what needs the script`);
        await page.screenshot({ path: shot(`prerender-reader-no-js-${viewport.width}.png`) });
      } finally {
        await context.close();
      }
      // axe needs JavaScript itself (its timers do not run in a page without it): the same view, with the library's
      // script never arriving (a broken connection, a blocked CDN) instead
      await withLibraryBlocked(browser, { viewport, base, path, library, tag: 'zw-reader' }, async (page) => {
        const violations = await axeViolations(page);
        assert(violations.length === 0, `${viewport.width}×${viewport.height}: axe finds nothing without the script:\n      ${violations.join('\n      ')}`);
      });
    }
  });

  for (const viewport of VIEWPORTS) {
    await check(`pre-rendered reader hydrates at ${viewport.width}×${viewport.height}: same content, no console error, CLS ≤ 0.01, A+ works`, async () => {
      const { page, log } = await open(path, viewport);
      try {
        // layout shifts recorded from the start of a load: the observer goes in before the page's scripts, then the page loads again
        await recordShifts(page);
        await page.reload();
        await hydrated(page);
        assert(
          await page.evaluate(() => window.__zwParsedContent !== null && window.__zwParsedContent === document.querySelector('zw-reader').shadowRoot.querySelector('.content')),
          'the content the page came with is the one shown (hydrated, not rendered again)',
        );
        assert((await page.getAttribute('zw-reader', 'state')) === 'ready', 'ready');
        const before = await contentSize(page);
        const larger = await inReader(page, '#larger');
        await larger.click(); // Playwright waits for the button to be visible and still: frames after hydration
        await page.waitForFunction((size) => getComputedStyle(document.querySelector('zw-reader').shadowRoot.querySelector('.content p')).fontSize !== size, before, {
          timeout: 5000,
        });
        const after = await contentSize(page);
        assert(parseFloat(after) > parseFloat(before), `A+ makes the text larger: ${before} → ${after}`);
        assert((await (await inReader(page, '#size-value')).textContent()) === '125%', 'the toolbar shows 125%');
        // every layout shift since the reload, except those right after the click (the reader's own choice)
        const { cls, shifts } = await layoutShift(page);
        assert(cls <= 0.01, `CLS ${cls.toFixed(4)} ≤ 0.01 (${shifts.join(', ')})`);
        console.log(`    CLS ${viewport.width}×${viewport.height}: ${cls.toFixed(4)}`);
        const errors = log.console.filter((m) => m.startsWith('error')).concat(log.errors);
        assert(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
        await page.screenshot({ path: shot(`prerender-reader-js-${viewport.width}.png`) });
      } finally {
        await page.evaluate(() => localStorage.clear());
        await page.close();
      }
    });
  }

  await check('pre-rendered reader: the reader’s stored choices apply once hydrated (toolbar and text)', async () => {
    const { page, log } = await open(path);
    try {
      await hydrated(page);
      await page.evaluate(() => localStorage.setItem('zw-reader:v1', JSON.stringify({ v: 1, prefs: { textScale: 1.5, colorTheme: 'sepia', elderly: true } })));
      await page.reload();
      await hydrated(page);
      const state = await page.evaluate(() => {
        const root = document.querySelector('zw-reader').shadowRoot;
        return {
          size: root.querySelector('#size-value').textContent.trim(),
          elderly: root.querySelector('#elderly').getAttribute('aria-pressed'),
          theme: root.querySelector('#theme').value,
          text: getComputedStyle(root.querySelector('.content p')).fontSize,
          page: document.documentElement.getAttribute('data-zw-color-theme'),
        };
      });
      assert(state.size === '150%' && state.elderly === 'true' && state.theme === 'sepia', `the toolbar shows the stored choices: ${JSON.stringify(state)}`);
      assert(state.text === '27px' && state.page === 'sepia', `the text and the page follow them: ${JSON.stringify(state)}`);
      const errors = log.console.filter((m) => m.startsWith('error')).concat(log.errors);
      assert(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
    } finally {
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
  });
}
