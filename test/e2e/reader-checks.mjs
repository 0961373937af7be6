// End-to-end checks of <zw-reader> in the built drop-in (dist/zhengwu-elements.js), on test/e2e/pages/reader.html:
// a strict CSP with Trusted Types enforced, a hostile article inside the reader (progressive enhancement), a policy
// card and an interpretation that must follow the reader's settings, and a `for="article"` reader over a plain
// article. run.mjs calls `checkReader({ browser, check, assert, base })`.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';

const PATH = '/test/e2e/pages/reader.html';
const TASK_ROWS = 31; // seed 003's task table
const TT_DIRECTIVES = ['require-trusted-types-for', 'trusted-types'];

/**
 * Opens the reader page in a fresh context. Every CSP violation is recorded in the page, with where it happened:
 * `shadow` is true when its element sits in a shadow root (what the elements rendered) — the hostile light DOM is
 * the page's own markup, and the page's CSP reports it whatever the library does.
 */
async function openReaderPage(browser, base, { viewport = { width: 1280, height: 900 }, javaScriptEnabled = true, path = PATH } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  const page = await context.newPage();
  const log = { console: [], errors: [] };
  page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  if (javaScriptEnabled) {
    await page.addInitScript(() => {
      window.__zwViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        const target = e.composedPath()[0];
        const shadow = !!target && typeof target.getRootNode === 'function' && target.getRootNode() instanceof ShadowRoot;
        window.__zwViolations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, node: target?.nodeName ?? '', shadow, sample: e.sample });
      });
    });
  }
  await page.goto(base + path);
  return { page, log, close: () => context.close() };
}

/** Waits for `fn(arg)` in the page, or fails saying what did not happen. */
async function until(page, fn, arg, what, timeout = 10000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
  }
}

/** The reader has shown its sanitised copy of the article, and the other elements are ready. */
async function readerReady(page) {
  await until(
    page,
    (rows) => document.querySelector('#reader')?.shadowRoot?.querySelectorAll('.content tbody tr').length === rows,
    TASK_ROWS,
    `#reader to show the article with its ${TASK_ROWS}-row table in .content`,
  );
  for (const id of ['#card', '#interpretation']) await until(page, (s) => document.querySelector(s)?.getAttribute('state') === 'ready', id, `${id} ready`);
  await until(page, () => document.querySelector('#article')?.hasAttribute('data-zw-reader-target'), null, 'the for="article" reader to take #article');
}

/** Everything executable or unsafe in the reader's sanitised content, one line each (runs in the page). */
function unsafeInContent() {
  const content = document.querySelector('#reader').shadowRoot.querySelector('.content');
  const out = [];
  const forbidden = /^(script|style|iframe|object|embed|form|input|button|select|textarea|svg|math|template|noscript|meta|base|link|frame|frameset)$/;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused (as core/url.ts)
  const safeUrl = (v) => !/[\s\u0000-\u001f\u007f]/.test(v) && (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v) || /^https?:\/\//i.test(v));
  // read through the prototypes: a surviving <form> with <input name="attributes"> would clobber el.attributes
  const get = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const [localName, namespace] = [get(Element.prototype, 'localName'), get(Element.prototype, 'namespaceURI')];
  const { getAttributeNames, getAttribute } = Element.prototype;
  for (const el of content.querySelectorAll('*')) {
    const tag = localName.call(el);
    if (namespace.call(el) !== 'http://www.w3.org/1999/xhtml') out.push(`${tag} in ${namespace.call(el)}`);
    if (forbidden.test(tag)) out.push(`<${tag}>`);
    for (const name of getAttributeNames.call(el)) {
      const value = getAttribute.call(el, name);
      if (/^on/i.test(name) || name === 'style' || name === 'srcset' || name === 'formaction' || name.includes(':')) out.push(`${tag}[${name}]`);
      if ((name === 'href' || name === 'src') && !safeUrl(value)) out.push(`${tag}[${name}=${value}]`);
    }
  }
  return out;
}

const shot = (name) => join(root, 'test-results', name);

export async function checkReader({ browser, check, assert, base }) {
  await mkdir(join(root, 'test-results'), { recursive: true });
  await check('the reader under a strict CSP with Trusted Types enforced: hostile article sanitised, seed 003 readable, no violation from the library', async () => {
    const { page, log, close } = await openReaderPage(browser, base);
    await readerReady(page);
    // the reader's copy is live now: give any surviving image handler its chance (every image loaded or failed)
    await until(
      page,
      () => [...document.querySelector('#reader').shadowRoot.querySelectorAll('.content img[src]')].every((img) => img.complete),
      null,
      'the images of the reader content to settle',
    );
    const unsafe = await page.evaluate(unsafeInContent);
    assert(unsafe.length === 0, `nothing executable in the reader's content: ${unsafe.join(', ')}`);
    assert((await page.evaluate(() => window.__zwPwned)) === undefined, 'no hostile handler, URL or script ran (window.__zwPwned)');
    const violations = await page.evaluate(() => window.__zwViolations);
    const tt = violations.filter((v) => TT_DIRECTIVES.includes(v.directive));
    assert(tt.length === 0, `no Trusted Types violation: ${JSON.stringify(tt)}`);
    const ours = violations.filter((v) => v.shadow);
    assert(ours.length === 0, `no CSP violation inside the elements: ${JSON.stringify(ours)}`);
    // the CSP is really there: the hostile light DOM (the page's own markup) was blocked by it
    assert(
      violations.some((v) => v.directive === 'script-src-attr' && !v.shadow),
      `the page's CSP blocked the light DOM's inline handlers: ${JSON.stringify(violations)}`,
    );
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    // the good content, through the sanitizer
    const content = await page.evaluate(() => {
      const c = document.querySelector('#reader').shadowRoot.querySelector('.content');
      return {
        text: c.textContent.replace(/\s+/g, ' '),
        heading: c.querySelector('h2')?.textContent,
        head: [...(c.querySelector('thead tr')?.children ?? [])].map((th) => th.textContent),
        links: [...c.querySelectorAll('a')].map((a) => `${a.getAttribute('href')}|${a.getAttribute('target')}|${a.getAttribute('rel')}`),
        ids: [...c.querySelectorAll('[id]')].map((e) => e.id),
      };
    });
    assert(content.heading === '广州市商务局关于印发2021年政务公开工作要点分工实施方案的通知', `the title heading: ${content.heading}`);
    assert(JSON.stringify(content.head) === JSON.stringify(['工作任务', '具体要求', '责任处室', '具体工作', '完成时限']), `the table head: ${content.head}`);
    // seed 003's damaged text reads as text (the reader may tidy it; it never becomes markup again)
    for (const words of ['广州市商务局浏览次数', '588', '有效性状', '二、方案内', '权责清单', '原文段落带有样式', '（完）']) {
      assert(content.text.includes(words), `the content reads ${words}`);
    }
    assert(!content.ids.some((id) => id.endsWith('hits')), `no element made of the damaged "9span id=hits" text: ${content.ids}`);
    for (const gone of ['__zwPwned', 'display: none', '提交']) assert(!content.text.includes(gone), `the content has no ${gone}`);
    assert(JSON.stringify(content.links) === JSON.stringify(['/xxgk/|_blank|noopener noreferrer']), `only the safe link, opened safely: ${content.links}`);
    assert(
      // the article's own ids prefixed zw-r-; the reader's contents anchors (headings without an id) zw-toc-
      content.ids.every((id) => id.startsWith('zw-r-') || id.startsWith('zw-toc-')),
      `ids prefixed: ${content.ids}`,
    );
    // the original stays in the light DOM, no longer shown; the page's structure is as written
    const original = await page.evaluate(() => ({
      there: !!document.querySelector('#reader > #original'),
      boxes: document.querySelector('#original').getClientRects().length,
      card: document.querySelector('#card').parentElement.localName,
    }));
    assert(original.there && original.boxes === 0 && original.card === 'aside', `light DOM kept and hidden, page intact: ${JSON.stringify(original)}`);
    await page.screenshot({ path: shot('reader-1280.png') });
    await close();
  });

  await check('the reader page without JavaScript: the original article and the page article read as they are', async () => {
    const { page, close } = await openReaderPage(browser, base, { javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const original = page.locator('#original');
    assert(await original.isVisible(), 'the article inside <zw-reader> is visible');
    const text = (await original.innerText()).replace(/\s+/g, ' ');
    for (const words of ['广州市商务局关于印发2021年政务公开工作要点分工实施方案的通知', '有效性状?/th>', '完成时限', '（完）']) assert(text.includes(words), `it reads ${words}`);
    assert((await page.locator('#original tbody tr').count()) === TASK_ROWS, `the task table has its ${TASK_ROWS} rows`);
    assert(await page.locator('#article h2').first().isVisible(), 'the page article is visible');
    assert((await page.locator('aside > #card').count()) === 1, 'the hostile markup left the rest of the page as written');
    await page.screenshot({ path: shot('reader-no-js-375.png') });
    await close();
  });

  await check('a reload keeps the text size and theme chosen in the toolbar, for the reader, the second reader and the other elements', async () => {
    const { page, log, close } = await openReaderPage(browser, base);
    await readerReady(page);
    const measure = () =>
      page.evaluate(() => {
        const size = (sel) => {
          const el = document.querySelector(sel);
          return parseFloat(getComputedStyle(el.shadowRoot.querySelector('.zw-root') ?? el).fontSize);
        };
        const html = document.documentElement;
        return {
          scale: getComputedStyle(html).getPropertyValue('--zw-text-scale').trim(),
          theme: html.getAttribute('data-zw-color-theme'),
          card: size('#card'),
          interpretation: size('#interpretation'),
          readerShows: document.querySelector('#reader').shadowRoot.querySelector('#size-value')?.textContent.trim(),
          pageReaderShows: document.querySelector('#page-reader').shadowRoot.querySelector('#size-value')?.textContent.trim(),
          prefs: document.querySelector('#reader').prefs,
          stored: localStorage.getItem('zw-reader:v1'),
        };
      });
    const before = await measure();
    assert(before.stored === null && before.theme === null, `a fresh page starts from the defaults: ${JSON.stringify(before)}`);
    const reader = page.locator('#reader');
    await reader.locator('#larger').click();
    await reader.locator('#larger').click();
    await until(page, () => document.documentElement.style.getPropertyValue('--zw-text-scale').trim() === '1.5', null, 'two A+ clicks to publish --zw-text-scale: 1.5');
    await reader.locator('#settings').click();
    await reader.locator('#theme').selectOption('sepia');
    await until(page, () => document.documentElement.getAttribute('data-zw-color-theme') === 'sepia', null, 'the sepia theme published on <html>');
    const chosen = await measure();
    assert(Math.abs(chosen.card / before.card - 1.5) < 0.01, `the policy card follows the size: ${before.card} → ${chosen.card}`);
    assert(chosen.stored && JSON.parse(chosen.stored).v === 1, `stored, versioned: ${chosen.stored}`);
    await page.reload();
    await readerReady(page);
    await until(page, () => document.documentElement.getAttribute('data-zw-color-theme') === 'sepia', null, 'the theme back after the reload');
    const after = await measure();
    assert(after.scale === '1.5', `--zw-text-scale after the reload: ${after.scale}`);
    assert(after.readerShows === '150%' && after.pageReaderShows === '150%', `both readers show 150%: ${after.readerShows}, ${after.pageReaderShows}`);
    if (after.prefs) assert(after.prefs.textScale === 1.5 && after.prefs.colorTheme === 'sepia', `the reader's prefs: ${JSON.stringify(after.prefs)}`);
    assert(Math.abs(after.card / before.card - 1.5) < 0.01, `the policy card's text after the reload: ${before.card} → ${after.card}`);
    assert(Math.abs(after.interpretation / before.interpretation - 1.5) < 0.01, `the interpretation's text after the reload: ${before.interpretation} → ${after.interpretation}`);
    const scheme = await page.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('.zw-root').dataset.scheme);
    assert(scheme === 'light', `the card takes the sepia (light) scheme: ${scheme}`);
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await close();
  });

  await check('axe finds nothing on the reader page: default, dark and contrast themes, 375 and 1280 px', async () => {
    // axe.mjs injects axe-core with a script element, whose src the enforced Trusted Types refuse: evaluate it first
    // instead (DevTools evaluation, outside the page's CSP), so the page is checked as it is, its CSP on
    const axeSource = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const width of [375, 1280]) {
      const { page, close } = await openReaderPage(browser, base, { viewport: { width, height: 900 } });
      await page.evaluate(axeSource);
      await readerReady(page);
      for (const theme of ['default', 'dark', 'contrast-black']) {
        if (theme !== 'default') {
          await page.locator('#reader #settings').click();
          await page.locator('#reader #theme').selectOption(theme);
          await until(page, (t) => document.documentElement.getAttribute('data-zw-color-theme') === t, theme, `theme ${theme}`);
          await page.locator('#reader #settings').click();
        }
        await page.evaluate(() => Promise.all([...document.querySelectorAll('zw-reader, zw-policy-card, zw-interpretation')].map((el) => el.updateComplete)));
        const violations = await axeViolations(page);
        assert(violations.length === 0, `${theme} at ${width}px: ${violations.join('\n')}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `no sideways scrolling at ${width}px (${overflow}px)`);
      await page.screenshot({ path: shot(`reader-${width}-contrast-black.png`) });
      await close();
    }
  });
}
