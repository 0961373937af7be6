// End-to-end checks of the built drop-in (dist/zhengwu-elements.js) inside
// old-style portal pages: the host page's CSS must not reach inside the
// elements, the 适老化 token must, and the elements match a white page even
// when the reader's system is dark. run.mjs calls `portalPageChecks`;
// scripts/screenshots.mjs reuses the pages (`portalPage`).
import { axeViolations } from './axe.mjs';

/** A common portal reset (no !important): 12 px 宋体 with touching lines, and the 适老化 text size on body. */
export const RESET_CSS = `* { font-size: 12px; font-family: "宋体"; line-height: 1 }
body { --zw-font-size: 20px; margin: 0 auto; max-width: 1200px; padding: 0 16px; background: #fff; color: #333 }`;
/** The harshest reset seen: everything unset, text size 0. */
export const UNSET_CSS = `* { all: unset !important }
body { font-size: 0 !important }`;
/** A plain white portal page. */
export const WHITE_CSS = `body { margin: 0 auto; max-width: 1200px; padding: 0 16px; background: #fff; color: #222; font: 14px/1.5 "Microsoft YaHei", sans-serif }`;
/** A page that declares itself dark. */
export const DARK_PAGE_CSS = `:root { color-scheme: dark }
body { margin: 0 auto; max-width: 1200px; padding: 0 16px; background: #121212; color: #eee; font: 14px/1.5 sans-serif }`;

const POLICY = JSON.stringify({
  type: 'policy',
  schemaVersion: 1,
  title: '山西省工业和信息化厅2021年政务公开工作要点',
  indexNo: '11140000MB1958206X/2021-00123',
  issuer: { name: '山西省工业和信息化厅' },
  writtenDate: '2021-06-22',
  publishDate: '2021-06-23',
  validity: 'effective',
  disclosure: 'proactive',
  summary: '持续扩大公开范围，规范拟发公文公开属性认定，多样化解读率不低于90%。',
});

/**
 * A portal page holding a policy card, an interpretation (with its nested card) and an infographic.
 * `attributes` go on each element (e.g. `appearance="auto"`); `only` limits the page to some elements;
 * `body` replaces them with other markup.
 */
export function portalPage({ title, css, attributes = '', only = ['card', 'interpretation', 'infographic'], body }) {
  const elements = {
    card: `<zw-policy-card id="card" ${attributes}><script type="application/json">${POLICY}</script></zw-policy-card>`,
    interpretation: `<zw-interpretation id="interpretation" ${attributes} src="/demo/data/interpretation-000-shandong-commerce-2019.json"></zw-interpretation>`,
    infographic: `<zw-infographic id="infographic" ${attributes} src="/demo/data/infographic-003-guangzhou-deadlines.json"></zw-infographic>`,
  };
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>${css}</style>
  </head>
  <body>
    <header class="site-header">某某市人民政府 · 政务公开</header>
    <main>
      <h1>${title}</h1>
      <p class="portal-text">门户网站自己的正文，用门户自己的样式。</p>
      ${body ?? only.map((name) => elements[name]).join('\n      ')}
    </main>
    <script type="module" src="/dist/zhengwu-elements.js"></script>
  </body>
</html>`;
}

/** Shows a portal page at `${base}/__portal/page.html` (same origin as the test server, so `/dist/…` and `src` resolve). */
export async function showPortalPage(page, base, html) {
  const url = `${base}/__portal/page.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  // every element (and every card nested in one) has left loading
  await page.waitForFunction(
    () => {
      const settled = (root) =>
        [...root.querySelectorAll('zw-policy-card, zw-interpretation, zw-infographic')].every(
          (el) => ['ready', 'error', 'empty'].includes(el.getAttribute('state')) && el.shadowRoot && settled(el.shadowRoot),
        );
      return document.querySelector('zw-policy-card, zw-interpretation, zw-infographic') && settled(document);
    },
    null,
    { timeout: 15000 },
  );
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Computed text style of an element's own root (`.zw-root`, else the host) and of a piece
 * of body text inside it (the first match of `inner`), found through nested shadow roots
 * by a `>>>`-separated path: `#interpretation >>> zw-policy-card`.
 */
function measure(page, hostPath, inner) {
  return page.evaluate(
    ([hostPath, inner]) => {
      let host = null;
      let scope = document;
      for (const step of hostPath.split('>>>').map((s) => s.trim())) {
        host = scope.querySelector(step);
        if (!host) return { missing: step };
        scope = host.shadowRoot ?? host;
      }
      const style = (el) => {
        const s = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        return {
          size: parseFloat(s.fontSize),
          line: s.lineHeight === 'normal' ? null : parseFloat(s.lineHeight),
          family: s.fontFamily,
          color: s.color,
          visibility: s.visibility,
          opacity: Number(s.opacity),
          height: Math.round(rect.height),
          width: Math.round(rect.width),
        };
      };
      const root = host.shadowRoot?.querySelector('.zw-root');
      const text = inner
        .split(',')
        .map((sel) => host.shadowRoot?.querySelector(sel.trim()))
        .find(Boolean);
      return { hasRoot: !!root, root: style(root ?? host), text: text ? style(text) : null, textSelector: text ? `${text.localName}.${[...text.classList].join('.')}` : null };
    },
    [hostPath, inner],
  );
}

/** The colour the reader sees behind `selector` inside the element (first opaque background up the tree, else the page canvas), and its text colour. */
function colours(page, host, selector) {
  return page.evaluate(
    ([host, selector]) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector(selector);
      if (!el) return null;
      const alpha = (c) => (/rgba\(.*,\s*([\d.]+)\)$/.exec(c) ? Number(/rgba\(.*,\s*([\d.]+)\)$/.exec(c)[1]) : 1);
      let background;
      for (let node = el; node && !background;) {
        const c = getComputedStyle(node).backgroundColor;
        if (alpha(c) > 0) background = c;
        const root = node.getRootNode();
        node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
      }
      if (!background) {
        const probe = document.body.appendChild(document.createElement('div'));
        probe.style.background = 'Canvas';
        background = getComputedStyle(probe).backgroundColor;
        probe.remove();
      }
      return { background, text: getComputedStyle(el).color, scheme: el.closest('.zw-root')?.dataset.scheme ?? null };
    },
    [host, selector],
  );
}

const rgb = (c) => /rgba?\(([^)]+)\)/.exec(c)?.[1].split(',').map(Number) ?? [0, 0, 0];
/** WCAG relative luminance of a CSS rgb() colour. */
function luminance(c) {
  const [r, g, b] = rgb(c).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
};

/** Body text of each element, and the text inside the card nested in the interpretation. */
const BODY_TEXT = {
  '#card': '[part=summary] p, dd',
  '#interpretation': '.section-body p, .section-body li',
  '#infographic': '.takeaway, .note-text, .blocks p',
  '#interpretation >>> zw-policy-card': '.brief li, [part=meta] li, dd',
};

/** Headings and text whose background and colour show the element's scheme. */
const SCHEME_PROBES = { '#card': '[part=title]', '#interpretation': '[part=title]', '#infographic': '.title' };

/** Opens a page, runs `fn` on it, closes it either way. */
async function onPage(open, viewport, fn) {
  const { page, log } = await open('/package.json', viewport); // any same-origin address that is not a download: the portal page is routed next
  try {
    await fn(page, log);
  } finally {
    await page.close();
  }
}

export async function portalPageChecks({ open, check, assert, base }) {
  await check('portal page with a 12px 宋体 reset and --zw-font-size: 20px: text at 20px with room between lines, nested card not bigger, axe clean', async () => {
    await onPage(open, { width: 1280, height: 900 }, async (page, log) => {
      await showPortalPage(page, base, portalPage({ title: '适老化页面：12px 宋体重置', css: RESET_CSS }));
      const problems = [];
      const figures = {};
      for (const [host, inner] of Object.entries(BODY_TEXT)) {
        const m = await measure(page, host, inner);
        if (m.missing) {
          problems.push(`${host}: ${m.missing} not found`);
          continue;
        }
        figures[host] = { root: m.root.size, text: m.text?.size, line: m.text?.line, family: m.text?.family.split(',')[0] };
        if (!m.hasRoot) problems.push(`${host}: no .zw-root wrapper (measured on the host)`);
        if (!m.text) {
          problems.push(`${host}: no body text (${inner})`);
          continue;
        }
        if (host.includes('>>>')) continue; // the nested card is compared below, not held to 20 px
        if (Math.abs(m.root.size - 20) > 0.5) problems.push(`${host}: root text ${m.root.size}px, expected 20px`);
        if (Math.abs(m.text.size - 20) > 0.5) problems.push(`${host}: body text (${m.textSelector}) ${m.text.size}px, expected 20px`);
        if (!(m.text.line >= 1.4 * m.text.size)) problems.push(`${host}: line-height ${m.text.line}px for ${m.text.size}px text (needs ≥ 1.4×)`);
        if (/宋体|SimSun/i.test(m.text.family.split(',')[0])) problems.push(`${host}: body text in the page's ${m.text.family}`);
      }
      const outer = figures['#interpretation'];
      const nested = figures['#interpretation >>> zw-policy-card'];
      if (outer?.text && nested?.text && nested.text > outer.text + 0.5) problems.push(`nested card text ${nested.text}px is bigger than the interpretation's ${outer.text}px`);
      console.log(`    measured: ${JSON.stringify(figures)}`);
      const violations = await axeViolations(page);
      assert(problems.length === 0 && violations.length === 0 && log.errors.length === 0, [...problems, ...violations, ...log.errors].join('\n'));
    });
  });

  for (const [size, width] of [
    [20, 320],
    [32, 375],
  ]) {
    await check(`the portal page with ${size}px text (--zw-font-size) on a ${width} px phone: no sideways scrolling`, async () => {
      await onPage(open, { width, height: 640 }, async (page, log) => {
        await showPortalPage(page, base, portalPage({ title: '适老化页面：手机', css: `${RESET_CSS}\nbody { --zw-font-size: ${size}px }` }));
        // what sticks out, to name it in the failure: elements inside the shadow roots wider than the screen
        const wide = await page.evaluate(() => {
          const out = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.right > innerWidth + 1 && r.width > 0 && !el.closest('[data-scroll], .table-wrap, [role=region]'))
                out.push(`${el.localName}.${[...el.classList].join('.')} (right ${Math.round(r.right)}px)`);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, out: out.slice(0, 5) };
        });
        assert(wide.overflow <= 0 && log.errors.length === 0, `page is ${wide.overflow}px wider than the screen: ${wide.out.join(', ')} ${log.errors}`);
      });
    });
  }

  await check('portal page with * { all: unset !important } and body font-size 0: card text at 16px and visible, axe clean', async () => {
    await onPage(open, { width: 1280, height: 900 }, async (page, log) => {
      await showPortalPage(page, base, portalPage({ title: '全部重置的页面', css: UNSET_CSS, only: ['card'] }));
      const problems = [];
      const m = await measure(page, '#card', BODY_TEXT['#card']);
      const title = await measure(page, '#card', '[part=title]');
      console.log(`    measured: ${JSON.stringify({ root: m.root?.size, text: m.text?.size, title: title.text && [title.text.size, title.text.width, title.text.height] })}`);
      if (!m.hasRoot) problems.push('no .zw-root wrapper (measured on the host)');
      if (Math.abs(m.root.size - 16) > 0.5) problems.push(`root text ${m.root.size}px, expected 16px`);
      if (!m.text || Math.abs(m.text.size - 16) > 0.5) problems.push(`body text ${m.text?.size}px, expected 16px`);
      for (const [what, s] of [
        ['body text', m.text],
        ['title', title.text],
      ]) {
        if (!s) problems.push(`${what}: not found`);
        else if (s.height < 12 || s.width < 12 || s.visibility !== 'visible' || s.opacity === 0 || /rgba\(.*,\s*0\)$/.test(s.color))
          problems.push(`${what} is not visible: ${JSON.stringify(s)}`);
      }
      const violations = await axeViolations(page);
      assert(problems.length === 0 && violations.length === 0 && log.errors.length === 0, [...problems, ...violations, ...log.errors].join('\n'));
    });
  });

  const schemes = [
    ['a white page, the reader’s system dark, no appearance: light like the page', WHITE_CSS, '', 'light'],
    ['a white page, the reader’s system dark, appearance="auto": dark', WHITE_CSS, 'appearance="auto"', 'dark'],
    ['a white page, appearance="dark": dark', WHITE_CSS, 'appearance="dark"', 'dark'],
    ['a page declaring color-scheme: dark, the reader’s system dark: dark', DARK_PAGE_CSS, '', 'dark'],
    // the page's own choice, not the system's: this is what tells "follows the page" from "follows the system"
    ['a page declaring color-scheme: dark, the reader’s system light: dark', DARK_PAGE_CSS, '', 'dark', 'light'],
  ];
  for (const [name, css, attributes, expected, system = 'dark'] of schemes) {
    await check(`${name}; text contrast ≥ 4.5, axe clean`, async () => {
      await onPage(open, { width: 1280, height: 900 }, async (page, log) => {
        await page.emulateMedia({ colorScheme: system });
        await showPortalPage(page, base, portalPage({ title: '白色门户页面', css, attributes }));
        const problems = [];
        const seen = {};
        for (const [host, selector] of Object.entries(SCHEME_PROBES)) {
          const c = await colours(page, host, selector);
          if (!c) {
            problems.push(`${host}: ${selector} not found`);
            continue;
          }
          const lum = luminance(c.background);
          seen[host] = `${c.background} / ${c.text} (data-scheme ${c.scheme})`;
          if (expected === 'light' ? lum < 0.6 : lum > 0.2) problems.push(`${host}: background ${c.background} is not ${expected}`);
          if (contrast(c.background, c.text) < 4.5) problems.push(`${host}: text ${c.text} on ${c.background} is ${contrast(c.background, c.text).toFixed(2)}:1`);
          if (c.scheme !== null && c.scheme !== expected) problems.push(`${host}: .zw-root[data-scheme=${c.scheme}], expected ${expected}`);
        }
        console.log(`    seen: ${JSON.stringify(seen)}`);
        const violations = await axeViolations(page);
        assert(problems.length === 0 && violations.length === 0 && log.errors.length === 0, [...problems, ...violations, ...log.errors].join('\n'));
      });
    });
  }
}
