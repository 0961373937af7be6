// End-to-end checks of pre-rendered HTML (dist/ssr.js, `zhengwu-elements render`) that hold for every element: the
// plain copy for browsers without declarative shadow DOM, and the page with two elements, the autoloader and no script.
// The per-element checks (content, hydration, layout shift, interactions) are in prerender-*.mjs beside this file.
// run.mjs calls `checkPrerender({ open, check, assert, base })`.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';

const { render } = await import(join(root, 'dist/ssr.js'));
const sample = async (name) => JSON.parse(await readFile(join(root, 'demo/data', `${name}.json`), 'utf8'));

/** Writes a portal page holding `body` into test-results/ and returns its path on the test server. */
export async function prerenderedPage(name, body, script = '') {
  await mkdir(join(root, 'test-results/prerender'), { recursive: true });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>预渲染 ${name}</title></head><body><main><h1>政务公开</h1>${body}</main>${script}</body></html>`;
  await writeFile(join(root, `test-results/prerender/${name}.html`), html);
  return `/test-results/prerender/${name}.html`;
}

/** @param {{ open: Function, check: Function, assert: Function }} options */
export async function checkPrerender({ open, check, assert }) {
  await check('pre-rendered HTML without declarative shadow DOM (older browsers): the plain copy is the content; with it, the copy is never shown', async () => {
    const card = await render(await sample('policy-001-jinan-market-2020'));
    const interpretation = await render(await sample('interpretation-000-shandong-commerce-2019'));
    const path = await prerenderedPage('fallback', `${card}${interpretation}`);
    const { page, log } = await open(path);
    // A browser that does not attach declarative shadow roots parses the same HTML as DOMParser does (templates inert)
    const withoutDsd = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
      const copies = [...doc.querySelectorAll('[slot="zw-without-shadow-dom"]')];
      return {
        copies: copies.length,
        shadow: [...doc.querySelectorAll('zw-policy-card, zw-interpretation')].some((el) => el.shadowRoot),
        text: copies.map((c) => c.textContent.replace(/\s+/g, ' ')).join(' '),
      };
    }, path);
    assert(!withoutDsd.shadow && withoutDsd.copies === 2, `the copies are there when no shadow root is attached: ${JSON.stringify({ ...withoutDsd, text: '' })}`);
    for (const text of ['关于印发《2020年济南市市场监督管理局政务公开工作要点》的通知', '济南市市场监督管理局', '背景依据'])
      assert(withoutDsd.text.includes(text), `the copy has “${text}”`);
    // This Chromium attaches them: the copies take no room and are not in the accessibility tree
    const shown = await page.$$eval('[slot="zw-without-shadow-dom"]', (copies) => copies.map((c) => c.getClientRects().length));
    assert(
      shown.every((n) => n === 0),
      `the copies are not rendered where shadow roots are attached: ${shown}`,
    );
    // unslotted light DOM is not rendered, so it is not in the accessibility tree either: the text is read once
    const copies = await page.$$eval('[slot="zw-without-shadow-dom"]', (els) => els.map((c) => getComputedStyle(c).display));
    assert(copies.length === 2, `both copies in the page: ${copies}`);
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('a portal page of pre-rendered elements without any script: readable, axe clean, no script-only control shown', async () => {
    const body = [
      await render(await sample('policy-004-shanxi-industry-2021')),
      await render(await sample('interpretation-004-shanxi-industry-2021')),
      await render(await sample('infographic-004-shanxi-procedure')),
      await render(await sample('comparison-000-shandong-commerce')),
    ].join('\n');
    const path = await prerenderedPage('no-script', body);
    const { page, log } = await open(path, { width: 1280, height: 900 });
    const states = await page.$$eval('main > *[state]', (els) => els.map((el) => `${el.localName}:${el.getAttribute('state')}:${Boolean(el.shadowRoot)}`));
    assert(states.length === 4 && states.every((s) => s.endsWith(':ready:true')), `four elements with their shadow roots, never upgraded: ${states}`);
    const visibleScriptOnly = await page.$$eval('main > *[state]', (els) =>
      els.flatMap((el) =>
        // hidden, or kept in place but invisible (no layout shift when the script arrives): neither is seen nor reached
        [...el.shadowRoot.querySelectorAll('.zw-needs-script')]
          .filter((c) => c.getClientRects().length > 0 && getComputedStyle(c).visibility !== 'hidden')
          .map((c) => `${el.localName} ${c.className}`),
      ),
    );
    assert(visibleScriptOnly.length === 0, `no script-only control is shown: ${visibleScriptOnly}`);
    // the interpretation's contents cannot jump into its shadow root without the script: the links are not offered, a note says why
    const toc = await page.$eval('zw-interpretation', (el) => {
      const shown = (node) => node && node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden';
      const links = [...el.shadowRoot.querySelectorAll('.toc a')];
      const note = [...el.shadowRoot.querySelectorAll('.toc-no-script')].find(shown);
      return { links: links.filter(shown).length, note: note?.textContent ?? '' };
    });
    assert(toc.links === 0 && toc.note.includes('JavaScript'), `contents without the script: ${JSON.stringify(toc)}`);
    const violations = await axeViolations(page);
    assert(violations.length === 0, violations.join('\n'));
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('a pre-rendered card under a strict CSP (no inline styles): styled once the script adopts its styles; no violation from the library', async () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:">`;
    await mkdir(join(root, 'test-results/prerender'), { recursive: true });
    const card = await render(await sample('policy-001-jinan-market-2020'));
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${csp}<title>严格 CSP</title></head><body><main>${card}</main><script type="module" src="/dist/zhengwu-elements.js"></script></body></html>`;
    await writeFile(join(root, 'test-results/prerender/strict-csp.html'), html);
    const { page, log } = await open('/test-results/prerender/strict-csp.html');
    await page.waitForFunction(() => document.querySelector('zw-policy-card')?.hasUpdated, null, { timeout: 10000 });
    const styled = await page.$eval('zw-policy-card', (el) => {
      const title = el.shadowRoot.querySelector('[part=title]');
      return { weight: getComputedStyle(title).fontWeight, sheets: el.shadowRoot.adoptedStyleSheets.length };
    });
    assert(styled.sheets > 0 && Number(styled.weight) >= 600, `the card is styled by adopted sheets: ${JSON.stringify(styled)}`);
    const fromLibrary = log.csp.filter((v) => !v.startsWith('style-src-elem inline'));
    assert(fromLibrary.length === 0, `no violation but the server's inline <style> elements: ${log.csp}`);
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('pre-rendered elements and the autoloader: each element upgrades in place (no re-render), no console error', async () => {
    const body = [await render(await sample('policy-001-jinan-market-2020')), await render(await sample('infographic-004-shanxi-procedure'))].join('\n');
    // an inline script marks the server's nodes before the module loads: hydration keeps them, a re-render would not
    const mark = `<script>window.__marked = {}; for (const el of document.querySelectorAll('main > *[state]')) { const nodes = el.shadowRoot.querySelectorAll('.zw-root, .zw-root *'); for (const node of nodes) node.setAttribute('data-from-server', ''); window.__marked[el.localName] = nodes.length; }</script>`;
    const path = await prerenderedPage('autoload', body, `${mark}<script type="module" src="/dist/autoload.js"></script>`);
    const { page, log } = await open(path);
    // the server's nodes are kept: a marker put on them before the upgrade is still there after it
    await page.waitForFunction(() => customElements.get('zw-policy-card') && customElements.get('zw-infographic'), null, { timeout: 10000 });
    await page.waitForFunction(() => [...document.querySelectorAll('main > *[state]')].every((el) => el.getAttribute('state') === 'ready' && el.hasUpdated), null, {
      timeout: 10000,
    });
    // (nodes the element adds later, e.g. rows rendered in chunks, do not count: only whether the server's are still there)
    const kept = await page.$$eval('main > *[state]', (els) =>
      els.map((el) => [el.localName, el.shadowRoot.querySelectorAll('[data-from-server]').length, window.__marked[el.localName]]),
    );
    for (const [name, still, marked] of kept) assert(marked > 0 && still >= marked * 0.9, `${name}: the server's nodes are kept (${still} of ${marked})`);
    const errors = log.console.filter((m) => m.startsWith('error'));
    assert(errors.length === 0 && log.errors.length === 0, `no console errors: ${errors} ${log.errors}`);
    await page.close();
  });
}
