// Hardening: every element of the BUILT library (dist/) in every mode under the strictest policy a portal might send —
// as an HTTP header, Trusted Types enforced:
//   default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;
//   require-trusted-types-for 'script'; trusted-types lit-html zhengwu-reader
// once through the drop-in (dist/zhengwu-elements.js) and once through the autoloader (dist/autoload.js), plus
// pre-rendered HTML (dist/ssr.js) hydrating. Pass: no `securitypolicyviolation` in any frame, no console error, no page
// error (a Trusted Types refusal is also a thrown TypeError), every element in its state with its text, every
// interaction working. Each page then runs controls (an inline style attribute, markup as a string into innerHTML, a
// policy name the header does not list): each must be blocked AND reported, so the suite cannot pass with the policy
// missing. The pages have nothing inline, so every violation before the controls is the library's.
// run.mjs calls `checkStrictCsp({ check, assert, browser, root })`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveRepository } from '../../scripts/static-server.mjs';
import { until } from './support.mjs';

/** The Trusted Types policies the library creates: Lit's templates, and the reader sanitiser's fallback parse. */
export const POLICY_NAMES = ['lit-html', 'zhengwu-reader'];
const policyWith = (names) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; require-trusted-types-for 'script'; trusted-types ${names.join(' ')}`;
export const STRICT_CSP = policyWith(POLICY_NAMES);

const PAGE = '/test/e2e/pages/hardening-csp.html';
const READER_PAGE = '/test/e2e/pages/hardening-csp-reader.html';
const LOADERS = [
  { name: 'drop-in', prefix: '' },
  { name: 'autoloader', prefix: '/__csp/autoload' },
];

/**
 * Installed before any of the page's scripts, in every frame: records violations (with where they happened), the Trusted
 * Types policies created, and a tripwire any injected script would call.
 */
function instrument() {
  window.__zwCsp = [];
  window.__zwTripped = [];
  window.__zwPolicies = [];
  window.__zwTrip = (...args) => window.__zwTripped.push(`__zwTrip(${args.join(',')})`);
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...args) => window.__zwTripped.push(`${name}(${args.join(',')})`);
  if (window.trustedTypes) {
    const create = window.trustedTypes.createPolicy.bind(window.trustedTypes);
    window.trustedTypes.createPolicy = (name, rules) => {
      window.__zwPolicies.push(name);
      return create(name, rules);
    };
  }
  // capture on window: a violation inside a shadow root is composed, one at the document reaches window too
  window.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const target = e.composedPath()[0];
      const node = target && target.nodeType === 1 ? target : undefined;
      const host = node && node.getRootNode() instanceof ShadowRoot ? node.getRootNode().host.localName : '';
      window.__zwCsp.push({
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '',
        sample: e.sample,
        disposition: e.disposition,
        node: node ? node.localName : String(target?.nodeName ?? ''),
        shadowOf: host,
        frame: location.href,
      });
    },
    true,
  );
}

/** The violations of the page and of every frame in it. */
async function violationsIn(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__zwCsp ?? []).catch(() => [])));
  return all;
}

/**
 * The controls, run last on each page: an inline style attribute, a string into innerHTML (a Trusted Types sink) and a
 * policy the header does not list must each be refused and reported. Returns what happened, for the assertion.
 */
function runControls() {
  const before = window.__zwCsp.length;
  const probe = document.createElement('div');
  document.body.append(probe);
  probe.setAttribute('style', 'color: rgb(1, 2, 3)');
  const styled = getComputedStyle(probe).color === 'rgb(1, 2, 3)';
  let html = 'accepted';
  try {
    probe.innerHTML = '<b>x</b>';
  } catch (error) {
    html = error.name;
  }
  let policy = 'created';
  try {
    window.trustedTypes.createPolicy('zw-not-listed', { createHTML: (s) => s });
  } catch (error) {
    policy = error.name;
  }
  probe.remove();
  return { styled, html, policy, before };
}

export async function checkStrictCsp({ check, assert, browser, root }) {
  const { createDirectoryHandler } = await import(join(root, 'dist/server.js'));
  const { render, styleHashes } = await import(join(root, 'dist/ssr.js'));
  const sample = async (name) => JSON.parse(await readFile(join(root, 'demo/data', `${name}.json`), 'utf8'));
  const directoryFixture = await sample('directory-seeds');

  // answers held back until the test has seen the element's loading state
  const held = [];
  const hold = (req, res) => {
    const name = new URL(req.url, 'http://x').pathname.split('/').pop();
    held.push(async () => res.writeHead(200, { 'content-type': 'application/json' }).end(await readFile(join(root, 'demo/data', name))));
  };
  const releaseHeld = () => Promise.all(held.splice(0).map((answer) => answer()));

  // the same pages with the autoloader in place of the drop-in (everything else on them is the same)
  const routes = {};
  for (const path of [PAGE, READER_PAGE]) {
    const text = await readFile(join(root, path), 'utf8');
    assert(text.includes('<script type="module" src="/dist/zhengwu-elements.js"></script>'), `${path} loads the drop-in`);
    routes[`/__csp/autoload${path}`] = text.replace('/dist/zhengwu-elements.js', '/dist/autoload.js');
  }
  // pre-rendered: every kind, and a policy as the reader's 正文, each with its JSON inside, then the drop-in
  const prerendered = [
    await render(await sample('policy-001-jinan-market-2020')),
    await render(await sample('policy-003-guangzhou-commerce-2021'), { attributes: { layout: 'compact' } }),
    await render(await sample('interpretation-000-shandong-commerce-2019')),
    await render(await sample('infographic-002-anhui-2017')),
    await render(await sample('infographic-annual-report-example')),
    await render(await sample('comparison-000-shandong-commerce')),
    await render(await sample('directory-seeds')),
    await render(await sample('reader-000-shandong-2019'), { element: 'zw-reader', attributes: { 'no-remember': true } }),
  ];
  routes['/__csp/prerendered.html'] =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>预渲染 · 严格 CSP</title></head>` +
    `<body><main>${prerendered.join('\n')}</main><script type="module" src="/dist/zhengwu-elements.js"></script></body></html>`;

  const handlers = {
    '/api/directory': createDirectoryHandler({ document: directoryFixture, log: () => {} }),
    '/__csp/hold': hold,
  };
  const servers = new Map();
  /** One server per policy (the header is the server's); the strict one is the suite's, the others are for the name list. */
  const serverFor = async (csp) => {
    if (!servers.has(csp)) servers.set(csp, await serveRepository({ headers: { 'content-security-policy': csp }, routes, handlers }));
    return servers.get(csp).base;
  };

  const createdPolicies = new Set();

  /** A fresh context and page, instrumented; `log` collects console errors and page errors. */
  async function open(path, { csp = STRICT_CSP, viewport = { width: 1280, height: 900 } } = {}) {
    const base = await serverFor(csp);
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    const log = { console: [], errors: [] };
    page.on('console', (m) => m.type() === 'error' && log.console.push(`${m.text()} @ ${m.location()?.url ?? ''}`));
    page.on('pageerror', (e) =>
      log.errors.push(
        String(e?.stack ?? e)
          .split('\n')
          .slice(0, 3)
          .join(' | '),
      ),
    );
    await page.addInitScript(instrument);
    const response = await page.goto(base + path);
    assert(response.headers()['content-security-policy'] === csp, `${path} is served with the policy header`);
    return { page, log, base, context, close: () => context.close() };
  }

  /** Nothing reported, thrown or tripped; then the controls are blocked and reported (the policy is really on). */
  async function clean(page, log, where) {
    const violations = await violationsIn(page);
    assert(violations.length === 0, `${where}: no CSP or Trusted Types violation, got ${violations.length}: ${JSON.stringify(violations.slice(0, 5))}`);
    assert(log.errors.length === 0, `${where}: no page errors: ${log.errors.join(' || ')}`);
    assert(log.console.length === 0, `${where}: no console errors: ${log.console.join(' || ')}`);
    const tripped = await page.evaluate(() => window.__zwTripped);
    assert(tripped.length === 0, `${where}: no tripwire called: ${tripped}`);
    for (const name of await page.evaluate(() => window.__zwPolicies)) createdPolicies.add(name);
    const control = await page.evaluate(runControls);
    const reported = (await page.evaluate(() => window.__zwCsp)).slice(control.before).map((v) => v.directive);
    assert(!control.styled && reported.includes('style-src-attr'), `${where}: the control inline style is refused and reported: ${JSON.stringify([control, reported])}`);
    assert(
      control.html === 'TypeError' && reported.includes('require-trusted-types-for'),
      `${where}: markup as a string into innerHTML is refused and reported: ${JSON.stringify([control, reported])}`,
    );
    assert(control.policy === 'TypeError' && reported.includes('trusted-types'), `${where}: an unlisted policy is refused and reported: ${JSON.stringify([control, reported])}`);
  }

  const state = (page, id, value, timeout) => until(page, ([s, v]) => document.querySelector(s)?.getAttribute('state') === v, [id, value], `${id} state="${value}"`, timeout);
  const shadowText = (page, id) => page.$eval(id, (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
  const inShadow = (page, id, selector) => page.locator(id).locator(selector);

  for (const { name: loader, prefix } of LOADERS) {
    await check(
      `strict CSP + Trusted Types (${loader}): every policy card state, the interpretation, four infographics, two comparisons, two directories render with their text`,
      async () => {
        const { page, log, close } = await open(`${prefix}${PAGE}#faq-3`);
        try {
          // loading: the held answer keeps the card in its skeleton until released
          await state(page, '#card-loading', 'loading');
          const skeleton = await page.$eval('#card-loading', (el) => !!el.shadowRoot.querySelector('[part=root], .zw-root'));
          assert(skeleton, 'the loading card shows its skeleton');
          for (const id of [
            '#card-full',
            '#card-compact',
            '#card-en',
            '#interpretation',
            '#ig-anhui',
            '#ig-guangzhou',
            '#ig-shanxi',
            '#ig-report',
            '#compare',
            '#compare-three',
            '#dir',
            '#dir-remote',
          ])
            await state(page, id, 'ready', 15000);
          await state(page, '#card-error', 'error');
          await releaseHeld();
          await state(page, '#card-loading', 'ready');
          const texts = {
            '#card-full': ['山西省工业和信息化厅2021年政务公开工作要点<img src=x onerror=__zwTrip()>', '<svg onload=__zwTrip()></svg>'],
            '#card-compact': ['济南市市场监督管理局'],
            '#card-loading': ['安徽省商务厅'],
            '#card-en': ['Publication date'],
            '#card-error': ['/publishDate', '/url'],
            '#interpretation': ['问', '山东省商务厅'],
            '#ig-report': ['年度报告'],
            '#compare': ['新增', '修改'],
            '#dir': ['全部栏目（32）', '依申请公开'],
          };
          for (const [id, words] of Object.entries(texts)) {
            const text = await shadowText(page, id);
            for (const w of words) assert(text.includes(w), `${id} shows ${w}: ${text.slice(0, 160)}`);
          }
          // hostile strings in the data stayed text: nothing live in any shadow root
          const live = await page.evaluate(() =>
            [...document.querySelectorAll('*')]
              .filter((el) => el.shadowRoot)
              .flatMap((el) => [...el.shadowRoot.querySelectorAll('script, iframe, object, embed, [onerror], [onload]')].map((n) => `${el.id}: <${n.localName}>`)),
          );
          assert(live.length === 0, `nothing live in the shadow roots: ${live}`);
          // every infographic block kind of the samples is drawn
          const kinds = await page.evaluate(() =>
            [
              ...new Set(
                [...document.querySelectorAll('zw-infographic')].flatMap((el) =>
                  [...el.shadowRoot.querySelectorAll('[part=block]')].map((b) => [...b.classList].find((c) => c.startsWith('type-'))),
                ),
              ),
            ].sort(),
          );
          for (const kind of ['annual-report', 'callout', 'chart', 'figures', 'list', 'note', 'process', 'table', 'timeline'])
            assert(kinds.includes(`type-${kind}`), `an infographic block of kind ${kind} is shown: ${kinds}`);
          await until(page, () => document.querySelector('#ig-anhui').shadowRoot.querySelectorAll('svg.chart .mark').length > 0, null, 'the Anhui charts drawn');
          // the remote directory answered from the reference server
          await until(page, () => document.querySelector('#dir-remote').total > 0, null, 'the remote directory to show results');
          await clean(page, log, loader);
        } finally {
          await releaseHeld();
          await close();
        }
      },
    );

    await check(
      `strict CSP + Trusted Types (${loader}): glossary popover, FAQ deep link/filter/expand, chart table view, every comparison view and changes only, directory search/filters/pager/tree/remote`,
      async () => {
        const { page, log, close } = await open(`${prefix}${PAGE}#faq-3`);
        try {
          await state(page, '#interpretation', 'ready', 15000);
          // deep link: #faq-3 opened
          await until(page, () => document.querySelector('#interpretation').shadowRoot.querySelector('#faq-3')?.open === true, null, 'the deep-linked #faq-3 open');
          // glossary popover
          await inShadow(page, '#interpretation', '.term').first().click();
          await until(page, () => !!document.querySelector('#interpretation').shadowRoot.querySelector('[part=popover]'), null, 'the glossary popover open');
          const definition = await page.$eval('#interpretation', (el) => el.shadowRoot.querySelector('[part=popover]').textContent.trim());
          assert(definition.length > 4, `the popover shows a definition: ${definition}`);
          await page.keyboard.press('Escape');
          // FAQ: expand all, then filter
          await inShadow(page, '#interpretation', '.faq-tools button').first().click();
          await until(page, () => [...document.querySelector('#interpretation').shadowRoot.querySelectorAll('details.faq-item')].every((d) => d.open), null, 'every FAQ item open');
          await inShadow(page, '#interpretation', '#faq-filter').fill('答复');
          await until(
            page,
            () => {
              const items = [...document.querySelector('#interpretation').shadowRoot.querySelectorAll('details.faq-item')];
              const shown = items.filter((d) => !d.hidden);
              return shown.length > 0 && shown.length < items.length;
            },
            null,
            'the FAQ filter to hide the questions without 答复',
          );
          // a chart's data table
          await inShadow(page, '#ig-anhui', 'button.table-toggle').first().click();
          await until(page, () => !!document.querySelector('#ig-anhui').shadowRoot.querySelector('[part=block] table'), null, 'the chart data table shown');
          // comparison: every view, changes only, then the copy table
          for (const view of ['side-by-side', 'redline', 'margin']) {
            await page.$eval('#compare', (el, v) => el.setAttribute('view', v), view);
            await until(
              page,
              (v) => document.querySelector('#compare').shadowRoot.querySelector(`input[name=view][value="${v}"]`)?.checked === true,
              view,
              `the ${view} view chosen`,
            );
            await page.$eval('#compare', (el) => el.updateComplete);
            const rows = await page.$eval('#compare', (el) => el.shadowRoot.querySelectorAll('[id^="c-"]').length);
            assert(rows > 0, `${view}: the rows are shown`);
          }
          // the reader's choice through the view control itself
          await inShadow(page, '#compare-three', 'input[name=view][value="redline"]').check();
          await until(page, () => document.querySelector('#compare-three').getAttribute('view') === 'redline', null, 'the redline view chosen with its radio');
          const all = await page.$eval('#compare', (el) => el.shadowRoot.querySelectorAll('[id^="c-"]').length);
          await page.$eval('#compare', (el) => el.setAttribute('changes-only', ''));
          await until(page, (n) => document.querySelector('#compare').shadowRoot.querySelectorAll('[id^="c-"]').length < n, all, 'only the changes shown');
          // directory: search, a filter, the next page, a column of the tree
          await state(page, '#dir', 'ready');
          await inShadow(page, '#dir', 'input[type=search]').fill('商务');
          await until(page, () => document.querySelector('#dir').shadowRoot.querySelector('tbody mark')?.textContent === '商务', null, 'the local search marks 商务');
          await inShadow(page, '#dir', 'input[type=search]').fill('');
          await until(page, () => !document.querySelector('#dir').shadowRoot.querySelector('tbody mark'), null, 'the search cleared');
          const entries = await page.$eval('#dir', (el) => el.total);
          const validity = await page.$eval('#dir', (el) => [...el.shadowRoot.querySelectorAll('#f-validity option')].map((o) => o.value).filter(Boolean));
          assert(validity.length > 0, 'the validity filter has values');
          await inShadow(page, '#dir', '#f-validity').selectOption(validity[0]);
          await until(page, (n) => document.querySelector('#dir').total < n, entries, 'the filter to narrow the list');
          await inShadow(page, '#dir', '#f-validity').selectOption('');
          await until(page, (n) => document.querySelector('#dir').total === n, entries, 'the filter cleared');
          await inShadow(page, '#dir', 'nav.pager li:last-child button').click();
          await until(page, () => /第 2 \//.test(document.querySelector('#dir').shadowRoot.querySelector('nav.pager .where')?.textContent ?? ''), null, 'page 2 of the directory');
          await inShadow(page, '#dir', '[role=treeitem]:has-text("依申请公开")').first().click();
          await until(page, () => document.querySelector('#dir').column === 'ysqgk', null, 'the 依申请公开 column chosen');
          await until(page, () => document.querySelector('#dir-remote').total > 0, null, 'the remote directory results');
          await page.$eval('#dir-remote', (el) => (el.query = '商务'));
          await until(page, () => document.querySelector('#dir-remote').shadowRoot.querySelector('tbody mark')?.textContent === '商务', null, 'the remote search marks 商务');
          await clean(page, log, loader);
        } finally {
          await close();
        }
      },
    );

    await check(`strict CSP + Trusted Types (${loader}): the infographic's PNG and SVG downloads through its download control (blob: and data: images)`, async () => {
      const { page, log, close } = await open(`${prefix}${PAGE}`);
      try {
        for (const id of ['#ig-anhui', '#ig-report']) {
          await state(page, id, 'ready', 15000);
          for (const format of ['png', 'svg']) {
            const panelOpen = await page.$eval(id, (el) => !el.shadowRoot.querySelector('#download-panel').hidden);
            if (!panelOpen) await inShadow(page, id, 'button.download-toggle').click();
            const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), inShadow(page, id, `button[data-format=${format}]`).click()]);
            const path = await download.path();
            const bytes = await readFile(path);
            if (format === 'png') assert(bytes.length > 10000 && bytes.subarray(1, 4).toString() === 'PNG', `${id}: a PNG of ${bytes.length} bytes`);
            else assert(bytes.toString('utf8').includes('<svg') && bytes.length > 1000, `${id}: an SVG of ${bytes.length} bytes`);
            assert(download.suggestedFilename().endsWith(`.${format}`), `${id}: ${download.suggestedFilename()}`);
            await until(
              page,
              (s) => /已|saved/i.test(document.querySelector(s).shadowRoot.querySelector('.export-status')?.textContent ?? ''),
              id,
              `${id}: the export status says saved`,
            );
          }
        }
        await clean(page, log, loader);
      } finally {
        await close();
      }
    });

    await check(
      `strict CSP + Trusted Types (${loader}): the reader — JSON, hostile light-DOM HTML through the sanitiser, for= a page article, text size, every theme, 适老模式, ruler/crosshair/caption, large cursor, 繁體, 拼音`,
      async () => {
        const { page, log, close } = await open(`${prefix}${READER_PAGE}`);
        try {
          await until(page, () => document.querySelector('#reader-json')?.shadowRoot?.querySelector('.content h2, .content p'), null, 'the JSON reader content', 15000);
          await until(
            page,
            () => document.querySelector('#reader-html')?.shadowRoot?.querySelectorAll('.content tbody tr').length === 2,
            null,
            'the sanitised article in the reader',
            15000,
          );
          await until(page, () => document.querySelector('#article')?.hasAttribute('data-zw-reader-target'), null, 'the for= reader to take #article');
          await state(page, '#card', 'ready');
          const content = await page.evaluate(() => {
            const c = document.querySelector('#reader-html').shadowRoot.querySelector('.content');
            return {
              text: c.textContent.replace(/\s+/g, ' '),
              links: [...c.querySelectorAll('a')].map((a) => a.getAttribute('href')),
              live: [
                ...c.querySelectorAll(
                  'script, template, iframe, object, embed, form, input, button, select, textarea, svg, math, [style], [onerror], [onload], [class]:not(.table-wrap), [aria-hidden]',
                ),
              ].map((n) => n.localName),
              images: [...c.querySelectorAll('img[src]')].map((i) => i.getAttribute('src')),
            };
          });
          // escaped markup never becomes markup (DOMPurify's in-place walk may drop such text; it never parses it)
          assert(content.text.includes('这一段的尖括号是文字'), `the paragraph with escaped markup reads as text: ${content.text.slice(0, 200)}`);
          for (const words of ['脚本链接（应只留文字）', '中国政府网', '任务分工', '特此通知。（完）']) assert(content.text.includes(words), `the article reads ${words}`);
          assert(JSON.stringify(content.links) === JSON.stringify(['https://www.gov.cn/', '#zw-r-title']), `only the safe links stay: ${content.links}`);
          assert(content.live.length === 0, `nothing live, no class/aria from the article: ${content.live}`);
          assert(JSON.stringify(content.images) === JSON.stringify(['/docs/images/policy-card.png']), `only the http(s)/relative image: ${content.images}`);
          await until(
            page,
            () => [...document.querySelector('#reader-html').shadowRoot.querySelectorAll('.content img')].every((i) => i.complete),
            null,
            'the article image settled',
          );
          // text size, through the toolbar
          const reader = page.locator('#reader-html');
          await reader.locator('#larger').click();
          await until(page, () => document.documentElement.style.getPropertyValue('--zw-text-scale').trim() === '1.25', null, 'A+ to publish --zw-text-scale: 1.25');
          // every theme (the settings panel's select), each followed by the other elements
          await reader.locator('#settings').click();
          for (const theme of ['sepia', 'dark', 'contrast-black', 'contrast-white', 'default']) {
            await reader.locator('#theme').selectOption(theme);
            await until(page, (t) => (document.documentElement.getAttribute('data-zw-color-theme') ?? 'default') === t, theme, `the ${theme} theme published`);
          }
          await reader.locator('#settings').click();
          // 适老模式
          await reader.locator('#elderly').click();
          await until(page, () => document.querySelector('#reader-html').shadowRoot.querySelector('#elderly')?.getAttribute('aria-pressed') === 'true', null, '适老模式 on');
          await until(page, () => Number(document.documentElement.style.getPropertyValue('--zw-text-scale')) >= 1.5, null, '适老模式 to raise the text to 150%');
          await reader.locator('#elderly').click();
          // the reading aids (a lazy module and a fixed layer), the large cursor
          await page.evaluate(() => document.querySelector('#reader-html').choose({ ruler: true, crosshair: true, caption: true, largeCursor: true }));
          await until(
            page,
            () => ['.zw-aid-band', '.zw-aid-line', '.zw-aid-caption'].every((c) => document.querySelector('#reader-html').shadowRoot.querySelector(`.aids-layer ${c}`)),
            null,
            'the ruler, crosshair and caption in the aids layer',
          );
          await page.mouse.move(1, 1);
          await reader.locator('.content p').first().hover();
          await until(
            page,
            () => (document.querySelector('#reader-html').shadowRoot.querySelector('.aids-layer .zw-aid-caption')?.textContent.trim() ?? '') !== '',
            null,
            'the caption to show the sentence under the pointer',
          );
          await page.evaluate(() => document.querySelector('#reader-html').choose({ ruler: false, crosshair: false, caption: false, largeCursor: false }));
          // 繁體 and 拼音 (lazy tables, text nodes and <ruby> made with DOM calls)
          await page.evaluate(() => document.querySelector('#reader-html').choose({ script: 'hant' }));
          await until(page, () => document.querySelector('#reader-html').shadowRoot.querySelector('.content').textContent.includes('關於'), null, 'the article in 繁體');
          await page.evaluate(() => document.querySelector('#reader-html').choose({ script: 'original', pinyin: true }));
          await until(page, () => document.querySelector('#reader-html').shadowRoot.querySelectorAll('.content ruby rt').length > 10, null, '拼音 over the article');
          await page.evaluate(() => document.querySelector('#reader-html').choose({ pinyin: false }));
          await until(page, () => document.querySelector('#reader-html').shadowRoot.querySelectorAll('.content ruby rt').length === 0, null, '拼音 removed');
          // the for= reader: its toolbar acts on the page's article through a constructed stylesheet
          const before = await page.$eval('#article p', (p) => parseFloat(getComputedStyle(p).fontSize));
          await page.locator('#reader-for').locator('#larger').click();
          await until(page, (b) => parseFloat(getComputedStyle(document.querySelector('#article p')).fontSize) > b, before, 'the page article to grow with the for= reader');
          await page.evaluate(() => document.querySelector('#reader-for').reset());
          const tripped = await page.evaluate(() => window.__zwTripped);
          assert(tripped.length === 0, `no tripwire: ${tripped}`);
          await clean(page, log, loader);
        } finally {
          await close();
        }
      },
    );
  }

  await check('strict CSP + Trusted Types: 复制对照表 puts the table on the clipboard without a report against the page', async () => {
    const { page, log, base, context, close } = await open(PAGE);
    try {
      await state(page, '#compare', 'ready', 15000);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await inShadow(page, '#compare', '.copy button').first().click();
      await until(page, () => document.querySelector('#compare').shadowRoot.querySelector('.copy-status')?.textContent.trim() !== '', null, 'the copy status');
      const copied = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
      });
      assert(/<table[\s>]/.test(copied) && copied.includes('原条款'), `the clipboard holds the 对照表: ${copied.slice(0, 120)}`);
      await clean(page, log, '复制对照表');
    } finally {
      await close();
    }
  });

  await check('strict CSP + Trusted Types: pre-rendered elements of every kind (dist/ssr.js) hydrate with the drop-in; their <style>s allowed by styleHashes()', async () => {
    // The server's <style> in each declarative shadow root is inline: the portal lists the library's style hashes.
    const csp = STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${styleHashes().join(' ')}`);
    const { page, log, close } = await open('/__csp/prerendered.html', { csp });
    try {
      await until(
        page,
        () => [...document.querySelectorAll('main > *')].every((el) => el.hasUpdated && el.getAttribute('state') === 'ready'),
        null,
        'every pre-rendered element upgraded and ready',
        15000,
      );
      const styled = await page.$$eval('main > *', (els) => els.map((el) => [el.localName, el.shadowRoot.adoptedStyleSheets.length]));
      assert(
        styled.every(([, n]) => n > 0),
        `every element adopted its styles: ${JSON.stringify(styled)}`,
      );
      const text = await shadowText(page, 'zw-policy-card');
      assert(text.includes('济南市市场监督管理局'), `the card shows its issuer: ${text.slice(0, 120)}`);
      await clean(page, log, 'pre-rendered');
    } finally {
      await close();
    }
  });

  await check(
    `the trusted-types list is exactly the library's: it creates only ${POLICY_NAMES.join(' and ')}; without zhengwu-reader the sanitiser's fallback fails closed`,
    async () => {
      assert(
        [...createdPolicies].every((n) => POLICY_NAMES.includes(n)) && createdPolicies.has('lit-html'),
        `policies created on the pages above: ${[...createdPolicies]} (allowed: ${POLICY_NAMES})`,
      );
      // the fallback route (markup parsed by DOMPurify) is the one that needs zhengwu-reader: with it, clean; without, refused
      for (const names of [POLICY_NAMES, ['lit-html']]) {
        const csp = policyWith(names);
        const { page, log, close } = await open(READER_PAGE, { csp });
        try {
          await until(page, () => document.querySelector('#reader-html')?.shadowRoot?.querySelectorAll('.content tbody tr').length === 2, null, 'the sanitised article', 15000);
          const fallback = await page.evaluate(async () => {
            const { sanitizeArticle } = await import('/dist/zhengwu-elements/sanitize.js');
            try {
              const fragment = sanitizeArticle(document.querySelector('#reader-html'), 'markup');
              return {
                text: fragment.textContent.replace(/\s+/g, ' '),
                live: fragment.querySelectorAll('script, template, form, svg, [style]').length,
                policies: window.__zwPolicies,
              };
            } catch (error) {
              return { error: error.name, policies: window.__zwPolicies };
            }
          });
          const violations = await violationsIn(page);
          if (names.includes('zhengwu-reader')) {
            assert(fallback.text?.includes('特此通知。（完）') && fallback.live === 0, `the fallback route sanitises through the policy: ${JSON.stringify(fallback)}`);
            assert(fallback.policies.includes('zhengwu-reader'), `the fallback created zhengwu-reader: ${fallback.policies}`);
            await clean(page, log, `trusted-types ${names.join(' ')}`);
          } else {
            // the normal (DOM to DOM) route needed no policy; the fallback is refused, nothing is parsed
            assert(fallback.error === 'TypeError' || (fallback.text ?? '') === '', `without zhengwu-reader the fallback fails closed: ${JSON.stringify(fallback)}`);
            const tt = violations.filter((v) => v.directive !== 'require-trusted-types-for' && v.directive !== 'trusted-types');
            assert(tt.length === 0 && log.errors.length === 0, `only the fallback's refusal: ${JSON.stringify(violations)} ${log.errors}`);
          }
        } finally {
          await close();
        }
      }
    },
  );

  for (const server of servers.values()) server.close();
}
