// node scripts/readme-shots.mjs → docs/images/*.png, the README's pictures, taken from the BUILT demo in Chromium:
// the demo is built with Vite (vite.config.ts, into test-results/readme-demo/), served as static files, and each
// element is photographed in the demo's desktop preview (a 1280 px window, shown at full size) with a sample from
// demo/data; then the demo page itself. The demo previews the built library, so `node scripts/build.mjs` must have
// run (dist/zhengwu-elements.js). Waits for states (the element's `state`, charts drawn), never for time.
import { existsSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { launchChromium, root, serveRepository } from './static-server.mjs';

const library = join(root, 'dist/zhengwu-elements.js');
if (!existsSync(library)) {
  console.error('readme-shots: dist/zhengwu-elements.js is missing — the demo previews the built library: run `node scripts/build.mjs` first.');
  process.exit(1);
}

/** One sample per element: a real document that shows what the element is for. */
const SHOTS = [
  { name: 'policy-card', tag: 'zw-policy-card', sample: 'policy-001-jinan-market-2020' },
  { name: 'interpretation', tag: 'zw-interpretation', sample: 'interpretation-000-shandong-commerce-2019' },
  { name: 'infographic', tag: 'zw-infographic', sample: 'infographic-002-anhui-2017' },
  { name: 'policy-compare', tag: 'zw-policy-compare', sample: 'comparison-000-shandong-commerce' },
  { name: 'disclosure-directory', tag: 'zw-disclosure-directory', sample: 'directory-seeds' },
  { name: 'reader', tag: 'zw-reader', sample: 'reader-000-shandong-2019' },
];
/** Long elements are cut here: the top of an element says what it is. */
const MAX_HEIGHT = 900;
/** White space kept around an element (the preview screen's own padding is larger). */
const MARGIN = 16;
/** Above this a PNG goes out as JPEG (quality 80) instead, to keep the repository small. */
const MAX_BYTES = 250 * 1024;
/** How long an element may take to load in the preview before the script gives up (a broken demo, not a slow one). */
const TIMEOUT = 30_000;

const outDir = join(root, 'test-results/readme-demo');
const images = join(root, 'docs/images');
await mkdir(images, { recursive: true });

await build({
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
});

const server = await serveRepository();
const demoUrl = (sample) => `${server.base}/test-results/readme-demo/index.html?sample=${encodeURIComponent(sample)}`;
const browser = await launchChromium();
const written = [];
const problems = [];

/** Saves a screenshot as PNG, or as JPEG when the PNG is too large; removes the other format's old file. */
async function save(name, take) {
  const png = await take({ type: 'png' });
  const [ext, body] = png.length <= MAX_BYTES ? ['png', png] : ['jpg', await take({ type: 'jpeg', quality: 80 })];
  await rm(join(images, `${name}.${ext === 'png' ? 'jpg' : 'png'}`), { force: true });
  const path = join(images, `${name}.${ext}`);
  await writeFile(path, body);
  written.push(`docs/images/${name}.${ext}  ${((await stat(path)).size / 1024).toFixed(1)} KB`);
}

/** A page that fails on any error the demo or an element reports. */
async function openPage(viewport, label) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => problems.push(`${label}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${label}: console error: ${message.text()}`);
  });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  return page;
}

/** Every zw element (and the cards nested in them) settled, charts with their axes, fonts loaded. */
async function settled(page, selector, label) {
  await page
    .waitForFunction(
      (selector) => {
        const host = document.querySelector(selector);
        if (!host || host.getAttribute('state') !== 'ready') return false;
        const done = (scope) =>
          [...scope.querySelectorAll('*')]
            .filter((el) => el.localName.startsWith('zw-'))
            .every((el) => ['ready', 'empty', 'error'].includes(el.getAttribute('state') ?? 'ready') && (!el.shadowRoot || done(el.shadowRoot)));
        if (!host.shadowRoot || !done(host.shadowRoot)) return false;
        // d3 draws the axes after Lit rendered the chart (narrow bar charts have none: no placeholder)
        return [...host.shadowRoot.querySelectorAll('svg.chart [data-axis]')].every((axis) => axis.querySelector('.tick'));
      },
      selector,
      { timeout: TIMEOUT, polling: 100 },
    )
    .catch(async () => {
      const state = await page.evaluate((s) => document.querySelector(s)?.getAttribute('state') ?? 'not in the page', selector);
      throw new Error(`${label}: ${selector} did not become ready within ${TIMEOUT / 1000} s (state: ${state})`);
    });
  await page.evaluate(() => document.fonts.ready);
}

try {
  for (const { name, tag, sample } of SHOTS) {
    // wide enough to show the 1280 px desktop preview at full size (the demo scales it down to fit narrower columns)
    const page = await openPage({ width: 1440, height: MAX_HEIGHT + 2 * MARGIN }, name);
    await page.goto(demoUrl(sample));
    await page.addStyleTag({ content: '.wrap { max-width: none }' });
    const selector = `#preview-desktop > ${tag}`;
    await settled(page, selector, name);
    await page
      .waitForFunction(() => document.querySelector('#desktop-scale')?.textContent === '', null, { timeout: TIMEOUT })
      .catch(() => {
        throw new Error(`${name}: the desktop preview is still scaled down; widen the viewport`);
      });
    const issues = await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[part~=error], [part~=note]')?.textContent?.trim(), selector);
    if (issues) problems.push(`${name}: the element shows a message: ${issues.slice(0, 200)}`);
    // the element's top at the top of the window: parts with content-visibility: auto (the comparison's rows, the
    // reader's sections) are rendered only near the viewport, and sticky parts sit where they belong
    const box = await page.evaluate(
      ([s, margin]) => {
        const host = document.querySelector(s);
        window.scrollTo(0, host.getBoundingClientRect().top + window.scrollY - margin);
        const { x, y, width, height } = host.getBoundingClientRect();
        return { x, y, width, height };
      },
      [selector, MARGIN],
    );
    const clip = {
      x: Math.floor(box.x - MARGIN),
      y: Math.floor(box.y - MARGIN),
      width: Math.ceil(box.width + 2 * MARGIN),
      height: Math.ceil(Math.min(MAX_HEIGHT, box.height) + 2 * MARGIN),
    };
    await save(name, (options) => page.screenshot({ ...options, clip }));
    await page.close();
  }

  // the demo itself, as content staff first see it
  const page = await openPage({ width: 1280, height: 900 }, 'demo');
  await page.goto(demoUrl('policy-001-jinan-market-2020'));
  await settled(page, '#preview-desktop > zw-policy-card', 'demo');
  await settled(page, '#preview-phone > zw-policy-card', 'demo (phone)');
  await save('demo', (options) => page.screenshot(options));
  // the form generated from the schemas, beside the phone preview
  await page.evaluate(() => window.scrollTo(0, document.querySelector('.mode-switch').getBoundingClientRect().top + window.scrollY - 16));
  await save('demo-form', (options) => page.screenshot(options));
  await page.close();
} finally {
  await browser.close();
  server.close();
}

console.log(`readme-shots (${written.length}):\n  ${written.join('\n  ')}`);
if (problems.length) {
  console.error(`\nreadme-shots: look before committing these pictures:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
