// End-to-end checks of a pre-rendered <zw-disclosure-directory> (issue 12): the page is generated with the BUILT render
// API (dist/ssr.js) from demo/data/directory-seeds.json and loads the built drop-in (dist/zhengwu-elements.js).
// Without JavaScript: the title, the first page of rows, the total and the tree's counts are there to read, axe clean,
// no dead control shown (the search, filters and pager buttons keep their place, invisible, and a note says why).
// With it: the element hydrates in place (the nodes the page parsed are the ones shown after), no console error, no
// layout shift (CLS ≤ 0.01 at 1280×900 and at 375×800, where the script then switches to the phone's cards), and
// searching works. run.mjs calls `checkDirectoryPrerender({ open, check, assert, base })`; `open(path, viewport)` →
// { page, log }.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';
import { layoutShift, recordShifts, withLibraryBlocked } from './support.mjs';

const SAMPLE = 'directory-seeds';
const TITLE = '政府信息公开目录（示例）';
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
];
const shot = (name) => join(root, 'test-results', name);

/**
 * Writes the page: the element as the render API makes it, and the drop-in. A classic script right after the element
 * keeps nodes the HTML parser made (declarative shadow DOM), so a check can tell hydration (the same nodes) from
 * rendering again (new ones).
 */
async function writePage({ ssr, library, file }) {
  const { render } = await import(pathToFileURL(ssr).href);
  const doc = JSON.parse(await readFile(join(root, 'demo/data', `${SAMPLE}.json`), 'utf8'));
  const element = await render(doc);
  const page = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${TITLE}</title></head>
<body>
<main>
<h1>政务公开</h1>
${element}
<p>目录之后的页面内容。</p>
</main>
<script>
  window.__zwParsed = (() => {
    const root = document.querySelector('zw-disclosure-directory').shadowRoot;
    return root && { root: root.querySelector('.zw-root'), title: root.querySelector('#title'), row: root.querySelector('tbody tr'), count: root.querySelector('.result-count') };
  })();
</script>
<script type="module" src="${library}"></script>
</body>
</html>
`;
  await mkdir(join(root, 'test-results'), { recursive: true });
  await writeFile(join(root, 'test-results', file), page);
  return doc;
}

/** The hydrating update and the one after it (the measured width's layout, the address's state) are done. */
async function hydrated(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('zw-disclosure-directory');
      return !!customElements.get('zw-disclosure-directory') && el.hasUpdated && !el.isUpdatePending && el.getAttribute('state') === 'ready';
    },
    null,
    { timeout: 15000 },
  );
  await page.evaluate(() => document.querySelector('zw-disclosure-directory').updateComplete);
}

/** What the reader sees of the directory, without JavaScript or before it. */
function noScriptView(page, { title, row }) {
  return page.evaluate(
    ([title, row]) => {
      const host = document.querySelector('zw-disclosure-directory');
      const root = host.shadowRoot;
      if (!root) return { shadow: false };
      const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
      const find = (selector, text) => [...root.querySelectorAll(selector)].find((el) => el.textContent.includes(text));
      const note = root.querySelector('.needs-script-note');
      return {
        shadow: true,
        defined: !!customElements.get('zw-disclosure-directory'),
        title: shown(find('#title', title)),
        row: shown(find('tbody tr', row)),
        rows: root.querySelectorAll('tbody tr').length,
        total: shown(find('.result-count', '共 32 条')),
        tree: shown(find('[role=treeitem]', '全部栏目')) && root.querySelector('[role=treeitem] .count')?.textContent.includes('32'),
        // what works without the script: links, the <details> summaries; nothing else may be shown
        controls: [...root.querySelectorAll('button, select, input, textarea')].filter(shown).map((c) => c.id || c.className || c.localName),
        note: shown(note) ? note.textContent.trim() : '',
      };
    },
    [title, row],
  );
}

/**
 * @param {{ open: (path: string, viewport?: object) => Promise<{ page: import('playwright-core').Page, log: { console: string[], errors: string[] } }>,
 *   check: (name: string, fn: () => Promise<void>) => Promise<void>, assert: (c: unknown, m: string) => void, base: string,
 *   ssr?: string, library?: string, served?: (file: string) => string }} options
 *   `ssr` (the render module), `library` (the script's URL) and `served` (a test-results file's URL path) default to the built dist/.
 */
export async function checkDirectoryPrerender({
  open,
  check,
  assert,
  base,
  ssr = join(root, 'dist/ssr.js'),
  library = '/dist/zhengwu-elements.js',
  served = (file) => `/test-results/${file}`,
}) {
  const file = 'prerender-directory.html';
  const path = served(file);
  const doc = await writePage({ ssr, library, file });
  const newest = [...doc.entries].sort((a, b) => b.publishDate.localeCompare(a.publishDate))[0].title;

  await check('pre-rendered directory without JavaScript: title, first page of rows, total and tree counts to read, no dead control, axe clean', async () => {
    // a page of our own to reach the browser; the no-script view needs a context of its own
    const { page: opener } = await open(path);
    const browser = opener.context().browser();
    await opener.close();
    for (const viewport of VIEWPORTS) {
      const at = `${viewport.width}×${viewport.height}`;
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(base + path);
        const view = await noScriptView(page, { title: TITLE, row: newest });
        assert(view.shadow, `${at}: the declarative shadow root is attached without JavaScript`);
        assert(!view.defined, `${at}: no script ran`);
        assert(view.title && view.row && view.total && view.tree, `${at}: the title, the newest row, the total and the tree's counts are shown (${JSON.stringify(view)})`);
        assert(view.rows === 20, `${at}: the first page's 20 rows (${view.rows})`);
        assert(view.controls.length === 0, `${at}: no control that needs the script is shown: ${view.controls}`);
        assert(view.note.includes('JavaScript'), `${at}: the search's place says what needs the script`);
        await page.screenshot({ path: shot(`prerender-directory-no-js-${viewport.width}.png`) });
      } finally {
        await context.close();
      }
      // axe needs JavaScript itself: the same view, with the library's script never arriving (a blocked CDN) instead
      await withLibraryBlocked(browser, { viewport, base, path, library, tag: 'zw-disclosure-directory' }, async (page) => {
        const view = await noScriptView(page, { title: TITLE, row: newest });
        assert(view.row && view.controls.length === 0, `${at}: the same view without the script: ${JSON.stringify(view)}`);
        const violations = await axeViolations(page);
        assert(violations.length === 0, `${at}: axe finds nothing without the script:\n      ${violations.join('\n      ')}`);
      });
    }
  });

  for (const viewport of VIEWPORTS) {
    await check(`pre-rendered directory hydrates at ${viewport.width}×${viewport.height}: same nodes, no console error, CLS ≤ 0.01, search works`, async () => {
      const { page, log } = await open(path, viewport);
      try {
        // layout shifts recorded from the start of a load: the observer goes in before the page's scripts, then the page loads again
        await recordShifts(page);
        await page.reload();
        await hydrated(page);
        const kept = await page.evaluate(() => {
          const root = document.querySelector('zw-disclosure-directory').shadowRoot;
          const parsed = window.__zwParsed;
          return {
            root: !!parsed?.root && parsed.root === root.querySelector('.zw-root'),
            title: !!parsed?.title && parsed.title === root.querySelector('#title'),
            count: !!parsed?.count && parsed.count === root.querySelector('.result-count'),
            row: !!parsed?.row && parsed.row === root.querySelector('tbody tr'),
            cards: root.querySelectorAll('li[data-card]').length,
          };
        });
        assert(kept.root && kept.title && kept.count, `the nodes the page came with are the ones shown (hydrated, not rendered again): ${JSON.stringify(kept)}`);
        // wide, the table stays as it was; on a phone the script puts compact cards in its place
        if (viewport.width >= 1000) assert(kept.row, 'the first row the page came with is still the first row');
        else assert(kept.cards === 20, `a phone gets the first page as cards (${kept.cards})`);
        const settled = await page.evaluate(() => {
          const el = document.querySelector('zw-disclosure-directory');
          return { state: el.getAttribute('state'), total: el.total, count: el.shadowRoot.querySelector('.result-count').textContent.trim() };
        });
        assert(settled.state === 'ready' && settled.total === 32 && settled.count === '共 32 条', `ready with the same total: ${JSON.stringify(settled)}`);

        // every layout shift since the reload, up to the reader's first action
        const { cls, shifts } = await layoutShift(page);
        assert(cls <= 0.01, `CLS ${cls.toFixed(4)} ≤ 0.01 (${shifts.join(', ')})`);
        console.log(`    CLS ${viewport.width}×${viewport.height}: ${cls.toFixed(4)}`);

        // searching after hydration: the list follows what is typed
        await page.locator('zw-disclosure-directory #q').fill('预算');
        await page.waitForFunction(() => document.querySelector('zw-disclosure-directory').total === 2, null, { timeout: 5000 });
        await page.evaluate(() => document.querySelector('zw-disclosure-directory').updateComplete);
        const found = await page.evaluate(() => {
          const root = document.querySelector('zw-disclosure-directory').shadowRoot;
          const rows = [...root.querySelectorAll('tbody tr .c-title')].map((c) => c.textContent.trim());
          const cards = [...root.querySelectorAll('li[data-card] zw-policy-card')].map((c) => c.shadowRoot?.textContent ?? '');
          return { count: root.querySelector('.result-count').textContent.trim(), listed: rows.length ? rows : cards };
        });
        assert(found.count === '「预算」找到 2 条结果', `the count follows the search: ${found.count}`);
        assert(found.listed.length === 2 && found.listed.every((t) => t.includes('预算')), `the list shows the two matches: ${JSON.stringify(found.listed).slice(0, 300)}`);
        const errors = log.console.filter((m) => m.startsWith('error')).concat(log.errors);
        assert(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
        await page.screenshot({ path: shot(`prerender-directory-js-${viewport.width}.png`) });
      } finally {
        await page.close();
      }
    });
  }
}
