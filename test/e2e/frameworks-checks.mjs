// End-to-end checks of the React 19 and Vue 3 example apps (examples/, built by scripts/build-examples.mjs against dist/
// through the package's own `exports`): each app sets the card's `data` as a property, hears `zw-load` and `zw-search`
// with the framework's own event syntax, and a new document from the app's state re-renders the same element.
// run.mjs calls `checkFrameworks({ open, check, assert, base })` (its `open` records console, page errors and CSP).
import { join } from 'node:path';
import { buildExamples } from '../../scripts/build-examples.mjs';
import { root } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';
import { until } from './support.mjs';

// examples/data.ts: the two documents the app's button switches between, and a 发文字号 in its directory
const TITLES = ['关于印发《2020年济南市市场监督管理局政务公开工作要点》的通知', '山西省工业和信息化厅2021年政务公开工作要点'];
const DOC_NO = '鲁商字〔2019〕12号';

const CARD = 'zw-policy-card';
const DIRECTORY = 'zw-disclosure-directory';
const cardTitle = (page) => page.$eval(CARD, (el) => el.shadowRoot.querySelector('[part~=title]')?.textContent?.trim() ?? '');

/** @param {{ open: (path: string, viewport?: object) => Promise<{ page: import('playwright-core').Page, log: { console: string[], errors: string[], csp: string[] } }>, check: Function, assert: Function, base: string }} options */
export async function checkFrameworks({ open, check, assert }) {
  let built;
  await check('the React 19 and Vue 3 example apps type-check and build with Vite, importing the elements by the package name', async () => {
    built = await buildExamples();
    console.log(`    (examples type-checked and built in ${built.ms} ms)`);
  });

  for (const [app, name] of [
    ['react', 'React 19'],
    ['vue', 'Vue 3'],
  ]) {
    await check(`${name}: data as a property, zw-load and zw-search heard by the app, a new document re-renders the element; strict CSP, axe`, async () => {
      assert(built, 'the example apps were built');
      const { page, log } = await open(`/test-results/examples/${app}/index.html`);
      const ready = (selector) => until(page, (s) => document.querySelector(s)?.getAttribute('state') === 'ready', selector, `${selector} ready`);
      await ready(CARD);
      assert((await cardTitle(page)) === TITLES[0], `the card shows the title of the document it was given: ${await cardTitle(page)}`);
      // a property, not an attribute: the framework handed over the object itself
      assert(await page.$eval(CARD, (el, t) => !el.hasAttribute('data') && el.data?.title === t, TITLES[0]), 'the document was set as the data property');
      await until(page, (t) => document.querySelector('#loaded')?.textContent === t, TITLES[0], 'the app to show the title from zw-load');

      // the app's state changes the document: the same element re-renders and loads again
      await page.$eval(CARD, (el) => (window.__zwCard = el));
      await page.click('button');
      await until(page, (t) => document.querySelector('#loaded')?.textContent === t, TITLES[1], 'the app to show the second title from zw-load');
      assert((await cardTitle(page)) === TITLES[1], `the card re-rendered with the new document: ${await cardTitle(page)}`);
      assert(await page.$eval(CARD, (el) => el === window.__zwCard && el.getAttribute('state') === 'ready'), 'the same element, updated in place, ready');

      // a search in the directory: its zw-search reaches the app
      await ready(DIRECTORY);
      await page.$eval(DIRECTORY, (el) => el.shadowRoot.querySelector('input[type=search]').focus());
      await page.keyboard.type('鲁商字[2019]12号');
      await until(page, () => document.querySelector('#searched')?.textContent === '「鲁商字[2019]12号」1 条', null, 'the app to show the search from zw-search');
      const rows = await page.$eval(DIRECTORY, (el) => el.shadowRoot.querySelector('tbody')?.textContent ?? '');
      assert(rows.includes(DOC_NO), `the directory found ${DOC_NO}: ${rows}`);

      const violations = await axeViolations(page);
      assert(violations.length === 0, violations.join('\n'));
      const consoleErrors = log.console.filter((m) => m.startsWith('error:'));
      assert(log.errors.length === 0 && consoleErrors.length === 0, `no errors: ${[...log.errors, ...consoleErrors]}`);
      assert(log.csp.length === 0, `no CSP violations: ${log.csp}`);
      await page.screenshot({ path: join(root, `test-results/examples-${app}.png`), fullPage: true });
      await page.close();
    });
  }
}
