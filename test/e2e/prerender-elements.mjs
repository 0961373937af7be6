// Pre-rendered policy cards, interpretations, infographics and comparisons (dist/ssr.js `render`), every demo sample,
// in real Chromium: without JavaScript the content is there and axe finds nothing; with the built drop-in
// (/dist/zhengwu-elements.js) each element hydrates — no console error, no layout shift above 0.01 (CLS measured from
// the first paint) — and one of its interactions works. At 1280×900 and 375×800: the pre-rendered layout follows the
// screen's width (CSS) until the element measures its own, and that switch must not move anything.
// run.mjs calls `checkElementsPrerender({ open, check, assert, base })`; `open(path, viewport)` → { page, log }.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';
import { layoutShift, recordShifts, until } from './support.mjs';

const KINDS = /^(policy|interpretation|infographic|comparison)-/;
const OUT = 'test-results/prerender-elements';
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
];
const MAX_CLS = 0.01;

/** The page a CMS would publish: the pre-rendered element in a 1200 px column, the drop-in loaded at the end. */
const pageFor = (id, element, script, client) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${id}</title>
<style>body { margin: 0; } main { max-width: 1200px; margin: 0 auto; padding: 16px; }</style></head>
<body><header><h1>${id}</h1></header><main>${element}</main>${script ? `<script type="module" src="${client}"></script>` : ''}</body></html>`;

/** Key text of a document, which must be visible: its title and one more piece of its content. */
function keyText(doc) {
  const more =
    doc.type === 'policy'
      ? doc.issuer.name
      : doc.type === 'interpretation'
        ? (doc.faq?.[0]?.question ?? doc.interpreter.name)
        : doc.type === 'infographic'
          ? (doc.blocks.find((b) => b.title)?.title ?? doc.title)
          : doc.versions[doc.versions.length - 1].label;
  return [doc.title, more];
}

/** The element's shadow text, visible parts only (innerText), white space removed. */
const visibleText = (page, tag) => page.$eval(tag, (el) => (el.shadowRoot?.querySelector('.zw-root')?.innerText ?? '').replace(/\s+/g, ''));

/** An element in the shadow root (not its copy for browsers without declarative shadow DOM, which a `>>` locator also finds). */
const inShadow = (page, tag, selector) => page.evaluateHandle(([t, s]) => document.querySelector(t).shadowRoot.querySelector(s), [tag, selector]);

/** One interaction per element, after hydration. */
const INTERACTIONS = {
  'zw-policy-card': async (page, assert) => {
    const href = await page.$eval('zw-policy-card', (el) => el.shadowRoot.querySelector('.title a')?.getAttribute('href') ?? null);
    if (href === null) return;
    await (await inShadow(page, 'zw-policy-card', '.title a')).focus();
    assert(await page.$eval('zw-policy-card', (el) => el.shadowRoot.activeElement?.matches('.title a') ?? false), 'the title link takes focus');
  },
  'zw-interpretation': async (page, assert, doc) => {
    if (!doc.faq?.length) return;
    const query = '不会出现的查询词'; // matches no question: the status then always changes to 找到 0 个问题

    await (await inShadow(page, 'zw-interpretation', '#faq-filter')).fill(query);
    await until(
      page,
      () => /找到|Found/.test(document.querySelector('zw-interpretation').shadowRoot.querySelector('.faq-status').textContent),
      undefined,
      'the FAQ filter to report what it found',
    );
    assert(true, '');
  },
  'zw-infographic': async (page, assert) => {
    await (await inShadow(page, 'zw-infographic', '.download-toggle')).click();
    await until(
      page,
      () => document.querySelector('zw-infographic').shadowRoot.querySelector('.download-toggle').getAttribute('aria-expanded') === 'true',
      undefined,
      'the download menu to open',
    );
    assert(await page.$eval('zw-infographic', (el) => !el.shadowRoot.querySelector('#download-panel').hidden), 'the download panel is shown');
  },
  'zw-policy-compare': async (page, assert) => {
    const before = await page.$eval('zw-policy-compare', (el) => el.shadowRoot.querySelector('[part=rows]')?.className ?? '');
    const other = before.includes('side-by-side') ? 'redline' : 'side-by-side';
    await (await inShadow(page, 'zw-policy-compare', `.views input[value="${other}"]`)).click();
    await until(page, (v) => document.querySelector('zw-policy-compare').shadowRoot.querySelector('[part=rows]')?.classList.contains(v), other, `the ${other} view`);
    assert(true, '');
  },
};

/**
 * `ssr` (the module exporting `render`) and `client` (the drop-in's URL) default to the built dist/ssr.js and
 * /dist/zhengwu-elements.js; a development run may pass a bundle of src/ instead.
 */
export async function checkElementsPrerender({ open, check, assert, base, ssr = join(root, 'dist/ssr.js'), client = '/dist/zhengwu-elements.js' }) {
  const { render } = await import(pathToFileURL(ssr).href);
  await mkdir(join(root, OUT), { recursive: true });
  const files = (await readdir(join(root, 'demo/data'))).filter((f) => KINDS.test(f)).sort();
  for (const file of files) {
    const id = file.replace(/\.json$/, '');
    const doc = JSON.parse(await readFile(join(root, 'demo/data', file), 'utf8'));
    const element = await render(doc);
    const tag = /^<(zw-[a-z-]+)/.exec(element)[1];
    await writeFile(join(root, OUT, `${id}.html`), pageFor(id, element, true, client));
    await writeFile(join(root, OUT, `${id}-nojs.html`), pageFor(id, element, false, client));
    const [title, more] = keyText(doc).map((t) => t.replace(/\s+/g, ''));

    await check(`pre-rendered ${id} without JavaScript: its content is shown, script-only controls hidden, axe finds nothing`, async () => {
      const { page } = await open(`/${OUT}/${id}-nojs.html`);
      try {
        const text = await visibleText(page, tag);
        assert(text.includes(title) && text.includes(more), `title and key text visible: ${title} / ${more}`);
        const shown = await page.$eval(
          tag,
          (el) => [...el.shadowRoot.querySelectorAll('.zw-needs-script')].filter((c) => c.checkVisibility?.({ visibilityProperty: true }) ?? c.getClientRects().length).length,
        );
        assert(shown === 0, `${shown} script-only controls shown without the script`);
        const violations = await axeViolations(page);
        assert(violations.length === 0, violations.join('\n'));
      } finally {
        await page.close();
      }
    });

    for (const viewport of VIEWPORTS) {
      await check(`pre-rendered ${id} at ${viewport.width} px hydrates: no console error, CLS ≤ ${MAX_CLS}, it works`, async () => {
        const { page, log } = await open(`/${OUT}/${id}-nojs.html`, viewport); // blank start: the observer must be in place before the page loads
        try {
          await recordShifts(page);
          await page.goto(`${base}/${OUT}/${id}.html`);
          await until(page, (t) => customElements.get(t) !== undefined, tag, `<${tag}> to be defined`);
          await page.$eval(tag, (el) => el.updateComplete);
          // the layout for the measured width (infographic, interpretation): the pre-rendered `auto` layout is gone
          await until(page, (t) => !document.querySelector(t).shadowRoot.querySelector('.infographic.auto, .layout.auto, .compare.auto'), tag, 'the layout for the measured width');
          await page.$eval(tag, (el) => el.updateComplete);
          // the shifts of the last render are reported with the frame that paints it
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
          const { cls, shifts } = await layoutShift(page);
          const errors = [...log.errors, ...log.console.filter((m) => m.startsWith('error'))];
          assert(errors.length === 0, errors.join('\n'));
          assert(cls <= MAX_CLS, `CLS ${cls.toFixed(4)} > ${MAX_CLS} (${shifts.join(', ')})`);
          assert((await page.getAttribute(tag, 'state')) === 'ready', 'state ready');
          const text = await visibleText(page, tag);
          assert(text.includes(title), 'the title after hydration');
          await INTERACTIONS[tag](page, assert, doc);
          console.log(`    ${id} ${viewport.width} px: CLS ${cls.toFixed(4)}`);
        } finally {
          await page.close();
        }
      });
    }
  }
}
