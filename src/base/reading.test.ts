import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { READING_CHANGE, readingScheme } from './reading.js';
import { publishReading } from './reading-publish.js';
import { contrastRatio, parseCssColor } from '../core/reader/contrast.js';
import { COLOR_THEMES, READER_THEMES } from '../core/reader/themes.js';
import type { ColorTheme } from '../core/reader/themes.js';
import { $, settle, until, untilState } from '../test-support/helpers.js';
import { samples } from '../test-support/samples.js';
import { seedInterpretation } from '../test-support/interpretation-fixture.js';
import { fullInfographic } from '../test-support/infographic-fixture.js';
import { comparisonSample } from '../test-support/comparison-fixture.js';
import seeds from '../../demo/data/directory-seeds.json' with { type: 'json' };
import abolished from '../test-support/abolished-policy.json' with { type: 'json' };
import '../components/policy-card/policy-card.js';
import '../components/interpretation/interpretation.js';
import '../components/infographic/infographic.js';
import '../components/policy-compare/policy-compare.js';
import '../components/disclosure-directory/disclosure-directory.js';

type Ready = HTMLElement & { data: unknown; state: string; updateComplete: Promise<unknown> };

/** The five elements that must follow the page's reading settings: tag, sample data, the box that paints their surface. */
const ELEMENTS: { tag: string; name?: string; data: () => unknown; surface: string; attrs?: Record<string, string> }[] = [
  { tag: 'zw-policy-card', data: () => structuredClone(samples.jinan), surface: '[part=card]' },
  // the 已废止 banner and badge: the danger colour on the theme's surfaces
  { tag: 'zw-policy-card', name: 'abolished', data: () => structuredClone(abolished), surface: '[part=card]' },
  // blue: the element's theme attribute, and an infographic document's own theme
  { tag: 'zw-policy-card', name: 'theme="blue"', data: () => structuredClone(samples.jinan), surface: '[part=card]', attrs: { theme: 'blue' } },
  { tag: 'zw-interpretation', data: seedInterpretation, surface: '.interpretation' },
  { tag: 'zw-infographic', name: 'blue document', data: () => fullInfographic({ theme: 'blue' }), surface: '.infographic' },
  { tag: 'zw-infographic', data: () => fullInfographic(), surface: '.infographic' },
  { tag: 'zw-policy-compare', data: () => comparisonSample('shandong'), surface: '.compare' },
  { tag: 'zw-disclosure-directory', data: () => structuredClone(seeds), surface: '.directory', attrs: { 'url-state': 'off' } },
];

async function place(kind: (typeof ELEMENTS)[number]): Promise<Ready> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
  wrapper.style.width = '1000px';
  const el = document.createElement(kind.tag) as Ready;
  for (const [name, value] of Object.entries(kind.attrs ?? {})) el.setAttribute(name, value);
  el.data = kind.data();
  wrapper.append(el);
  await untilState(el, 'ready');
  await settle(el);
  return el;
}

const root = (el: Element) => $(el, '.zw-root');
const rgb = (css: string) => {
  const parsed = parseCssColor(css);
  if (!parsed) throw new Error(`not a colour: ${css}`);
  return parsed;
};
/** What the reader sees: the text colour, the surface behind it, the text size and the scheme, from the rendered styles. */
function rendered(el: Element, surface: string) {
  const r = getComputedStyle(root(el));
  const box = getComputedStyle($(el, surface));
  return {
    text: rgb(r.color),
    surface: rgb(box.backgroundColor),
    // the accent buttons and borders are drawn in
    primary: rgb(box.getPropertyValue('--_primary')),
    fontSize: parseFloat(r.fontSize),
    scheme: root(el).dataset.scheme,
  };
}

describe('reading settings: every zw element follows the reader’s text size and theme', () => {
  afterEach(() => publishReading(null));

  it('publishes through custom properties on <html>, and removes them all', () => {
    let changes = 0;
    const count = () => changes++;
    document.addEventListener(READING_CHANGE, count);
    try {
      publishReading({ textScale: 2, colorTheme: 'contrast-black' });
      const style = document.documentElement.style;
      expect(style.getPropertyValue('--zw-text-scale')).to.equal('2');
      expect(style.getPropertyValue('--zw-reading-text')).to.equal('#ffff00');
      expect(style.getPropertyValue('--zw-reading-mark-text')).to.equal('#000000');
      expect(document.documentElement.dataset.zwColorTheme).to.equal('contrast-black');
      expect(readingScheme(document.body)).to.equal('dark');
      publishReading(null);
      expect(
        [...style].filter((p) => p.startsWith('--zw-')),
        'nothing left behind',
      ).to.deep.equal([]);
      expect(document.documentElement.hasAttribute('data-zw-color-theme')).to.equal(false);
      expect(readingScheme(document.body)).to.equal(undefined);
      expect(changes).to.equal(2);
    } finally {
      document.removeEventListener(READING_CHANGE, count);
    }
  });

  for (const kind of ELEMENTS) {
    describe(`<${kind.tag}>${kind.name ? ` (${kind.name})` : ''}`, () => {
      for (const theme of COLOR_THEMES) {
        it(`follows text size 200 % and the ${theme} theme, ≥ 7:1, axe clean`, async () => {
          const el = await place(kind);
          const before = rendered(el, kind.surface);
          publishReading({ textScale: 2, colorTheme: theme });
          await el.updateComplete;
          const t = READER_THEMES[theme];
          const expected = theme === 'dark' || theme === 'contrast-black' ? 'dark' : 'light';
          await until(() => root(el).dataset.scheme === expected, `data-scheme ${expected}`);
          const now = rendered(el, kind.surface);
          expect(now.fontSize, 'the text size doubles').to.be.closeTo(before.fontSize * 2, 0.01);
          expect(now.text, 'text colour').to.deep.equal(rgb(t.text));
          expect(now.surface, 'surface').to.deep.equal(rgb(t.surface));
          if (theme !== 'default') expect(now.primary, 'primary').to.deep.equal(rgb(t.primary));
          expect(contrastRatio(now.text, now.surface), 'rendered body text contrast').to.be.at.least(7);
          await expect(el).to.be.accessible();
        });
      }

      it('returns to its own text size and colours with publishReading(null)', async () => {
        const el = await place(kind);
        const before = rendered(el, kind.surface);
        publishReading({ textScale: 3, colorTheme: 'contrast-black' });
        await until(() => root(el).dataset.scheme === 'dark', 'the dark scheme of contrast-black');
        expect(rendered(el, kind.surface)).to.not.deep.equal(before);
        publishReading(null);
        await until(() => root(el).dataset.scheme === 'light', 'the light scheme back');
        expect(rendered(el, kind.surface)).to.deep.equal(before);
      });
    });
  }

  for (const theme of COLOR_THEMES) {
    it(`the directory's search marks take the ${theme} theme's mark colours`, async () => {
      const el = await place(ELEMENTS.find((k) => k.tag === 'zw-disclosure-directory')!);
      publishReading({ textScale: 1, colorTheme: theme });
      const box = $<HTMLInputElement>(el, 'input[type=search]');
      box.value = '信息公开';
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const mark = await until(() => $(el, 'tbody mark'), 'a marked match');
      const style = getComputedStyle(mark);
      expect(rgb(style.backgroundColor)).to.deep.equal(rgb(READER_THEMES[theme].mark));
      expect(rgb(style.color)).to.deep.equal(rgb(READER_THEMES[theme].markText));
      expect(contrastRatio(style.color, style.backgroundColor)).to.be.at.least(7);
      await expect(el).to.be.accessible();
    });
  }

  it('prints in the light colours whatever the theme (pale text would vanish on white paper); the size stays', async () => {
    publishReading({ textScale: 1.5, colorTheme: 'contrast-black' });
    const el = await place(ELEMENTS[0]);
    await until(() => root(el).dataset.scheme === 'dark', 'the dark scheme of yellow on black');
    await emulateMedia({ media: 'print' });
    try {
      const seen = rendered(el, ELEMENTS[0].surface);
      expect(seen.text).to.deep.equal(rgb('#1f1f1f'));
      expect(seen.surface).to.deep.equal(rgb('#ffffff'));
      expect(seen.fontSize).to.equal(24);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(rendered(el, ELEMENTS[0].surface).text).to.deep.equal(rgb(READER_THEMES['contrast-black'].text));
  });

  it('an element placed after the settings were published starts in them', async () => {
    publishReading({ textScale: 1.5, colorTheme: 'dark' });
    const el = await place(ELEMENTS[0]);
    expect(root(el).dataset.scheme).to.equal('dark');
    expect(rendered(el, ELEMENTS[0].surface)).to.deep.include({ fontSize: 24, text: rgb(READER_THEMES.dark.text), surface: rgb(READER_THEMES.dark.surface) });
  });

  it('the reader’s theme beats the appearance attribute and the page’s color-scheme', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark"><zw-policy-card appearance="dark"></zw-policy-card></div>`);
    const el = wrapper.querySelector('zw-policy-card')! as unknown as Ready;
    el.data = structuredClone(samples.jinan);
    await untilState(el, 'ready');
    expect(root(el).dataset.scheme).to.equal('dark');
    const light: ColorTheme[] = ['sepia', 'contrast-white', 'default'];
    for (const theme of light.slice(0, 2)) {
      publishReading({ textScale: 1, colorTheme: theme });
      await until(() => root(el).dataset.scheme === 'light', `light scheme for ${theme}`);
      expect(rgb(getComputedStyle($(el, '[part=card]')).backgroundColor)).to.deep.equal(rgb(READER_THEMES[theme].surface));
    }
    publishReading(null);
    await until(() => root(el).dataset.scheme === 'dark', 'the appearance attribute again');
  });

  it('the portal’s own --zw-color-* yield to the reader’s theme, and return after', async () => {
    const el = await place(ELEMENTS[0]);
    el.style.setProperty('--zw-color-text', 'rgb(1, 2, 3)');
    expect(getComputedStyle(root(el)).color).to.equal('rgb(1, 2, 3)');
    publishReading({ textScale: 1, colorTheme: 'contrast-white' });
    expect(rgb(getComputedStyle(root(el)).color)).to.deep.equal(rgb('#000000'));
    publishReading(null);
    expect(getComputedStyle(root(el)).color).to.equal('rgb(1, 2, 3)');
  });
});
