// Hardening (issue 13): the built library (dist/) on pages that are hostile to it, all six elements on each.
// - Two copies: the drop-in from two URLs (/dist/ and a "CDN" path /cdn/), the autoloader and an app's bundler build
//   (esbuild, at test time, of `import 'zhengwu-elements/<element>.js'` resolved through the package's exports) on one
//   page, in three load orders (test/e2e/pages/two-*.html). No error; the only console noise allowed is the library's
//   documented "already defined … keeping the first definition" warning, at most once per element per losing copy.
//   Every element gets ready, shows its text and answers one interaction.
// - Hostile host pages (test/e2e/pages/hostile-*.html): resets (`all: unset`, `font-size: 0`, a 2010s 12px 宋体 portal reset
//   on a 10px root), host abuse (`display: inline; width: 100px` on the elements), and a page whose old scripts wrapped or
//   extended the built-ins (hostile-globals.js). Every element gets ready; its main text, measured inside the shadow root,
//   is ≥ 14 px, ≥ 4.5:1 against what is behind it, shown, and wider than 200 px at 1280 px.
// Extends run.mjs's "two copies of the bundle" (the same URL twice, one card) and portal-pages.mjs's all:unset and 宋体
// checks (the card, interpretation and infographic) to every element and to the other ways in.
// run.mjs calls `checkHostilePages({ check, assert, browser, root })`; this file starts its own server.
import { mkdtemp, mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { build } from 'esbuild';
import { serveRepository } from '../../scripts/static-server.mjs';
import { axeViolations } from './axe.mjs';
import { until } from './support.mjs';

const PAGES = '/test/e2e/pages';
const MODULES = ['policy-card', 'interpretation', 'infographic', 'policy-compare', 'disclosure-directory', 'reader'];

/**
 * The six elements of every page (ids as in the pages), the sample each shows, and its main text inside the shadow root
 * (the first match of `text` — the body text a reader reads, not a heading).
 */
const ELEMENTS = [
  { id: 'card', tag: 'zw-policy-card', sample: 'policy-003-guangzhou-commerce-2021', text: '[part=summary] p' },
  { id: 'interpretation', tag: 'zw-interpretation', sample: 'interpretation-000-shandong-commerce-2019', text: '.section-body p, .section-body li' },
  { id: 'infographic', tag: 'zw-infographic', sample: 'infographic-003-guangzhou-deadlines', text: '.takeaway, .note-text, .blocks p' },
  { id: 'compare', tag: 'zw-policy-compare', sample: 'comparison-000-shandong-commerce', text: '.cell.new .clause .text, .cell.old .clause .text' },
  { id: 'directory', tag: 'zw-disclosure-directory', sample: 'directory-seeds', text: 'tbody td.c-title' },
  { id: 'reader', tag: 'zw-reader', sample: 'reader-000-shandong-2019', text: '.content p' },
];
const TAGS = ELEMENTS.map((e) => e.tag).sort();

/** The documented warning of a second definition (src/base/define.ts). */
const DUPLICATE = /^\[zhengwu-elements\] <(zw-[\w-]+)> is already defined on this page \(two copies of the script\?\); keeping the first definition\.$/;

/** An app's bundler build: a tiny entry importing every element through the package's exports, split like an app's build. */
async function bundlerBuild(root) {
  // a node_modules/zhengwu-elements link to this repository, as `npm install` of it would give: resolution goes through package.json "exports"
  const dir = await mkdtemp(join(tmpdir(), 'zw-hosts-'));
  try {
    await mkdir(join(dir, 'node_modules'));
    await symlink(root, join(dir, 'node_modules/zhengwu-elements'), 'dir');
    const result = await build({
      stdin: { contents: MODULES.map((m) => `import 'zhengwu-elements/${m}.js';`).join('\n'), resolveDir: dir, sourcefile: 'app.js' },
      entryNames: 'app',
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2021',
      minify: true,
      outdir: '/bundle',
      write: false,
      logLevel: 'silent',
    });
    return new Map(result.outputFiles.map((f) => [f.path, Buffer.from(f.contents)]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Serves dist/ a second time under /cdn/ (a CMS widget's copy from another address: other module URLs, another module instance). */
function cdnHandler(root) {
  return async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/cdn\//, '');
    try {
      res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(await readFile(join(root, 'dist', path)));
    } catch {
      res.writeHead(404).end();
    }
  };
}

/** Every element of the page (and every card nested in an interpretation) has left `loading`; fails naming the ones that did not. */
async function settled(page) {
  const states = () =>
    page.evaluate(() => {
      const out = [];
      const walk = (root, prefix) => {
        for (const el of root.querySelectorAll('*')) {
          if (!el.localName.startsWith('zw-')) continue;
          out.push(`${prefix}${el.id || el.localName}:${el.getAttribute('state')}`);
          if (el.shadowRoot) walk(el.shadowRoot, `${prefix}${el.id || el.localName} > `);
        }
      };
      walk(document, '');
      return out;
    });
  await until(
    page,
    () => {
      const walk = (root) =>
        [...root.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('zw-'))
          .every((el) => ['ready', 'error', 'empty'].includes(el.getAttribute('state')) && (!el.shadowRoot || walk(el.shadowRoot)));
      return document.querySelectorAll('main > [id]').length === 6 && walk(document);
    },
    null,
    'every element to settle',
    20000,
  ).catch(async (error) => {
    throw new Error(`${error.message}: ${(await states()).join(', ')}`);
  });
  const notReady = (await states()).filter((s) => !s.endsWith(':ready'));
  if (notReady.length) throw new Error(`not ready: ${notReady.join(', ')}`);
  // some text is drawn after ready (the comparison lays out its rows for its measured width): wait for every main text
  const missing = () => page.evaluate((elements) => elements.filter(({ id, text }) => !document.getElementById(id).shadowRoot?.querySelector(text)), ELEMENTS);
  await until(page, (elements) => elements.every(({ id, text }) => document.getElementById(id).shadowRoot?.querySelector(text)), ELEMENTS, 'the main text of every element').catch(
    async (error) => {
      throw new Error(`${error.message}; missing: ${(await missing()).map((e) => `#${e.id} ${e.text}`).join('; ')}`);
    },
  );
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Inside each element's shadow root: the main text's computed size, colour against the first opaque background behind it
 * (alpha blended), display/visibility up to the host, width; and whether the sample's title is in the element's text.
 */
function legibility(page) {
  return page.evaluate((elements) => {
    const rgba = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a = 1] = m[1]
        .split(/[,/\s]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
    const luminance = (rgb) => {
      const [r, g, b] = rgb.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const up = (node) => node.parentElement ?? (node.getRootNode() instanceof ShadowRoot ? node.getRootNode().host : null);
    return elements.map(({ id, text }) => {
      const host = document.getElementById(id);
      const el = text
        .split(',')
        .map((s) => host?.shadowRoot?.querySelector(s.trim()))
        .find(Boolean);
      if (!el) return { id, missing: text };
      const style = getComputedStyle(el);
      // the background the text is drawn on: the first opaque one up the tree, through the host, else the canvas (white)
      let background = [255, 255, 255];
      const layers = [];
      for (let node = el; node; node = up(node)) {
        const c = rgba(getComputedStyle(node).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      for (const layer of layers.reverse()) background = over(layer, background);
      const color = over(rgba(style.webkitTextFillColor || style.color), background);
      let hidden = null;
      for (let node = el; node && !hidden; node = up(node)) {
        const s = getComputedStyle(node);
        if (s.display === 'none') hidden = `display:none on ${node.localName}.${[...node.classList].join('.')}`;
        else if (s.visibility !== 'visible') hidden = `visibility:${s.visibility}`;
        else if (Number(s.opacity) === 0) hidden = `opacity:0 on ${node.localName}`;
      }
      const rect = el.getBoundingClientRect();
      return {
        id,
        selector: `${el.localName}.${[...el.classList].join('.')}`,
        size: parseFloat(style.fontSize),
        contrast: Math.round(ratio(color, background) * 100) / 100,
        colors: `${style.color} on rgb(${background.map(Math.round)})`,
        hidden,
        width: Math.round(rect.width),
        height: Math.round(rect.height),
        hostWidth: Math.round(host.getBoundingClientRect().width),
        text: host.shadowRoot.textContent.replace(/\s+/g, ''),
      };
    });
  }, ELEMENTS);
}

/** The problems of one page's measurements (empty when every element is legible and shows its sample's title). */
function legibilityProblems(measured, titles) {
  const problems = [];
  for (const m of measured) {
    if (m.missing) {
      problems.push(`#${m.id}: no main text (${m.missing})`);
      continue;
    }
    const at = `#${m.id} ${m.selector}`;
    if (!(m.size >= 14)) problems.push(`${at}: font-size ${m.size}px (< 14)`);
    if (!(m.contrast >= 4.5)) problems.push(`${at}: contrast ${m.contrast}:1 (${m.colors})`);
    if (m.hidden) problems.push(`${at}: hidden (${m.hidden})`);
    if (!(m.width > 200)) problems.push(`${at}: ${m.width}px wide (host ${m.hostWidth}px)`);
    if (!(m.height > 0)) problems.push(`${at}: ${m.height}px high`);
    if (!m.text.includes(titles[m.id])) problems.push(`#${m.id}: its title “${titles[m.id]}” is not in its text`);
  }
  return problems;
}

/** One interaction per element, through its shadow DOM as a reader would; each throws saying what did not happen. */
const INTERACTIONS = {
  async card(page) {
    // the card's link: keyboard focus shows the 3 px ring
    await page.$eval('#card', (el) => el.shadowRoot.querySelector('a.zw-link-button').focus());
    const ring = await page.$eval('#card', (el) => {
      const s = getComputedStyle(el.shadowRoot.querySelector('a.zw-link-button'));
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    if (ring.style === 'none' || ring.width < 2) throw new Error(`card: the focused link shows no focus ring: ${JSON.stringify(ring)}`);
  },
  async interpretation(page) {
    // 全部展开 opens every question
    await page.$eval('#interpretation', (el) => [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.includes('全部展开')).click());
    await until(
      page,
      () => {
        const faq = [...document.querySelector('#interpretation').shadowRoot.querySelectorAll('details')];
        return faq.length > 0 && faq.every((d) => d.open);
      },
      null,
      'interpretation: 全部展开 opens every question',
    );
  },
  async infographic(page) {
    // the download button opens its panel
    await page.$eval('#infographic', (el) => el.shadowRoot.querySelector('button.download-toggle').click());
    await until(
      page,
      () => document.querySelector('#infographic').shadowRoot.querySelector('button.download-toggle').getAttribute('aria-expanded') === 'true',
      null,
      'infographic: the download panel opens',
    );
  },
  async compare(page) {
    // the 视图 switch: redline
    await page.$eval('#compare', (el) => el.shadowRoot.querySelector('input[name=view][value=redline]').click());
    await until(page, () => document.querySelector('#compare').shadowRoot.querySelector('[part=rows]')?.classList.contains('redline'), null, 'compare: the redline view');
  },
  async directory(page) {
    // search as you type
    await page.$eval('#directory', (el) => el.shadowRoot.querySelector('input[type=search]').focus());
    await page.keyboard.type('商务');
    await until(
      page,
      () => {
        const titles = [...document.querySelector('#directory').shadowRoot.querySelectorAll('tbody td.c-title')].map((td) => td.textContent);
        return titles.length > 0 && titles.every((t) => t.includes('商务')) && document.querySelector('#directory').shadowRoot.querySelector('tbody mark')?.textContent === '商务';
      },
      null,
      'directory: only 商务 entries, the match marked',
    );
  },
  async reader(page) {
    // A+ makes the reader's text bigger (and publishes the scale to the page)
    const before = await page.$eval('#reader', (el) => parseFloat(getComputedStyle(el.shadowRoot.querySelector('.content p')).fontSize));
    await page.$eval('#reader', (el) => el.shadowRoot.querySelector('#larger').click());
    await until(
      page,
      (before) => parseFloat(getComputedStyle(document.querySelector('#reader').shadowRoot.querySelector('.content p')).fontSize) > before,
      before,
      `reader: A+ makes the text bigger than ${before}px`,
    );
  },
};

/**
 * A screenshot to look at: the top 900 px of each element (the reader's and the interpretation's full length is tens of
 * thousands of pixels), side by side on one sheet, each labelled with its id. Drawn by Chromium itself (no image library).
 */
async function screenshotSheet(page, path) {
  const shots = [];
  for (const { id } of ELEMENTS) {
    // scrolled to its top, and steady there for 3 frames (lazy layout above it grows on the frames after a jump, and scroll
    // anchoring moves the page under it)
    await page.evaluate(() => (window.__zwSteady = { frames: 0, y: -1 }));
    await until(
      page,
      (id) => {
        const el = document.getElementById(id);
        const steady = window.__zwSteady;
        if (Math.abs(el.getBoundingClientRect().top) >= 2) el.scrollIntoView({ block: 'start' });
        else if (scrollY === steady.y) steady.frames += 1;
        else steady.frames = 0;
        steady.y = scrollY;
        return steady.frames >= 3;
      },
      id,
      `#${id} steady at the top of the screen`,
    );
    shots.push({ id, png: (await page.screenshot()).toString('base64') });
  }
  await page.evaluate(() => scrollTo(0, 0));
  shots.unshift({ id: 'page', png: (await page.screenshot()).toString('base64') });
  const sheet = await page
    .context()
    .browser()
    .newPage({ viewport: { width: 1920, height: 1400 } });
  try {
    await sheet.setContent(
      `<body style="margin:0;display:grid;grid-template-columns:repeat(3,640px);font:16px sans-serif;background:#888">${shots
        .map(
          ({ id, png }) =>
            `<figure style="margin:0;position:relative"><img src="data:image/png;base64,${png}" width="640"><figcaption style="position:absolute;top:0;left:0;background:#ff0;padding:2px 6px">#${id}</figcaption></figure>`,
        )
        .join('')}</body>`,
    );
    await sheet.screenshot({ path, fullPage: true });
  } finally {
    await sheet.close();
  }
}

/** @param {{ check: Function, assert: Function, browser: import('playwright-core').Browser, root: string }} options */
export async function checkHostilePages({ check, assert, browser, root }) {
  const titles = {};
  for (const { id, sample } of ELEMENTS) titles[id] = JSON.parse(await readFile(join(root, 'demo/data', `${sample}.json`), 'utf8')).title.replace(/\s+/g, '');
  const started = Date.now();
  const files = await bundlerBuild(root);
  const bundleTime = Date.now() - started;
  const server = await serveRepository({ files, handlers: { '/cdn': cdnHandler(root) } });
  await mkdir(join(root, 'test-results'), { recursive: true });

  /** Opens a page at 1280 px, recording console messages and page errors from the start. */
  async function open(path) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = { console: [], errors: [] };
    page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) =>
      log.errors.push(
        String(e?.stack ?? e)
          .split('\n')
          .slice(0, 3)
          .join(' '),
      ),
    );
    await page.goto(server.base + path);
    return { page, log };
  }
  const errorsOf = (log) => [...log.errors, ...log.console.filter((m) => m.type === 'error').map((m) => `console.error: ${m.text}`)];

  try {
    // `winner`: whose classes are the definitions; `warnings`: the documented duplicate warnings per element — one from each copy
    // that evaluated after the first definition (the autoloader loads nothing for a tag already defined when it looks; when it
    // comes first it asks for all six modules, and the drop-in after it, evaluated synchronously, defines them before they arrive)
    for (const [name, copies, winner, warnings] of [
      ['two-dropin-first', 'the drop-in, the autoloader, a bundle, the drop-in from /cdn/', 'dropin', 2],
      // the autoloader's modules race the drop-in: either may define an element first (its classes are neither drop-in's: 'other')
      ['two-autoload-first', 'the autoloader, the drop-in, a bundle, the drop-in from /cdn/', 'dropin|other', 3],
      ['two-bundle-first', 'a bundle (esbuild, through the package exports), the drop-in, the autoloader, the drop-in from /cdn/', 'other', 2],
    ]) {
      await check(`four copies on one page — ${copies}: no error, only the documented duplicate warning, all six ready with their text, one interaction each`, async () => {
        const { page, log } = await open(`${PAGES}/${name}.html`);
        try {
          await settled(page);
          // the copies loaded: the /cdn/ drop-in and the bundle were fetched and ran (every script of the page has been evaluated by now)
          const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
          for (const path of ['/dist/zhengwu-elements.js', '/cdn/zhengwu-elements.js', '/dist/autoload.js', '/bundle/app.js'])
            assert(fetched.includes(path), `${path} was loaded: ${fetched.filter((p) => !p.startsWith('/demo/'))}`);
          // the first copy to evaluate owns every definition (the drop-ins export their classes; the bundle's and the autoloader's are 'other')
          const owners = await page.evaluate(async () => {
            const [dropin, cdn] = await Promise.all([import('/dist/zhengwu-elements.js'), import('/cdn/zhengwu-elements.js')]);
            const classes = {
              'zw-policy-card': 'ZwPolicyCard',
              'zw-interpretation': 'ZwInterpretation',
              'zw-infographic': 'ZwInfographic',
              'zw-policy-compare': 'ZwPolicyCompare',
              'zw-disclosure-directory': 'ZwDisclosureDirectory',
              'zw-reader': 'ZwReader',
            };
            return Object.entries(classes).map(([tag, name]) => {
              const defined = customElements.get(tag);
              return `${tag}:${!defined ? 'undefined' : defined === dropin[name] ? 'dropin' : defined === cdn[name] ? 'cdn' : 'other'}`;
            });
          });
          assert(
            owners.every((o) => winner.split('|').includes(o.split(':')[1])),
            `every element defined by the ${winner}: ${owners}`,
          );
          // the autoloader's modules may arrive after the page's load: wait for the warnings it is due (or fail after 10 s)
          const duplicatesOf = () => {
            const counts = Object.fromEntries(TAGS.map((t) => [t, 0]));
            for (const m of log.console) if (m.type === 'warning' && DUPLICATE.test(m.text)) counts[DUPLICATE.exec(m.text)[1]] += 1;
            return counts;
          };
          for (const start = Date.now(); Object.values(duplicatesOf()).some((n) => n < warnings) && Date.now() - start < 10000;) await new Promise((r) => setTimeout(r, 20));
          // measured before the interactions (the reader's A+ makes every element's text bigger)
          const problems = legibilityProblems(await legibility(page), titles);
          for (const { id } of ELEMENTS) await INTERACTIONS[id](page).catch((e) => problems.push(e.message));
          // console noise: only the documented duplicate warning, at most once per element from each of the three copies that lost
          const noise = log.console.filter((m) => (m.type === 'warning' && !DUPLICATE.test(m.text)) || m.type === 'error');
          const duplicates = duplicatesOf();
          const wrongCount = Object.entries(duplicates).filter(([, n]) => n !== warnings);
          await screenshotSheet(page, join(root, `test-results/${name}.png`));
          assert(
            problems.length === 0 && log.errors.length === 0 && noise.length === 0 && wrongCount.length === 0,
            [
              ...problems,
              ...log.errors,
              ...noise.map((m) => `${m.type}: ${m.text}`),
              ...wrongCount.map(([t, n]) => `${n} duplicate warnings for <${t}>, expected ${warnings}`),
            ].join('\n'),
          );
        } finally {
          await page.close();
        }
      });
    }

    // axe on the pages whose CSS could change what assistive technology gets; not on hostile-globals (axe-core's own UMD
    // wrapper hands itself to the page's AMD define there, so window.axe.run is missing: the tool breaks, not the library)
    // nor on hostile-font-zero (portal-pages.mjs runs axe on the same font-size 0 under all:unset).
    const hostile = [
      ['hostile-unset', '* { all: unset !important }', { axe: true }],
      ['hostile-font-zero', 'body { font-size: 0 !important }', {}],
      ['hostile-portal-reset', 'html { font-size: 10px } and a 2010s portal reset (12px/1 SimSun on *, list-style none, a { color: #333 })', { axe: true }],
      ['hostile-host-abuse', 'zw-policy-card, zw-reader { display: inline; width: 100px }', { axe: true }],
      [
        'hostile-globals',
        'wrapped JSON.parse/fetch/Array methods, enumerable Object/Array.prototype extras, Prototype.js toJSON, AMD define, process, module/exports, document.domain, a logging customElements.define',
        { globals: true },
      ],
    ];
    for (const [name, what, options] of hostile) {
      await check(`a hostile host page — ${what}: all six ready, main text ≥ 14 px, contrast ≥ 4.5:1, shown, > 200 px wide${options.axe ? ', axe clean' : ''}`, async () => {
        const { page, log } = await open(`${PAGES}/${name}.html`);
        try {
          await settled(page);
          const measured = await legibility(page);
          console.log(`    ${measured.map((m) => (m.missing ? `#${m.id} missing` : `#${m.id} ${m.size}px ${m.contrast}:1 ${m.width}px`)).join(', ')}`);
          const problems = legibilityProblems(measured, titles);
          if (options.globals) {
            const hostileState = await page.evaluate(() => window.__hostile);
            // the wrappers were on the library's path (not bypassed), and every element went through the page's define wrapper once
            for (const name of ['fetch', 'Array.prototype.map', 'Array.prototype.forEach'])
              if (!hostileState.calls[name]) problems.push(`${name} wrapper was never called: ${JSON.stringify(hostileState.calls)}`);
            const defined = [...hostileState.defined].sort();
            if (JSON.stringify(defined) !== JSON.stringify(TAGS)) problems.push(`customElements.define wrapper saw ${defined}`);
            // the elements still work with the extras on the prototypes
            for (const { id } of ELEMENTS) await INTERACTIONS[id](page).catch((e) => problems.push(e.message));
            // the reader's A+ is remembered through the page's JSON (wrapped parse, Prototype's Array#toJSON) and is back after a reload
            const stored = await page.evaluate(() => localStorage.getItem('zw-reader:v1'));
            if (!/"textScale":1\.25/.test(stored ?? '')) problems.push(`the reader stored ${stored}, expected textScale 1.25`);
            else {
              await page.reload();
              await settled(page);
              await until(page, () => document.querySelector('#reader').prefs?.textScale === 1.25, null, 'the reader’s stored text size after a reload').catch((e) =>
                problems.push(e.message),
              );
            }
          }
          const violations = options.axe ? await axeViolations(page) : [];
          await screenshotSheet(page, join(root, `test-results/${name}.png`));
          const errors = errorsOf(log);
          assert(problems.length === 0 && violations.length === 0 && errors.length === 0, [...problems, ...violations, ...errors].join('\n'));
        } finally {
          await page.close();
        }
      });
    }
  } finally {
    server.close();
  }
  console.log(`    (bundler build ${bundleTime} ms)`);
}
