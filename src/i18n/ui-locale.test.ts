/**
 * Every piece of UI text follows the element's own locale, wherever it is produced:
 * in the render pass, in an event handler (export, filter, popover, expand/collapse),
 * in the error panel, in nested cards. Each element is rendered inside `<div lang="en">`
 * and `<div lang="zh-Hant">`, its shadow roots are walked (nested cards too), and every
 * text node and aria-label/title/placeholder/alt that is not document content is
 * collected. Document content is what the components mark with the document's own
 * `lang` (zh-CN in these fixtures): a node's language is its nearest `lang`, across
 * shadow boundaries. What is left is UI text and must be in the element's locale:
 * no Han characters (nor Chinese punctuation) in English, no simplified-only
 * characters in Traditional Chinese (checked with OpenCC cn→tw, the converter the
 * zh-Hant catalogue is made with: every target in xliff/zh-Hant.xlf is a fixed point of it).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { Converter } from 'opencc-js/cn2t';
import { $, $$, settle, until, untilState } from '../test-support/helpers.js';
import { fullInfographic } from '../test-support/infographic-fixture.js';
import { annualReport } from '../test-support/annual-report-fixture.js';
import { fullInterpretation } from '../test-support/interpretation-fixture.js';
import { sample, samples } from '../test-support/samples.js';
import abolished from '../test-support/abolished-policy.json' with { type: 'json' };
import { nearestLang } from './locale.js';
import { annualReportBlocks } from '../core/annual-report.js';
import '../components/policy-card/policy-card.js';
import '../components/interpretation/interpretation.js';
import '../components/infographic/infographic.js';

type Locale = 'en' | 'zh-Hant';
/** The language the fixtures' documents are written in (their `language` defaults to it). */
const DOCUMENT_LANG = 'zh-CN';
const UI_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext'];
const SKIPPED = new Set(['STYLE', 'SCRIPT', 'TEMPLATE']);

/** Simplified → Traditional (Taiwan): a string it changes holds simplified-only characters. */
const toTraditional = Converter({ from: 'cn', to: 'tw' });
const HAN_OR_CJK_PUNCTUATION = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

interface UiText {
  text: string;
  where: string;
}

type ZwHost = HTMLElement & { state: string; updateComplete: Promise<unknown> };

/** A short path for failure messages: `zw-interpretation > zw-policy-card div.zw-error[part=error]`. */
function describeNode(element: Element): string {
  const hosts: string[] = [];
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.unshift(root.host.localName);
  const part = element.getAttribute('part');
  const classes = [...element.classList]
    .slice(0, 2)
    .map((c) => `.${c}`)
    .join('');
  return `${hosts.join(' > ')} ${element.localName}${classes}${part ? `[part=${part}]` : ''}`;
}

/** The language a node is read in: its element's nearest `lang`, across shadow boundaries. */
const langOf = (element: Element) => nearestLang(element) ?? '';

/** Every UI text of an element and of the elements nested in its shadow root. */
function uiTexts(host: Element): UiText[] {
  const found: UiText[] = [];
  const walkRoot = (root: ShadowRoot) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node instanceof Element && SKIPPED.has(node.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) {
        const text = node.data.replace(/\s+/g, ' ').trim();
        const parent = node.parentElement;
        if (text && parent && langOf(parent) !== DOCUMENT_LANG) found.push({ text, where: describeNode(parent) });
      } else if (node instanceof Element) {
        if (langOf(node) !== DOCUMENT_LANG) {
          for (const name of UI_ATTRIBUTES) {
            const value = node.getAttribute(name)?.trim();
            if (value) found.push({ text: value, where: `${describeNode(node)} @${name}` });
          }
        }
        if (node.shadowRoot) walkRoot(node.shadowRoot);
      }
    }
  };
  if (host.shadowRoot) walkRoot(host.shadowRoot);
  return found;
}

/** Every string in a document, longest first: document text an attribute may quote (a region named by a title). */
function documentStrings(doc: unknown): string[] {
  const strings = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && value.trim()) strings.add(value.trim());
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(doc);
  return [...strings].sort((a, b) => b.length - a.length);
}

/**
 * The UI texts that are not in `locale`, each said as what it is: UI text in the wrong
 * locale, or document text outside the document's `lang` (read with the UI's voice and
 * glyphs: mark it `lang=${documentLang}`). Attributes cannot mark a quoted part with
 * `lang`, so document strings inside an attribute (a region named by its title) are set aside.
 */
function escapes(host: Element, locale: Locale, doc: unknown): string[] {
  const quoted = documentStrings(doc);
  const withoutDocument = (text: string) => quoted.reduce((t, s) => t.split(s).join(' '), text);
  const wrongIn = (text: string) => (locale === 'en' ? HAN_OR_CJK_PUNCTUATION.test(text) : toTraditional(text) !== text);
  const wrong: string[] = [];
  for (const { text, where } of uiTexts(host)) {
    const attribute = where.includes(' @');
    if (!wrongIn(attribute ? withoutDocument(text) : text)) continue;
    const kind = attribute || wrongIn(withoutDocument(text)) ? 'UI text' : `document text outside lang=${DOCUMENT_LANG}`;
    wrong.push(`${kind}: "${text}"${locale === 'zh-Hant' ? ` (→ "${toTraditional(text)}")` : ''} at ${where}`);
  }
  return [...new Set(wrong)];
}

/** Fails with every offending string, one a line (a diff of two arrays would print each three times). */
function failOn(wrong: string[], locale: Locale, when: string) {
  if (wrong.length) expect.fail(`${when}: ${wrong.length} text(s) not in ${locale}:\n      ${wrong.join('\n      ')}`);
}

/** Fails, listing every offending string, when some UI text is not in `locale`. */
function expectInLocale(host: Element, locale: Locale, doc: unknown, when: string) {
  // the walk found UI text at all (a broken walk must not pass as "nothing wrong")
  expect(uiTexts(host).length, `${when}: UI texts found`).to.be.greaterThan(0);
  failOn(escapes(host, locale, doc), locale, when);
}

/** Waits until the element and every element nested in its shadow root has rendered in its language. */
async function settleAll(el: ZwHost): Promise<void> {
  await settle(el);
  for (const nested of el.shadowRoot!.querySelectorAll<ZwHost>('zw-policy-card, zw-interpretation, zw-infographic')) await settleAll(nested);
  await el.updateComplete;
}

/** An element inside `<div lang=…>`, configured before it connects, settled in `state`. */
async function place<T extends ZwHost>(tag: string, locale: string, setup: (el: T) => void, state = 'ready'): Promise<T> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${locale}></div>`);
  const el = document.createElement(tag) as T;
  setup(el);
  wrapper.append(el);
  await untilState(el, state, 8000);
  await settleAll(el);
  return el;
}

/** A button in the shadow root, by selector (never by its text, which depends on the locale). */
function button(el: Element, selector: string, index = 0): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, selector)[index];
  expect(found, `button ${selector} [${index}]`).to.exist;
  return found;
}

const brokenPolicy = () => sample('jinan', { publishDate: '2020-02-30', url: 'javascript:alert(1)', validity: 'valid', disclosure: ['x'] });
const brokenInterpretation = () => ({ ...fullInterpretation(), publishDate: 'soon', faq: [{ question: '只有问题' }] });
const brokenInfographic = () => {
  const doc = fullInfographic();
  return { ...doc, schemaVersion: 9, blocks: [{ type: 'chart', chart: 'bar', title: '没有要点', categories: ['甲'], series: [{ name: '件数', values: [Infinity] }] }] };
};

for (const locale of ['en', 'zh-Hant'] as const) {
  describe(`UI text in ${locale}, wherever it is produced`, () => {
    describe('<zw-policy-card>', () => {
      const policies = { ...samples, abolished } as Record<string, unknown>;
      for (const layout of ['full', 'compact'] as const) {
        it(`${layout}: every sample and an abolished policy`, async () => {
          const wrong: string[] = [];
          for (const [name, doc] of Object.entries(policies)) {
            const el = await place<ZwHost>('zw-policy-card', locale, (e) => {
              e.setAttribute('layout', layout);
              (e as unknown as { data: unknown }).data = structuredClone(doc);
            });
            expect(uiTexts(el).length, `${name}: UI texts found`).to.be.greaterThan(0);
            wrong.push(...escapes(el, locale, doc).map((w) => `${name}: ${w}`));
          }
          failOn(wrong, locale, layout);
        });
      }

      it('empty and loading', async () => {
        const empty = await place<ZwHost>('zw-policy-card', locale, (e) => ((e as unknown as { data: unknown }).data = null), 'empty');
        expectInLocale(empty, locale, null, 'empty');
        const loading = await place<ZwHost>('zw-policy-card', locale, (e) => e.setAttribute('src', '/__zw/delay/4000/demo/data/policy-001-jinan-market-2020.json'), 'loading');
        expectInLocale(loading, locale, null, 'loading');
      });
    });

    describe('<zw-interpretation>', () => {
      const interpretation = async () => {
        const doc = fullInterpretation();
        const el = await place<ZwHost>('zw-interpretation', locale, (e) => ((e as unknown as { data: unknown }).data = doc));
        // the nested cards (the interpreted policy, related policies) are walked too
        expect($$(el, 'zw-policy-card').length, 'nested cards').to.be.greaterThan(0);
        return { el, doc };
      };

      it('as rendered, with its nested cards', async () => {
        const { el, doc } = await interpretation();
        expectInLocale(el, locale, doc, 'rendered');
      });

      it('after filtering the questions with a query that matches nothing', async () => {
        const { el, doc } = await interpretation();
        const input = $<HTMLInputElement>(el, '#faq-filter, [part=faq-filter], input[type=search]');
        expect(input, 'the FAQ filter').to.exist;
        input.value = 'zzz-无此内容-qqq';
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await until(() => $$(el, '.faq-item').every((item) => item.hidden), 'every question filtered out');
        await settleAll(el);
        expectInLocale(el, locale, doc, 'filter matching nothing');
      });

      it('with a glossary popover open', async () => {
        const { el, doc } = await interpretation();
        const term = $<HTMLElement>(el, '[part=term]');
        expect(term, 'a marked glossary term').to.exist;
        term.click();
        await until(() => $(el, '[part=popover]'), 'the popover');
        await settleAll(el);
        expectInLocale(el, locale, doc, 'popover open');
      });

      it('after expanding and collapsing every question', async () => {
        const { el, doc } = await interpretation();
        const tools = $$<HTMLButtonElement>(el, '.faq-tools button');
        expect(tools.length, 'expand-all and collapse-all buttons').to.be.at.least(2);
        tools[0].click();
        await until(() => $$<HTMLDetailsElement>(el, '.faq-item').every((d) => d.open), 'every question open');
        await settleAll(el);
        expectInLocale(el, locale, doc, 'all expanded');
        tools[1].click();
        await until(() => $$<HTMLDetailsElement>(el, '.faq-item').every((d) => !d.open), 'every question closed');
        await settleAll(el);
        expectInLocale(el, locale, doc, 'all collapsed');
      });
    });

    describe('<zw-infographic>', () => {
      const infographic = async () => {
        const report = annualReport();
        const doc = fullInfographic();
        doc.blocks.push(report);
        const el = await place<ZwHost & { export(format: 'png' | 'svg', block?: string): Promise<Blob | undefined> }>(
          'zw-infographic',
          locale,
          (e) => ((e as unknown as { data: unknown }).data = doc),
        );
        // the annual report's tables are laid out from the template: their headings are document text too
        return { el, doc: { ...doc, laidOut: annualReportBlocks(report) } };
      };

      it('as rendered', async () => {
        const { el, doc } = await infographic();
        expectInLocale(el, locale, doc, 'rendered');
      });

      it('after exporting the whole infographic and one block', async () => {
        const { el, doc } = await infographic();
        expect(await el.export('svg'), 'SVG of the whole').to.exist;
        await settleAll(el);
        expectInLocale(el, locale, doc, 'after exporting the whole');
        expect(await el.export('png', 'b1'), 'PNG of one block').to.exist;
        await settleAll(el);
        expectInLocale(el, locale, doc, 'after exporting a block');
      });

      it("with a chart's data table shown", async () => {
        const { el, doc } = await infographic();
        button(el, '.table-toggle').click();
        await until(() => $(el, '[part=data-table] table'), 'the data table');
        await settleAll(el);
        expectInLocale(el, locale, doc, 'data table shown');
      });
    });

    describe('the error state', () => {
      const cases: [string, string, (e: ZwHost) => void, unknown][] = [
        ['policy card, invalid data', 'zw-policy-card', (e) => ((e as unknown as { data: unknown }).data = brokenPolicy()), brokenPolicy()],
        ['policy card, server says 404', 'zw-policy-card', (e) => e.setAttribute('src', '/__zw/status/404'), {}],
        ['policy card, malformed JSON', 'zw-policy-card', (e) => e.setAttribute('src', '/__zw/malformed'), {}],
        ['interpretation, invalid data', 'zw-interpretation', (e) => ((e as unknown as { data: unknown }).data = brokenInterpretation()), brokenInterpretation()],
        ['infographic, invalid data', 'zw-infographic', (e) => ((e as unknown as { data: unknown }).data = brokenInfographic()), brokenInfographic()],
      ];
      for (const preview of [false, true]) {
        for (const [name, tag, setup, doc] of cases) {
          it(`${name}${preview ? ', with preview (the detailed list)' : ', for the public'}`, async () => {
            const el = await place<ZwHost>(
              tag,
              locale,
              (e) => {
                if (preview) e.setAttribute('preview', '');
                setup(e);
              },
              'error',
            );
            expectInLocale(el, locale, doc, name);
          });
        }
      }
    });
  });
}
