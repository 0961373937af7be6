// The XSS corpus (issue 13) through the pre-renderer (dist/ssr.js `render`): every vector in every text field of one
// sample per element (rotation: render i puts vector (i + f) mod V into field f), then
//   (a) in Node: the markup has no script but the JSON data one, and that one cannot close early;
//   (b) in Chromium: the pages served (the tripwire from a file, no inline script), loaded with the library BLOCKED (the
//       no-script view: declarative shadow roots and the plain copy) and with it (hydration): no tripwire, no dialog, no
//       navigation, nothing live in the shadow roots or the fallback copy.
// run.mjs calls `checkPrerenderXss({ check, assert, browser, root })`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveRepository } from '../../scripts/static-server.mjs';
import { XSS_VECTORS, liveThings } from '../hardening/xss-vectors.mjs';

const SAMPLES = [
  ['zw-policy-card', 'policy-003-guangzhou-commerce-2021'],
  ['zw-interpretation', 'interpretation-000-shandong-commerce-2019'],
  ['zw-infographic', 'infographic-003-guangzhou-deadlines'],
  ['zw-policy-compare', 'comparison-clause-list'],
  ['zw-disclosure-directory', 'directory-seeds'],
  ['zw-reader', 'reader-003-guangzhou-2021'],
];
/** Documents per page in the browser part (all of them are rendered and checked in Node). */
const PER_PAGE = 40;

// The string leaves by JSON Pointer (test/hardening/string-fields.ts is TypeScript, which Node 20 cannot import).
const escape = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');
function stringFields(doc, path = '', found = []) {
  if (typeof doc === 'string') found.push(path);
  else if (Array.isArray(doc)) doc.forEach((item, i) => stringFields(item, `${path}/${i}`, found));
  else if (doc && typeof doc === 'object') for (const [key, item] of Object.entries(doc)) stringFields(item, `${path}/${escape(key)}`, found);
  return found;
}
function setFields(doc, values) {
  const copy = structuredClone(doc);
  for (const [pointer, value] of values) {
    const tokens = pointer
      .split('/')
      .slice(1)
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop();
    let parent = copy;
    for (const token of tokens) parent = parent[token];
    parent[last] = value;
  }
  return copy;
}

/** The `<script>` elements of some markup: only `type="application/json"` ones, whose text closes nothing early. */
function scriptProblems(markup) {
  const problems = [];
  for (const match of markup.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)) {
    if (!/^\s*type="application\/json"\s*$/.test(match[1])) problems.push(`<script${match[1]}>`);
    // `</script` would close it; `<!--` would let a later `<script` keep it open past its own end (script data double escaped)
    else if (/<!--|<\/script/i.test(match[2])) problems.push(`JSON script holds ${/<!--/.test(match[2]) ? '<!--' : '</script'}`);
    else {
      try {
        JSON.parse(match[2]);
      } catch (error) {
        problems.push(`JSON script does not parse: ${error.message}`);
      }
    }
  }
  // outside the data scripts' text (where `<script` is JSON text), every script is one of those
  const outside = markup.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script)/gi, '$1$2');
  const opened = (outside.match(/<script\b/gi) ?? []).length;
  const closed = (outside.match(/<\/script\s*>/gi) ?? []).length;
  if (opened !== closed) problems.push(`${opened} <script> for ${closed} </script>`);
  return problems;
}

/** @param {{ check: Function, assert: Function, browser: import('playwright-core').Browser, root: string }} options */
export async function checkPrerenderXss({ check, assert, browser, root }) {
  const { render } = await import(join(root, 'dist/ssr.js'));
  const V = XSS_VECTORS.length;
  const LONGEST = Math.max(...XSS_VECTORS.map((vector) => vector.length));
  const pages = []; // [tag, path, count]
  const routes = {};
  let renders = 0;
  let fields = 0;
  const counts = [];

  await check(`pre-rendered markup: ${V} vectors in every string field of one sample per element — only the JSON data script, which never closes early`, async () => {
    for (const [tag, name] of SAMPLES) {
      const sample = JSON.parse(await readFile(join(root, 'demo/data', `${name}.json`), 'utf8'));
      const all = stringFields(sample).filter((p) => p !== '/type'); // (a wrong kind renders nothing of the rest)
      // The text fields: those where markup-looking text as long as the longest vector keeps the document valid (the
      // element renders it, state ready). Shorter limits (a unit's 20 characters) would refuse most vectors and leave no
      // document ready: those fields get their vectors in the preview pass below.
      const ready = async (doc, options = {}) => /^<[\w-]+[^>]*\bstate="ready"/.test(await render(doc, { element: tag, ...options }));
      const markupText = '<b>x</b> 文本'.padEnd(LONGEST, '文');
      const free = [];
      for (const p of all) if (await ready(setFields(sample, [[p, markupText]]))) free.push(p);
      fields += all.length;
      const bodies = [];
      let readyCount = 0;
      const rendered = async (doc, i, options) => {
        const markup = await render(doc, { element: tag, ...options });
        renders++;
        const problems = scriptProblems(markup);
        assert(problems.length === 0, `<${tag}> ${name}, rotation ${i}: ${problems.join('; ')}`);
        bodies.push(markup);
        return markup;
      };
      for (let i = 0; i < V; i++) {
        // valid documents, every vector through every text field over V renders …
        const markup = await rendered(
          setFields(
            sample,
            free.map((p, k) => [p, XSS_VECTORS[(i + k) % V]]),
          ),
          i,
        );
        // (a semantic rule may refuse a combination, e.g. scrape damage or a blank line separator: then it is the error state)
        if (/^<[\w-]+[^>]*\bstate="ready"/.test(markup)) readyCount++;
        // … and every 8th rotation in every field (dates, links, enums too): the error state, its issue list (values shown) in preview
        if (i % 8 === 0)
          await rendered(
            setFields(
              sample,
              all.map((p, k) => [p, XSS_VECTORS[(i + k) % V]]),
            ),
            i,
            { attributes: { preview: '' } },
          );
      }
      // (not asserted: cross-field rules refuse some combinations, e.g. two labels alike; the error state then shows what it can)
      counts.push(`${tag} ${all.length} fields (${free.length} text), ${readyCount}/${V} ready`);
      for (let p = 0; p * PER_PAGE < bodies.length; p++) {
        const path = `/xss/${tag}-${p}.html`;
        const chunk = bodies.slice(p * PER_PAGE, (p + 1) * PER_PAGE);
        routes[path] =
          `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>XSS ${tag} ${p}</title><script src="/xss/tripwire.js"></script></head>` +
          `<body><main>${chunk.join('\n')}</main><script type="module" src="/dist/zhengwu-elements.js"></script></body></html>`;
        pages.push([tag, path, chunk.length]);
      }
    }
    console.log(`    xss (pre-render): ${V} vectors × ${fields} fields × ${SAMPLES.length} elements = ${renders} renders, ${pages.length} pages (${counts.join('; ')})`);
  });

  // The tripwire comes from a file (no inline script on the page); it records what any vector would call.
  const files = new Map([
    [
      '/xss/tripwire.js',
      `window.__zwTrips = [];
       for (const name of ['__zwTrip', 'alert', 'confirm', 'prompt', 'print'])
         Object.defineProperty(window, name, { value: (...args) => window.__zwTrips.push(name + '(' + args.join(', ') + ')'), writable: false, configurable: false });`,
    ],
  ]);
  const server = await serveRepository({ routes, files });
  try {
    for (const blocked of [true, false]) {
      await check(
        `pre-rendered pages of every vector ${blocked ? 'with the library blocked (no script)' : 'hydrated by the library'}: no tripwire, no dialog, no navigation, nothing live`,
        async () => {
          assert(pages.length > 0, 'pages were rendered');
          // every page is looked at (one broken page does not hide the others), then every problem is reported
          const problems = [];
          const expect = (condition, message) => {
            if (!condition) problems.push(message);
          };
          for (const [tag, path, count] of pages) {
            const context = await browser.newContext();
            try {
              const page = await context.newPage();
              const dialogs = [];
              page.on('dialog', (dialog) => {
                dialogs.push(`${dialog.type()}: ${dialog.message()}`);
                void dialog.dismiss();
              });
              const navigations = [];
              page.on('framenavigated', (frame) => {
                if (frame === page.mainFrame()) navigations.push(frame.url());
              });
              const errors = [];
              page.on('pageerror', (e) => errors.push(String(e)));
              if (blocked)
                await page.route(
                  (url) => url.pathname.startsWith('/dist/'),
                  (route) => route.abort(),
                );
              await page.goto(server.base + path);
              if (!blocked)
                await page
                  .waitForFunction(
                    ([t, n]) => customElements.get(t) && [...document.querySelectorAll(t)].filter((el) => el.hasUpdated && el.getAttribute('state') !== 'loading').length === n,
                    [tag, count],
                    { timeout: 30000 },
                  )
                  .catch(() => problems.push(`the elements never all hydrated — ${path}`));
              // flush image errors: a sentinel's error comes after those already queued
              await page.evaluate(
                () =>
                  new Promise((resolve, reject) => {
                    const img = new Image();
                    img.onerror = () => resolve();
                    img.onload = () => reject(new Error('the sentinel loaded'));
                    img.src = '/package.json?sentinel';
                    document.body.append(img);
                  }),
              );
              const found = await page.evaluate(`(${liveThings.toString()})(document.querySelector('main'))`);
              const state = await page.evaluate(() => ({ trips: window.__zwTrips, url: location.href, shadows: document.querySelectorAll('main > [state]').length }));
              const what = `${blocked ? 'no script' : 'hydrated'} ${path}`;
              expect(state.trips.length === 0, `a tripwire was called: ${state.trips.join('; ')} — ${what}`);
              expect(dialogs.length === 0, `a dialog opened: ${dialogs.join('; ')} — ${what}`);
              expect(navigations.length === 1 && state.url === server.base + path, `navigated: ${navigations.join(' → ')} — ${what}`);
              expect(found.length === 0, `live things: ${found.slice(0, 8).join(', ')} — ${what}`);
              expect(state.shadows === count, `${count} elements on the page, found ${state.shadows} — ${what}`);
              expect(errors.length === 0, `no page errors: ${errors.slice(0, 3).join('; ')} — ${what}`);
            } finally {
              await context.close();
            }
          }
          assert(problems.length === 0, `${problems.length} problem(s):\n      ${problems.join('\n      ')}`);
        },
      );
    }
  } finally {
    await server.close?.();
  }
}
