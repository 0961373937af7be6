// End-to-end checks of the content staff's demo page as they get it: built by Vite (`npm run build:demo`), loading the
// BUILT library from lib/ (copied from dist/), served as static files from a sub-folder of a plain web server.
// run.mjs calls `checkDemo({ open, check, assert, base, stateOf })` (its `open` records console, page errors and CSP).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { root } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';
import { until } from './support.mjs';

const DEMO = '/test-results/demo/index.html';

const summaryHas = (page, text) => until(page, (t) => document.querySelector('#summary')?.textContent?.includes(t), text, `the summary to say “${text}”`);
const statusHas = (page, text) => until(page, (t) => document.querySelector('#editor-status')?.textContent?.includes(t), text, `the status to say “${text}”`);
const setRadio = (page, name, value) => page.check(`input[name="${name}"][value="${value}"]`);

/** @param {{ open: Function, check: Function, assert: Function, base: string, stateOf: Function }} options */
export async function checkDemo({ open, check, assert, base, stateOf }) {
  // the demo as content staff get it: built by vite, served statically
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: join(root, 'test-results/demo'), emptyOutDir: true } });

  await check('the demo page previews with the built library (lib/), not the sources, and works from a sub-folder', async () => {
    const { page, log } = await open(DEMO);
    await stateOf(page, '#preview-desktop zw-policy-card', 'ready');
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert(
      files.some((f) => f === '/test-results/demo/lib/zhengwu-elements.js'),
      `the page loaded lib/zhengwu-elements.js: ${files.join(', ')}`,
    );
    assert(!files.some((f) => f.includes('/src/')), `no source files: ${files.filter((f) => f.includes('/src/'))}`);
    const built = await readFile(join(root, 'dist/zhengwu-elements.js'));
    const copied = await readFile(join(root, 'test-results/demo/lib/zhengwu-elements.js'));
    assert(built.equals(copied), 'lib/zhengwu-elements.js is dist/zhengwu-elements.js');
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the built embed example page (a portal page with a reader and cards) works from the same lib/', async () => {
    const { page, log } = await open('/test-results/demo/embed-example.html');
    const cards = await page.$$eval('zw-policy-card', (els) => els.length);
    assert(cards >= 2, `the example has its cards: ${cards}`);
    await until(page, () => [...document.querySelectorAll('zw-policy-card')].every((el) => el.getAttribute('state') === 'ready'), null, 'every card ready');
    await until(page, () => customElements.get('zw-reader') !== undefined && document.querySelector('zw-reader')?.shadowRoot?.querySelector('button'), null, 'the reader toolbar');
    const violations = await axeViolations(page);
    assert(violations.length === 0, violations.join('\n'));
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the demo page: a sample passes, a broken date is listed, the embed snippet is safe, axe finds nothing', async () => {
    const { page, log } = await open(`${DEMO}?mode=json`, { width: 1280, height: 900 });
    await summaryHas(page, '数据检查通过');
    const preview = '#preview-desktop zw-policy-card';
    await stateOf(page, preview, 'ready');
    const json = JSON.parse(await page.inputValue('#editor'));
    json.publishDate = '2020-02-30';
    json.summary = '</script><img src=x onerror="window.__zwPwned=1">';
    await page.fill('#editor', JSON.stringify(json, null, 2));
    await until(page, () => document.querySelector('#issues')?.textContent?.includes('/publishDate'), null, 'the issue list to name /publishDate');
    const issues = await page.textContent('#issues');
    assert(issues.includes('「发布日期」不是有效日期'), `issue list names the date: ${issues}`);
    await stateOf(page, preview, 'error');
    const embed = await page.inputValue('#embed');
    assert(!embed.includes('</script><img'), 'embed snippet escapes </script');
    assert(await page.evaluate(() => window.__zwPwned === undefined), 'hostile summary stays inert');
    const violations = await axeViolations(page);
    assert(violations.length === 0, violations.join('\n'));
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: join(root, 'test-results/demo-375.png'), fullPage: true });
    // at 200% text on the phone nothing makes the page scroll sideways (the phone preview is scaled to its column)
    const style = await page.addStyleTag({ content: 'html { font-size: 200% }' });
    await until(page, () => parseFloat(getComputedStyle(document.documentElement).fontSize) === 32, null, 'the text at 200%');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert(wide <= 0, `no sideways scrolling at 375 px and 200% text (${wide} px too wide)`);
    await style.evaluate((el) => el.remove());
    // the other kinds: interpretation, infographic and comparison samples preview without errors
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('dialog', (dialog) => dialog.accept()); // "replace your edits?"
    for (const [tag, match] of [
      ['zw-interpretation', 'interpretation-000'],
      ['zw-infographic', 'infographic-002'],
      ['zw-policy-compare', 'comparison-000'],
      ['zw-policy-compare', 'comparison-three-versions'],
      ['zw-disclosure-directory', 'directory-seeds'],
    ]) {
      const value = await page.$eval('#sample', (select, m) => [...select.options].find((o) => o.value.includes(m))?.value, match);
      assert(value, `the sample list offers ${match}`);
      await page.selectOption('#sample', value);
      await until(page, (t) => document.querySelector(`#preview-desktop ${t}`)?.getAttribute('state') === 'ready', tag, `${match} ready`);
      const summary = await page.textContent('#summary');
      assert(summary.includes('数据检查通过'), `${match}: ${summary}`);
      const found = await axeViolations(page);
      assert(found.length === 0, `${match}: ${found.join('\n')}`);
      // previews at real device widths: the desktop one wide enough for the interpretation's wide layout (56em), the phone 375
      const widths = await page.evaluate((t) => [document.querySelector(`#preview-desktop ${t}`).offsetWidth, document.querySelector('#preview-phone').clientWidth], tag);
      assert(widths[0] >= 896 && widths[1] === 375, `${match}: desktop element ${widths[0]}px, phone screen ${widths[1]}px`);
    }
    // text pasted from Word: the mistake is named, at its place
    await page.fill('#editor', '{\n  “type”: “policy”,\n  "schemaVersion": 1\n}');
    await until(page, () => document.querySelector('#issues')?.textContent?.includes('中文引号'), null, 'the Chinese quote to be named');
    assert((await page.textContent('#issues')).includes('第 2 行，第 3 列'), 'the Chinese quote is placed at line 2, column 3');
    // the form waits for the JSON to be fixed, and says where
    await setRadio(page, 'mode', 'form');
    await until(page, () => !document.querySelector('#form-note').hidden, null, 'the form to explain it cannot be used');
    assert((await page.textContent('#form-note')).includes('第 2 行'), 'the form note names the line');
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the form and the JSON stay in sync both ways, problems show beside their field, 定位 goes there, a blank document starts in the form', async () => {
    const { page, log } = await open(`${DEMO}?sample=policy-001-jinan-market-2020`);
    await summaryHas(page, '数据检查通过');
    const field = (pointer) => `#form [data-zwf-ptr="${pointer}"]`;
    const json = async () => JSON.parse(await page.inputValue('#editor'));
    assert((await page.inputValue(field('/title'))) === (await json()).title, 'the form shows the JSON title');
    // form → JSON → preview
    await page.fill(field('/title'), '表单里改的标题');
    await until(page, () => JSON.parse(document.querySelector('#editor').value).title === '表单里改的标题', null, 'the JSON to follow the form');
    await until(page, () => document.querySelector('#preview-desktop zw-policy-card')?.shadowRoot?.textContent?.includes('表单里改的标题'), null, 'the preview to follow the form');
    // a list: add a key point and type it
    const keyPoints = (await json()).keyPoints?.length ?? 0;
    await page.click(`#form [data-zwf-group="/keyPoints"] button:text-matches("^添加")`);
    await page.keyboard.type('新增的一条要点');
    await until(page, (n) => JSON.parse(document.querySelector('#editor').value).keyPoints?.[n] === '新增的一条要点', keyPoints, 'the new key point in the JSON');
    // JSON → form: a broken date shows beside its field, marked invalid
    await setRadio(page, 'mode', 'json');
    const edited = await json();
    edited.publishDate = '2020-02-30';
    await page.fill('#editor', JSON.stringify(edited, null, 2));
    await until(page, () => document.querySelector('#issues')?.textContent?.includes('/publishDate'), null, 'the list to name /publishDate');
    await setRadio(page, 'mode', 'form');
    await until(page, (s) => document.querySelector(s)?.getAttribute('aria-invalid') === 'true', field('/publishDate'), 'the date field marked invalid');
    const beside = await page.$eval(field('/publishDate'), (el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    assert(beside.includes('不是有效日期'), `the message is beside the field and read with it: ${beside}`);
    await page.click('#issues button[aria-label="定位 /publishDate"]');
    assert((await page.evaluate(() => document.activeElement?.getAttribute('data-zwf-ptr'))) === '/publishDate', '定位 focuses the field in the form');
    const violations = await axeViolations(page);
    assert(violations.length === 0, violations.join('\n'));
    // a blank infographic: the form with its required fields marked, the check listing what is missing
    page.on('dialog', (dialog) => dialog.accept());
    await page.selectOption('#new-kind', 'infographic');
    await page.click('#new-doc');
    await statusHas(page, '已新建空白的一图读懂');
    assert((await json()).type === 'infographic', 'the JSON is a blank infographic');
    await until(page, (s) => document.querySelector(s)?.getAttribute('aria-invalid') === 'true', field('/title'), 'the missing title marked in the form');
    assert((await page.textContent('#summary')).includes('错误'), 'the check lists the missing fields');
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the demo keeps the work in progress across a reload (local draft), and a sample in the address wins', async () => {
    const { page, log } = await open(`${DEMO}?mode=json`);
    await summaryHas(page, '数据检查通过');
    const json = JSON.parse(await page.inputValue('#editor'));
    json.title = '草稿里改过的标题';
    await page.fill('#editor', JSON.stringify(json, null, 2));
    await stateOf(page, '#preview-desktop zw-policy-card', 'ready');
    await until(page, () => (localStorage.getItem('zhengwu-elements:demo-draft') ?? '').includes('草稿里改过的标题'), null, 'the draft to be saved');
    await page.goto(`${base}${DEMO}`);
    await statusHas(page, '已恢复上次的编辑');
    assert((await page.inputValue('#editor')).includes('草稿里改过的标题'), 'the edited text is back after the reload');
    assert(await page.isChecked('input[name="mode"][value="json"]'), 'the JSON editor is open again, as it was left');
    await until(
      page,
      () => document.querySelector('#preview-desktop zw-policy-card')?.shadowRoot?.textContent?.includes('草稿里改过的标题'),
      null,
      'the preview to show the draft',
    );
    // replacing a restored draft asks first
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.selectOption('#sample', 'policy-004-shanxi-industry-2021');
    assert(asked.includes('替换'), `choosing a sample over the draft asks first: “${asked}”`);
    assert((await page.inputValue('#editor')).includes('草稿里改过的标题'), 'declining keeps the draft');
    await page.goto(`${base}${DEMO}?sample=reader-000-shandong-2019`);
    await stateOf(page, '#preview-desktop zw-reader', 'ready');
    assert(!(await page.inputValue('#editor')).includes('草稿里改过的标题'), '?sample= opens that sample');
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the demo downloads exactly the JSON it checked, named after the document', async () => {
    const { page, log } = await open(`${DEMO}?sample=policy-004-shanxi-industry-2021&mode=json`);
    await summaryHas(page, '数据检查通过');
    const json = JSON.parse(await page.inputValue('#editor'));
    json.keywords = ['下载前刚改的关键词'];
    // typed and downloaded at once: the pending check runs first, so the file is what was just typed
    await page.fill('#editor', JSON.stringify(json));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#download')]);
    const file = join(root, 'test-results/demo-download.json');
    await download.saveAs(file);
    const saved = await readFile(file, 'utf8');
    assert(saved === `${JSON.stringify(json, null, 2)}\n`, `the file is the checked document, formatted: ${saved.slice(0, 200)}`);
    assert(/^policy-.+\.json$/.test(download.suggestedFilename()) && !/[\\/:*?"<>|]/.test(download.suggestedFilename()), `file name: ${download.suggestedFilename()}`);
    await statusHas(page, '已下载');
    // nothing to download from broken JSON: said, not a broken file
    await page.fill('#editor', '{ "type": "policy", ');
    await page.click('#download');
    await statusHas(page, '无法下载');
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the demo loads JSON from a URL, names a missing file, and refuses a javascript: address', async () => {
    const { page, log } = await open(`${DEMO}?mode=json`);
    await summaryHas(page, '数据检查通过');
    page.on('dialog', (dialog) => dialog.accept());
    const expected = await readFile(join(root, 'demo/data/interpretation-004-shanxi-industry-2021.json'), 'utf8');
    await page.fill('#url', '/demo/data/interpretation-004-shanxi-industry-2021.json');
    await page.click('#url-form button[type="submit"]');
    await statusHas(page, '已从网址载入');
    assert((await page.inputValue('#editor')) === expected, 'the editor holds the file as served');
    await stateOf(page, '#preview-desktop zw-interpretation', 'ready');
    await page.fill('#url', '/demo/data/no-such-file.json');
    await page.click('#url-form button[type="submit"]');
    await statusHas(page, '404');
    assert((await page.inputValue('#editor')) === expected, 'a failed load keeps the text');
    await page.fill('#url', 'javascript:alert(1)');
    await page.click('#url-form button[type="submit"]');
    await statusHas(page, '只能是 http(s) 地址或相对地址');
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });

  await check('the embed snippet (autoloader or single file, inline JSON or src) works when pasted into a plain page', async () => {
    const { page, log } = await open(`${DEMO}?sample=policy-001-jinan-market-2020`);
    await summaryHas(page, '数据检查通过');
    const title = JSON.parse(await page.inputValue('#editor')).title;
    let snippet = await page.inputValue('#embed');
    assert(snippet.includes('/static/autoload.js') && snippet.includes('<script type="application/json">'), `autoloader and inline JSON by default:\n${snippet}`);
    await setRadio(page, 'script', 'single');
    await setRadio(page, 'data', 'src');
    await page.fill('#data-src', '/demo/data/policy-001-jinan-market-2020.json');
    await until(page, () => document.querySelector('#embed').value.includes('src="/demo/data/policy-001'), null, 'the snippet to use the src');
    const srcSnippet = await page.inputValue('#embed');
    assert(srcSnippet.includes('/static/zhengwu-elements.js') && !srcSnippet.includes('application/json'), `single file with src:\n${srcSnippet}`);
    await page.fill('#data-src', 'javascript:alert(1)');
    await until(page, () => !document.querySelector('#embed-warning').hidden, null, 'a warning about the address');
    await setRadio(page, 'script', 'autoload');
    await setRadio(page, 'data', 'inline');
    snippet = await page.inputValue('#embed');
    await page.close();
    // each snippet, with the portal's address pointed at this build, in a page of its own
    await mkdir(join(root, 'test-results'), { recursive: true });
    for (const [name, code] of [
      ['autoload-inline', snippet],
      ['single-src', srcSnippet],
    ]) {
      const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title></head><body><main>${code.replaceAll('https://你的门户/static/', '/dist/')}</main></body></html>`;
      await writeFile(join(root, `test-results/embed-${name}.html`), html);
      const { page: portal, log: portalLog } = await open(`/test-results/embed-${name}.html`);
      await stateOf(portal, 'zw-policy-card', 'ready');
      assert((await portal.$eval('zw-policy-card', (el) => el.shadowRoot.textContent)).includes(title), `${name}: the card shows the title`);
      assert(portalLog.errors.length === 0, `${name}: no page errors: ${portalLog.errors}`);
      await portal.close();
    }
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
  });

  await check('the demo previews the public’s reading settings: text size, colour theme, elderly mode (page-wide and in the reader)', async () => {
    const { page, log } = await open(`${DEMO}?sample=policy-001-jinan-market-2020`);
    const card = '#preview-desktop zw-policy-card';
    await stateOf(page, card, 'ready');
    const fontSize = () => page.$eval(card, (el) => parseFloat(getComputedStyle(el.shadowRoot.querySelector('.zw-root')).fontSize));
    const before = await fontSize();
    await page.selectOption('#text-scale', '2');
    await until(page, () => document.documentElement.style.getPropertyValue('--zw-text-scale') === '2', null, 'the page-wide text scale 2');
    await until(
      page,
      ([s, b]) => parseFloat(getComputedStyle(document.querySelector(s).shadowRoot.querySelector('.zw-root')).fontSize) >= b * 1.9,
      [card, before],
      'the card text to double',
    );
    await page.selectOption('#text-scale', '1');
    await page.check('#elderly');
    await until(page, () => document.documentElement.getAttribute('data-zw-color-theme') === 'contrast-white', null, 'elderly mode to bring high contrast');
    assert(Number(await page.evaluate(() => document.documentElement.style.getPropertyValue('--zw-text-scale'))) === 1.5, 'elderly mode: at least 150%');
    // the reader itself gets the settings as attributes, and publishes them
    await setRadio(page, 'view', 'reader');
    await stateOf(page, '#preview-desktop zw-reader', 'ready');
    assert(await page.$eval('#preview-desktop zw-reader', (el) => el.hasAttribute('elderly')), 'the reader preview is in elderly mode');
    assert((await page.inputValue('#embed')).includes(' elderly'), 'the reader snippet presets elderly mode');
    await page.uncheck('#elderly');
    await setRadio(page, 'view', 'card');
    await until(page, () => !document.documentElement.hasAttribute('data-zw-color-theme'), null, 'the settings to go with elderly mode');
    // appearance: the portal's dark mode
    await setRadio(page, 'appearance', 'dark');
    await until(page, (s) => document.querySelector(s)?.shadowRoot?.querySelector('.zw-root')?.dataset.scheme === 'dark', card, 'the card in dark');
    assert((await page.inputValue('#embed')).includes('appearance="dark"'), 'the snippet carries appearance="dark"');
    assert(log.errors.length === 0, `no page errors: ${log.errors}`);
    await page.close();
  });
}
