// node scripts/screenshots.mjs → screenshots/*.png, from the built drop-in (run
// `node scripts/build.mjs` first): what a reader sees on real portal pages, to
// look at before a release. The hostile-CSS portal page at 375 and 1280 px, a
// stacked bar chart, seed 003's sample, the annual-report table on a phone,
// dark mode on a white page, and each element at 200% text.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, root, serveRepository } from './static-server.mjs';
import { RESET_CSS, WHITE_CSS, portalPage, showPortalPage } from '../test/e2e/portal-pages.mjs';

const out = join(root, 'screenshots');
await mkdir(out, { recursive: true });

const server = await serveRepository();
const base = server.base;

const browser = await launchChromium();

const json = async (path) => JSON.parse(await readFile(join(root, path), 'utf8'));
/** A document inline, as a CMS template writes it (`<` escaped, so `</script` cannot end the script). */
const inline = (tag, doc, attributes = '') => `<${tag} ${attributes}><script type="application/json">${JSON.stringify(doc).replace(/</g, '\\u003c')}</script></${tag}>`;

const seed003 = await json('demo/data/infographic-003-guangzhou-deadlines.json');
const stackedChart = seed003.blocks.find((b) => b.type === 'chart' && b.stacking === 'stacked');
if (!stackedChart) throw new Error('seed 003 has no stacked chart any more: pick another stacked chart for the screenshot');
/** The stacked story of stories/infographic-fixtures.ts: seed 003's stacked chart on its own. */
const stackedOnly = { ...seed003, id: 'story-stacked', title: '堆叠条形图 stacked bars', blocks: [stackedChart] };

const shots = [];
/** Renders a page and saves a full-page PNG (or one element's, with `element`). */
async function shot(name, { width, html, scheme = 'light', element }) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${base}/package.json`); // a same-origin address; the page itself is routed
  await showPortalPage(page, base, html);
  // charts are drawn for the measured width, after the element reports ready
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const path = join(out, `${name}.png`);
  if (element) await page.locator(element).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
  shots.push(`${name}.png${errors.length ? `  (page errors: ${errors.join('; ')})` : ''}`);
  await page.close();
}

const hostile = portalPage({ title: '适老化页面：12px 宋体重置', css: RESET_CSS });
await shot('hostile-css-1280', { width: 1280, html: hostile });
await shot('hostile-css-375', { width: 375, html: hostile });

const white = (title, body) => portalPage({ title, css: WHITE_CSS, body });
for (const width of [375, 1280]) {
  await shot(`stacked-chart-${width}`, { width, html: white('堆叠条形图', inline('zw-infographic', stackedOnly, 'id="stacked"')), element: '#stacked' });
}
await shot('seed-003-guangzhou-1280', {
  width: 1280,
  html: white('一图读懂：广州', '<zw-infographic src="/demo/data/infographic-003-guangzhou-deadlines.json"></zw-infographic>'),
});
await shot('annual-report-375', { width: 375, html: white('年度报告', '<zw-infographic src="/demo/data/infographic-annual-report-example.json"></zw-infographic>') });

await shot('dark-system-white-page-default', { width: 1280, scheme: 'dark', html: portalPage({ title: '白色门户页面：读者系统为深色', css: WHITE_CSS }) });
await shot('dark-system-white-page-appearance-auto', {
  width: 1280,
  scheme: 'dark',
  html: portalPage({ title: '白色门户页面：appearance="auto"', css: WHITE_CSS, attributes: 'appearance="auto"' }),
});

const largeText = `${WHITE_CSS}\nbody { --zw-font-size: 32px }`;
for (const element of ['card', 'interpretation', 'infographic']) {
  for (const width of [375, 1280]) {
    await shot(`text-200-${element}-${width}`, { width, html: portalPage({ title: '200% 文字', css: largeText, only: [element] }) });
  }
}

await browser.close();
server.close();
console.log(`screenshots/ (${shots.length}):\n  ${shots.join('\n  ')}`);
