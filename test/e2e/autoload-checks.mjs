// End-to-end checks of the autoloader (dist/autoload.js + dist/autoload/, built by scripts/build-autoload.mjs) as a
// portal uses it: one module script under a strict CSP, elements defined when they first appear (in the markup or
// added later by the page's own script), only their modules fetched, a typo warned about once, a failed download
// named and tried again, and no work when the drop-in already defined everything.
// run.mjs calls `checkAutoload({ open, check, assert, base })` (its `open` records console, page errors and CSP).
import { axeViolations } from './axe.mjs';
import { until } from './support.mjs';

const PAGE = '/test/e2e/pages/autoload.html';
const MODULES = ['policy-card', 'interpretation', 'infographic', 'policy-compare', 'disclosure-directory', 'reader'];

const ready = (page, selector) => until(page, (s) => document.querySelector(s)?.getAttribute('state') === 'ready', selector, `${selector} ready`);

/** Paths of the library's files the page has fetched so far (resource timing sees import() too), e.g. `autoload/policy-card.js`. */
const fetched = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/dist/'))
      .map((p) => p.slice('/dist/'.length)),
  );
/** The element modules (autoload/<name>.js) among them. */
const elementModules = (files) => MODULES.filter((name) => files.includes(`autoload/${name}.js`));
const warningsAbout = (log, tag) => log.console.filter((m) => m.startsWith('warning:') && m.includes(`<${tag}>`));

/** @param {{ open: (path: string, viewport?: object) => Promise<{ page: import('playwright-core').Page, log: { console: string[], errors: string[], csp: string[] } }>, check: Function, assert: Function, base: string }} options */
export async function checkAutoload({ open, check, assert }) {
  await check('the autoloader defines the card in the page and an interpretation added later, fetching only their modules, under a strict CSP', async () => {
    const { page, log } = await open(PAGE);
    await ready(page, '#card');
    assert((await page.$eval('#card', (el) => el.shadowRoot.textContent)).includes('2021年6月23日'), 'the card shows its date');
    let files = await fetched(page);
    assert(files.includes('autoload.js'), `the page fetched dist/autoload.js: ${files}`);
    assert(JSON.stringify(elementModules(files)) === '["policy-card"]', `only the card's module is fetched for a card: ${files}`);
    // nothing loaded on first use only: no other UI language, no reader or directory extras
    const lazy = files.filter((f) => /\/(en|zh-Hant|speech|aids|sanitize|extras|hant|pinyin|remote|virtual-window|export|copy-table)-/.test(f));
    assert(lazy.length === 0, `no on-demand chunk for a zh-CN card: ${lazy}`);
    assert(await page.evaluate(() => !customElements.get('zw-interpretation') && !customElements.get('zw-infographic')), 'the other elements stay undefined');
    // a misspelt tag: one warning naming it
    await until(page, () => !!document.querySelector('#typo'), null, '#typo');
    assert(warningsAbout(log, 'zw-polcy-card').length === 1, `one warning about <zw-polcy-card>: ${log.console}`);

    // an interpretation added by the page's script after the first scan
    await page.click('button[data-add=zw-interpretation]');
    await ready(page, '#later-1');
    await until(
      page,
      () => document.querySelector('#later-1').shadowRoot.querySelector('zw-policy-card')?.getAttribute('state') === 'ready',
      null,
      "the interpretation's nested policy card ready",
    );
    assert((await page.$eval('#later-1', (el) => el.shadowRoot.textContent)).includes('典型问答'), 'the interpretation shows its sections');
    files = await fetched(page);
    assert(JSON.stringify(elementModules(files)) === '["policy-card","interpretation"]', `the interpretation's module, and no other, is fetched: ${files}`);
    assert(new Set(files).size === files.length, `every file is fetched once: ${files}`);

    // the same typo added again: still one warning (the observer's callback runs in the click's task, before this evaluate)
    await page.click('button[data-add=zw-polcy-card]');
    await until(page, () => !!document.querySelector('#later-2'), null, 'the second misspelt element');
    assert(warningsAbout(log, 'zw-polcy-card').length === 1, `still one warning about <zw-polcy-card>: ${log.console}`);

    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    assert(log.csp.length === 0, `no CSP violations: ${log.csp}`);
    const errors = log.console.filter((m) => m.startsWith('error:'));
    assert(errors.length === 0, `no console errors: ${errors}`);
    const violations = await axeViolations(page);
    assert(violations.length === 0, violations.join('\n'));
    await page.close();
  });

  await check('the autoloader: a module that fails to download is named in the console and loaded when the element next appears', async () => {
    const { page, log } = await open(PAGE);
    await ready(page, '#card');
    // the network drops the infographic's module once (stubbed at the network boundary)
    let dropped = 0;
    await page.route('**/dist/autoload/infographic.js', (route) => (dropped++ === 0 ? route.abort('connectionreset') : route.continue()));
    const failure = page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && m.text().includes('<zw-infographic>'), timeout: 10000 }).catch(() => {
      throw new Error(`no console error named <zw-infographic> within 10 s: ${log.console}`);
    });
    await page.click('button[data-add=zw-infographic]');
    await failure;
    assert(await page.evaluate(() => !customElements.get('zw-infographic')), 'the infographic stays undefined after the failure');
    // the next one the page adds is loaded, and both are defined
    await page.click('button[data-add=zw-infographic]');
    await ready(page, '#later-2');
    await ready(page, '#later-1');
    assert(dropped === 2, `the module was asked for again after the failure (${dropped} requests)`);
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the drop-in and then the autoloader on one page: the autoloader fetches nothing for elements in the page or added later, no warning', async () => {
    const { page, log } = await open('/test/e2e/pages/autoload-dropin.html');
    await ready(page, '#card');
    // the autoloader ran (it comes after the drop-in, and module scripts run in order) before the card was ready
    await until(page, () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/dist/autoload.js')), null, 'dist/autoload.js fetched');
    // an element added later is defined already too: the autoloader leaves it alone
    await page.click('button[data-add=zw-interpretation]');
    await ready(page, '#later-1');
    const files = await fetched(page);
    assert(
      files.every((f) => !f.startsWith('autoload/')),
      `no element module fetched by the autoloader: ${files}`,
    );
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    assert(log.csp.length === 0, `no CSP violations: ${log.csp}`);
    const noise = log.console.filter((m) => m.startsWith('error:') || m.startsWith('warning:'));
    assert(noise.length === 0, `no console errors or warnings: ${noise}`);
    await page.close();
  });
}
