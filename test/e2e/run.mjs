// End-to-end checks of the built library (dist/), as a portal would use it:
// the single-file drop-in under a strict CSP, two copies on one page, axe, a
// 320 px phone, and the syntax level of every shipped file (Chromium 86).
// Run after `node scripts/build.mjs`.
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { launchChromium, root, serveRepository } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';
import { portalPageChecks } from './portal-pages.mjs';
import { checkReader } from './reader-checks.mjs';
import { checkAutoload } from './autoload-checks.mjs';
import { checkFrameworks } from './frameworks-checks.mjs';
import { checkDemo } from './demo-checks.mjs';
import { checkPrerender } from './prerender-checks.mjs';
import { checkReaderPrerender } from './prerender-reader.mjs';
import { checkDirectoryPrerender } from './prerender-directory.mjs';
import { checkElementsPrerender } from './prerender-elements.mjs';
import { checkStrictCsp } from './hardening-csp.mjs';
import { checkHostilePages } from './hardening-hosts.mjs';
import { checkPrerenderXss } from './hardening-xss-prerender.mjs';

// The directory's reference search server, as built (dist/server.js), answers the remote-mode page at /api/directory.
const { createDirectoryHandler } = await import(join(root, 'dist/server.js'));
const directoryFixture = JSON.parse(await readFile(join(root, 'demo/data/directory-seeds.json'), 'utf8'));
const server = await serveRepository({ handlers: { '/api/directory': createDirectoryHandler({ document: directoryFixture, log: () => {} }) } });
const base = server.base;

const results = [];
// `--only hardening`: only the hardening suites (npm run test:nightly runs them at their nightly size).
const onlyHardening = process.argv.includes('--only') && process.argv.includes('hardening');
let hardeningPhase = false;
async function check(name, fn) {
  if (onlyHardening && !hardeningPhase) return;
  try {
    await fn();
    results.push([true, name]);
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push([false, name]);
    console.log(
      `  ✗ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 4)
        .join('\n    ')}`,
    );
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await launchChromium();

/** Opens a page and records console messages, page errors and CSP violations. */
async function open(path, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const log = { console: [], errors: [], csp: [] };
  page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.exposeFunction('__zwCsp', (v) => log.csp.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__zwCsp(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(base + path);
  return { page, log };
}
const shadowText = (page, selector) => page.$eval(selector, (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
const stateOf = (page, selector, state) => page.waitForFunction(([s, st]) => document.querySelector(s)?.getAttribute('state') === st, [selector, state], { timeout: 10000 });

console.log('end-to-end (dist/):');

await check('the drop-in bundle renders inline, fetched, broken and English cards under a strict CSP', async () => {
  const { page, log } = await open('/test/e2e/pages/dropin.html');
  await stateOf(page, '#inline', 'ready');
  await stateOf(page, '#fetched', 'ready');
  await stateOf(page, '#broken', 'error');
  await stateOf(page, '#english', 'ready');
  assert((await shadowText(page, '#inline')).includes('2021年6月23日'), 'inline card shows its date');
  assert((await shadowText(page, '#fetched')).includes('济南市市场监督管理局'), 'fetched card shows its issuer');
  const broken = await shadowText(page, '#broken');
  assert(broken.includes('/publishDate') && broken.includes('/url'), `broken card lists its errors: ${broken}`);
  assert((await shadowText(page, '#english')).includes('Publication date'), 'English card is in English');
  assert(log.errors.length === 0, `no page errors: ${log.errors}`);
  assert(log.csp.length === 0, `no CSP violations: ${log.csp}`);
  await mkdir(join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results/dropin-1280.png'), fullPage: true });
  await page.close();
});

await check('axe finds nothing on the drop-in page', async () => {
  const { page } = await open('/test/e2e/pages/dropin.html');
  await stateOf(page, '#english', 'ready');
  await stateOf(page, '#broken', 'error');
  const violations = await axeViolations(page);
  assert(violations.length === 0, violations.join('\n'));
  await page.close();
});

await check('dark, more-contrast and forced-colors preferences: colours follow, axe finds nothing', async () => {
  const { page } = await open('/test/e2e/pages/dropin.html');
  await stateOf(page, '#english', 'ready');
  await stateOf(page, '#broken', 'error');
  const cardColours = () =>
    page.$eval('#inline', (el) => {
      const card = getComputedStyle(el.shadowRoot.querySelector('[part=card]'));
      const dt = getComputedStyle(el.shadowRoot.querySelector('dt'));
      return { background: card.backgroundColor, text: card.color, muted: dt.color };
    });
  const light = await cardColours();
  await page.emulateMedia({ colorScheme: 'dark' });
  // appearance="auto" follows the system: the element re-renders on the media query's change event
  await page.waitForFunction(() => document.querySelector('#inline').shadowRoot.querySelector('.zw-root')?.dataset.scheme === 'dark', null, { timeout: 5000 });
  const dark = await cardColours();
  assert(dark.background !== light.background && dark.text !== light.text, `dark scheme changes colours: ${JSON.stringify([light, dark])}`);
  let violations = await axeViolations(page);
  assert(violations.length === 0, `dark: ${violations.join('\n')}`);
  const scheme = (s) => page.waitForFunction((s) => document.querySelector('#inline').shadowRoot.querySelector('.zw-root')?.dataset.scheme === s, s, { timeout: 5000 });
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  await scheme('light');
  const more = await cardColours();
  assert(more.muted === more.text, `more contrast: secondary text as strong as body text ${JSON.stringify(more)}`);
  await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference', forcedColors: 'active' });
  violations = await axeViolations(page);
  assert(violations.length === 0, `forced colors: ${violations.join('\n')}`);
  // an element forced dark on a light page: in forced colours its tokens are system colours too
  await page.$eval('#inline', (el) => el.setAttribute('appearance', 'dark'));
  await scheme('dark');
  const forced = await page.$eval('#inline', (el) => getComputedStyle(el.shadowRoot.querySelector('dt')).webkitTextFillColor);
  assert(forced === 'rgb(0, 0, 0)', `forced colours, appearance="dark": text drawn in CanvasText, not an author colour (${forced})`);
  violations = await axeViolations(page);
  assert(violations.length === 0, `forced colors, appearance="dark": ${violations.join('\n')}`);
  await page.screenshot({ path: join(root, 'test-results/dropin-forced-colors.png') });
  await page.close();
});

await check('no horizontal scrolling on a 320 px phone', async () => {
  const { page } = await open('/test/e2e/pages/dropin.html', { width: 320, height: 640 });
  await stateOf(page, '#english', 'ready');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: join(root, 'test-results/dropin-320.png'), fullPage: true });
  await page.close();
});

await check('the drop-in interpretation: deep link opens the question, glossary popover, strict CSP, axe at 375 px', async () => {
  const { page, log } = await open('/test/e2e/pages/interpretation.html#faq-3', { width: 375, height: 700 });
  await stateOf(page, '#interpretation', 'ready');
  await page.waitForFunction(() => document.querySelector('#interpretation').shadowRoot.querySelector('#faq-3')?.open === true, null, { timeout: 10000 });
  const top = await page.evaluate(() => document.querySelector('#interpretation').shadowRoot.querySelector('#faq-3').getBoundingClientRect().top);
  assert(top >= -20 && top < 250, `#faq-3 scrolled into view (top ${top})`);
  await page.evaluate(() => document.querySelector('#interpretation').shadowRoot.querySelector('.term').click());
  await page.waitForFunction(() => !!document.querySelector('#interpretation').shadowRoot.querySelector('[part=popover]'));
  const violations = await axeViolations(page);
  assert(violations.length === 0, violations.join('\n'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assert(log.errors.length === 0 && log.csp.length === 0, `no errors or CSP violations: ${[...log.errors, ...log.csp]}`);
  await page.screenshot({ path: join(root, 'test-results/interpretation-375.png') });
  await page.close();
});

await check('the drop-in infographic under a strict CSP: samples render, PNG export works, axe at 320 px and 1280 px', async () => {
  for (const width of [320, 1280]) {
    const { page, log } = await open('/test/e2e/pages/infographic.html', { width, height: 900 });
    await stateOf(page, '#anhui', 'ready');
    await stateOf(page, '#report', 'ready');
    // charts are drawn for the measured width: wait for their value labels, not for a number of milliseconds
    await page.waitForFunction(() => document.querySelector('#anhui').shadowRoot.querySelectorAll('svg.chart .value-label').length > 0, null, { timeout: 10000 });
    if (width >= 1280) {
      const ticks = await page.evaluate(() => document.querySelector('#anhui').shadowRoot.querySelectorAll('svg.chart [data-axis] .tick').length);
      assert(ticks > 0, 'wide charts have axes (narrow bar charts label every bar instead)');
    }
    const violations = await axeViolations(page);
    assert(violations.length === 0, `${width}px: ${violations.join('\n')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `${width}px: no sideways scrolling (${overflow}px)`);
    // measured before exporting: the status line the export adds makes the box taller
    const box = await page.evaluate(() => {
      const r = document.querySelector('#anhui').shadowRoot.querySelector('[part=infographic]').getBoundingClientRect();
      return [Math.ceil(r.width + 32) * 2, Math.ceil(r.height + 32) * 2];
    });
    const size = await page.evaluate(async () => {
      const blob = await document.querySelector('#anhui').export('png');
      if (!blob) return null;
      const bitmap = await createImageBitmap(blob);
      return [blob.size, bitmap.width, bitmap.height];
    });
    assert(size && size[0] > 10000 && size[1] === box[0] && size[2] === box[1], `${width}px: PNG ${JSON.stringify(size)} for box ${JSON.stringify(box)}`);
    assert(log.errors.length === 0, `${width}px: no page errors: ${log.errors}`);
    await page.screenshot({ path: join(root, `test-results/infographic-${width}.png`), fullPage: true });
    await page.close();
  }
});

await check('the infographic in forced-colors (Windows high contrast) and dark mode: marks stay visible, axe finds nothing', async () => {
  const { page } = await open('/test/e2e/pages/infographic.html', { width: 1280, height: 900 });
  await stateOf(page, '#anhui', 'ready');
  for (const media of [{ forcedColors: 'active' }, { forcedColors: 'none', colorScheme: 'dark' }]) {
    await page.emulateMedia(media);
    // light by default on a white page: dark needs appearance="auto" (styles recompute on the next read, no wait)
    if (media.colorScheme === 'dark') await page.evaluate(() => document.querySelector('#anhui').setAttribute('appearance', 'auto'));
    await page.evaluate(() => document.querySelector('#anhui').updateComplete);
    const fills = await page.evaluate(() => [...document.querySelector('#anhui').shadowRoot.querySelectorAll('svg.chart .mark')].map((m) => getComputedStyle(m).fill));
    assert(
      fills.length > 0 && fills.every((f) => f !== 'none' && f !== 'transparent' && f !== 'rgba(0, 0, 0, 0)'),
      `${JSON.stringify(media)}: marks are filled (${fills.slice(0, 3)})`,
    );
    const violations = await axeViolations(page);
    assert(violations.length === 0, `${JSON.stringify(media)}: ${violations.join('\n')}`);
  }
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
  await page.screenshot({ path: join(root, 'test-results/infographic-forced-colors.png') });
  await page.close();
});

await check('the drop-in comparison under a strict CSP: three ways in, summary, every view axe-clean at 375 and 1280 px, keys, deep link, copy', async () => {
  const { page, log } = await open('/test/e2e/pages/compare.html#c-3', { width: 1280, height: 900 });
  for (const id of ['#fetched', '#three', '#inline']) await stateOf(page, id, 'ready');
  assert(log.errors.length === 0, `no page errors: ${log.errors}`);
  assert(log.csp.length === 0, `no CSP violations: ${log.csp}`);
  // the summary the element reports is the one it shows
  const summary = await page.$eval('#fetched', (el) => el.summary);
  const bar = await page.$eval('#fetched', (el) => el.shadowRoot.querySelector('[part=summary]').textContent.replace(/\s+/g, ''));
  assert(
    summary && bar.includes(`新增${summary.added}条`) && bar.includes(`修改${summary.modified}条`) && bar.includes(`移动${summary.moved}条`),
    `summary ${JSON.stringify(summary)} shown as ${bar}`,
  );
  assert(
    summary.added > 0 && summary.deleted > 0 && summary.modified > 0 && summary.moved > 0 && summary.unchanged > 0,
    `seed 000's revision has every kind of change: ${JSON.stringify(summary)}`,
  );
  // #c-3 on load: that row is focused
  await page.waitForFunction(() => document.querySelector('#fetched').shadowRoot.activeElement?.id === 'c-3', null, { timeout: 10000 });
  // keys: J moves to the next change and the position is announced
  await page.$eval('#inline', (el) => el.shadowRoot.querySelector('button.next').focus());
  await page.keyboard.press('j');
  const announced = () => page.$eval('#inline', (el) => el.shadowRoot.querySelector('.position').textContent.trim());
  await page.waitForFunction(() => /第 1 处修改，共 \d+ 处/.test(document.querySelector('#inline').shadowRoot.querySelector('.position').textContent), null, { timeout: 5000 });
  await page.keyboard.press('j');
  await page
    .waitForFunction(() => /第 2 处修改/.test(document.querySelector('#inline').shadowRoot.querySelector('.position').textContent), null, { timeout: 5000 })
    .catch(async () => {
      throw new Error(`second J: ${await announced()}`);
    });
  // 复制对照表 under the strict CSP: the clipboard gets a real table
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.$eval('#inline', (el) => el.shadowRoot.querySelector('.copy button').click());
  await page.waitForFunction(() => document.querySelector('#inline').shadowRoot.querySelector('.copy-status').textContent.trim() !== '', null, { timeout: 5000 });
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
  });
  assert(/<table[\s>]/.test(copied) && copied.includes('原条款') && copied.includes('按新修订的条例缩短答复期限'), `the clipboard holds the 对照表: ${copied.slice(0, 200)}`);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const view of ['side-by-side', 'redline', 'margin']) {
      await page.evaluate((v) => {
        for (const el of document.querySelectorAll('zw-policy-compare')) el.setAttribute('view', v);
      }, view);
      await page.evaluate(() => Promise.all([...document.querySelectorAll('zw-policy-compare')].map((el) => el.updateComplete)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `${view} at ${width}px: page is ${overflow}px wider than the screen`);
      const violations = await axeViolations(page);
      assert(violations.length === 0, `${view} at ${width}px: ${violations.join('\n')}`);
    }
    await page.screenshot({ path: join(root, `test-results/compare-${width}.png`) });
  }
  await page.close();
});

await check(
  'the drop-in directory under a strict CSP: search with 发文字号 variants, the address (back, forward, a shared link), two directories, remote mode against dist/server.js, axe at 375 and 1280 px',
  async () => {
    const path = '/test/e2e/pages/directory.html';
    const { page, log } = await open(path, { width: 1280, height: 900 });
    for (const id of ['#seeds', '#remote', 'zw-disclosure-directory:not([id])']) await stateOf(page, id, 'ready');
    const inside = (selector, fn, arg) => page.$eval(selector, fn, arg);
    // search as you type, with another bracket form of the 发文字号 than the data's 鲁商字〔2019〕12号
    await inside('#seeds', (el) => el.shadowRoot.querySelector('input[type=search]').focus());
    await page.keyboard.type('鲁商字[2019]12号');
    await page.waitForFunction(() => /鲁商字〔2019〕12号/.test(document.querySelector('#seeds').shadowRoot.querySelector('tbody')?.textContent ?? ''), null, { timeout: 5000 });
    const marked = await inside('#seeds', (el) => [...el.shadowRoot.querySelectorAll('tbody mark')].map((m) => m.textContent).join('|'));
    assert(marked.includes('〔2019〕'), `the match is marked across the brackets: ${marked}`);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seeds.q') === '鲁商字[2019]12号', null, { timeout: 5000 });
    // a column: pushed to the address; back restores the previous state, forward the column again
    await inside('#seeds', (el) => (el.query = ''));
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('seeds.q'), null, { timeout: 5000 });
    await inside('#seeds', (el) => [...el.shadowRoot.querySelectorAll('[role=treeitem]')].find((i) => i.textContent.includes('依申请公开')).click());
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seeds.column') === 'ysqgk', null, { timeout: 5000 });
    const inColumn = await inside('#seeds', (el) => el.total);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#seeds').column === undefined || document.querySelector('#seeds').column === '', null, { timeout: 5000 });
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('#seeds').column === 'ysqgk', null, { timeout: 5000 });
    await page.waitForFunction((n) => document.querySelector('#seeds').total === n, inColumn, { timeout: 5000 });
    // the second directory (no id) keeps its own prefix and never touched the first one's
    const params = await page.evaluate(() => [...new URL(location.href).searchParams.keys()]);
    assert(
      params.every((k) => k.startsWith('seeds.') || k.startsWith('zwd')),
      `only the directories' own parameters: ${params}`,
    );
    // remote mode: the reference server answers, facets included
    await page.waitForFunction(() => document.querySelector('#remote').total > 0, null, { timeout: 10000 });
    await inside('#remote', (el) => (el.query = '商务'));
    await page.waitForFunction(() => document.querySelector('#remote').shadowRoot.querySelector('tbody mark')?.textContent === '商务', null, { timeout: 10000 });
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    assert(log.csp.length === 0, `no CSP violations: ${log.csp}`);
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      // the directories follow their own new width (a ResizeObserver): wait until the page fits, or say by how much it did not
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page
        .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 5000 })
        .catch(async () => {
          throw new Error(`at ${width}px the page is ${await fits()}px wider than the screen`);
        });
      await page.evaluate(() => Promise.all([...document.querySelectorAll('zw-disclosure-directory')].map((el) => el.updateComplete)));
      const violations = await axeViolations(page);
      assert(violations.length === 0, `at ${width}px: ${violations.join('\n')}`);
      await page.screenshot({ path: join(root, `test-results/directory-${width}.png`), fullPage: true });
    }
    await page.close();
    // a shared link restores the state
    const shared = await open(`${path}?seeds.q=${encodeURIComponent('商务')}&seeds.sort=title&seeds.order=asc`, { width: 1280, height: 900 });
    await stateOf(shared.page, '#seeds', 'ready');
    await shared.page.waitForFunction(() => document.querySelector('#seeds').shadowRoot.querySelector('input[type=search]').value === '商务', null, { timeout: 5000 });
    const titles = await shared.page.$eval('#seeds', (el) => [...el.shadowRoot.querySelectorAll('tbody td.c-title')].map((td) => td.textContent.trim()));
    assert(titles.length > 1 && titles.every((t) => t.includes('商务')), `only 商务 entries: ${titles}`);
    assert(titles.join('\n') === [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n'), `sorted by 名称 ascending: ${titles}`);
    await shared.page.close();
  },
);

await check('two copies of the bundle on one page: one warning per element, no error, cards still work', async () => {
  const { page, log } = await open('/test/e2e/pages/twice.html');
  await stateOf(page, '#card', 'ready');
  const elements = ['zw-disclosure-directory', 'zw-infographic', 'zw-interpretation', 'zw-policy-card', 'zw-policy-compare', 'zw-reader'];
  // the second copy's warnings arrive as console messages: wait for all of them (or fail after 5 s)
  for (const start = Date.now(); log.console.filter((m) => m.includes('already defined')).length < elements.length && Date.now() - start < 5000;)
    await new Promise((r) => setTimeout(r, 20));
  assert(log.errors.length === 0, `no page errors: ${log.errors}`);
  const warnings = log.console.filter((m) => m.includes('already defined'));
  const tags = warnings.map((m) => /<(zw-[\w-]+)>/.exec(m)?.[1]).sort();
  assert(JSON.stringify(tags) === JSON.stringify(elements), `one "already defined" warning per element, got: ${log.console.join(' | ')}`);
  assert((await shadowText(page, '#card')).includes('安徽省商务厅'), 'card renders');
  await page.close();
});

await check('shipped JavaScript parses as ES2021 and avoids APIs newer than Chromium 86', async () => {
  const files = [];
  for (const dir of ['dist', 'dist/chunks', 'dist/zhengwu-elements', 'dist/autoload']) {
    // the browser's files (server.js, cli.js, ssr.js and their chunks in dist/node/ run in Node)
    for (const f of await readdir(join(root, dir)).catch(() => []))
      if (f.endsWith('.js') && !['dist/server.js', 'dist/cli.js', 'dist/ssr.js'].includes(join(dir, f))) files.push(join(dir, f));
  }
  assert(files.includes('dist/zhengwu-elements.js'), 'dist/zhengwu-elements.js exists');
  // Runtime APIs that Chromium 86 lacks (the syntax check cannot see them).
  const tooNew = /\bstructuredClone\(|\.findLast(?:Index)?\(|Object\.hasOwn\(|\.toSorted\(|\.toReversed\(|\.replaceAll\(|\bArray\.prototype\.at\b|\.at\(-\d/;
  for (const file of files) {
    const code = await readFile(join(root, file), 'utf8');
    acorn.parse(code, { ecmaVersion: 2021, sourceType: 'module' });
    assert(!tooNew.test(code), `${file} uses ${tooNew.exec(code)?.[0]}, which Chromium 86 lacks`);
    if (file.endsWith('zhengwu-elements.js')) {
      // no bare imports; import() only of its own lazy chunks beside it
      const dynamic = [...code.matchAll(/\bimport\s*\(\s*(["'`])([^"'`]*)\1/g)].map((m) => m[2]);
      assert(
        dynamic.every((path) => path.startsWith('./zhengwu-elements/')),
        `the drop-in imports only its own chunks: ${dynamic}`,
      );
      assert(!/^import\s|[;}]import\s*["{*\w]/m.test(code), 'the drop-in has no static imports left');
      assert(!/\beval\(|new Function\(/.test(code), 'no eval or new Function');
    }
  }
});

await checkDemo({ open, check, assert, base, stateOf });

await portalPageChecks({ open, check, assert, base });

await checkAutoload({ open, check, assert, base });

await checkFrameworks({ open, check, assert, base });

await checkReader({ browser, check, assert, base });

await checkPrerender({ open, check, assert, base });

await checkReaderPrerender({ open, check, assert, base });

await checkDirectoryPrerender({ open, check, assert, base });

await checkElementsPrerender({ open, check, assert, base });

hardeningPhase = true;
console.log('hardening (dist/):');
await checkStrictCsp({ check, assert, browser, root });
await checkHostilePages({ check, assert, browser, root });
await checkPrerenderXss({ check, assert, browser, root });

await browser.close();
server.close();
const failed = results.filter(([ok]) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
