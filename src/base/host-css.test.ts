import { expect, fixture, html } from '@open-wc/testing';
import type { ZwPolicyCard } from '../components/policy-card/policy-card.js';
import '../components/policy-card/policy-card.js';
import '../components/interpretation/interpretation.js';
import '../components/infographic/infographic.js';
import { $, untilState } from '../test-support/helpers.js';
import { fullInterpretation } from '../test-support/interpretation-fixture.js';
import { fullInfographic } from '../test-support/infographic-fixture.js';
import { sample } from '../test-support/samples.js';

/** Two resets found on real portals: page CSS that reaches every element it can. */
const HOSTILE_PAGES: [string, string][] = [
  ['a portal reset (12px 宋体, line-height 1)', '* { font-size: 12px; font-family: "宋体"; line-height: 1 }'],
  ['all: unset !important, body text 0px', '* { all: unset !important } body { font-size: 0 !important }'],
];

const policy = () => sample('jinan', { summary: '进一步加强政务公开工作，推进决策、执行、管理、服务、结果公开。', docNo: '济市监办字〔2020〕35号' });

interface Elements {
  card: ZwPolicyCard;
  interpretation: HTMLElement & { state: string; updateComplete: Promise<unknown> };
  infographic: HTMLElement & { state: string; updateComplete: Promise<unknown> };
}

/** The three elements in a page area, ready. `fontSize`: `--zw-font-size` set on the area (the 适老化 token). */
async function elements(fontSize?: string): Promise<Elements> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${fontSize ? `--zw-font-size: ${fontSize}` : ''}>
    <zw-policy-card .data=${policy()}></zw-policy-card>
    <zw-interpretation .data=${fullInterpretation()}></zw-interpretation>
    <zw-infographic .data=${fullInfographic()}></zw-infographic>
  </div>`);
  const found = {
    card: wrapper.querySelector('zw-policy-card')!,
    interpretation: wrapper.querySelector('zw-interpretation')!,
    infographic: wrapper.querySelector('zw-infographic')!,
  } as Elements;
  for (const el of Object.values(found)) {
    await untilState(el, 'ready');
    await el.updateComplete;
  }
  return found;
}

/** Body text of each element (not headings, not small print). */
function bodyText({ card, interpretation, infographic }: Elements): [string, HTMLElement][] {
  return [
    ['card', $(card, '[part=summary] p')],
    ['interpretation', $(interpretation, '.section-body p:not([class])')],
    ['infographic', $(infographic, '.takeaway')],
  ];
}

function typography(el: Element) {
  const style = getComputedStyle(el);
  return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), family: style.fontFamily };
}

describe('page CSS stops at the host', () => {
  for (const [what, css] of HOSTILE_PAGES) {
    describe(what, () => {
      let style: HTMLStyleElement;
      beforeEach(() => {
        style = document.createElement('style');
        style.textContent = css;
        document.head.append(style);
      });
      afterEach(() => style.remove());

      it('keeps body text at 16px, in the element font, with lines apart', async () => {
        const els = await elements();
        for (const [name, el] of bodyText(els)) {
          expect(el, name).to.exist;
          const { size, lineHeight, family } = typography(el);
          expect(size, `${name} font size`).to.equal(16);
          expect(lineHeight, `${name} line height`).to.be.at.least(1.4 * size);
          expect(family, `${name} font`).not.to.contain('宋体');
          expect(el.getBoundingClientRect().height, `${name} is drawn`).to.be.greaterThan(16);
          const rects = [...rangeRects(el)];
          // consecutive lines do not touch: each line box starts below the previous one's glyphs
          for (let i = 1; i < rects.length; i++)
            if (rects[i].top > rects[i - 1].top + 1) expect(rects[i].top - rects[i - 1].top, `${name} line pitch`).to.be.at.least(1.4 * size - 1);
        }
      });

      it('honours --zw-font-size on the page (适老化)', async () => {
        const els = await elements('20px');
        for (const [name, el] of bodyText(els)) {
          const { size, lineHeight } = typography(el);
          expect(size, `${name} font size`).to.equal(20);
          expect(lineHeight, `${name} line height`).to.be.at.least(1.4 * size);
        }
      });

      it("keeps the interpretation's nested policy card no bigger than the text around it", async () => {
        for (const fontSize of [undefined, '20px']) {
          const els = await elements(fontSize);
          const nested = $(els.interpretation, 'zw-policy-card') as ZwPolicyCard;
          await untilState(nested, 'ready');
          const around = typography(bodyText(els)[1][1]).size;
          for (const el of [$(nested, '.zw-root'), $(nested, '[part=meta]')]) {
            expect(typography(el).size, `nested card text with --zw-font-size ${fontSize ?? 'unset'}`).to.be.at.most(around);
            expect(typography(el).size).to.be.greaterThan(0);
          }
        }
      });
    });
  }

  it('still lets ::part(root) and the tokens style the element', async () => {
    const style = document.createElement('style');
    style.textContent = 'zw-policy-card.styled::part(root) { font-size: 18px } zw-policy-card.styled { --zw-color-text: rgb(1, 2, 3) }';
    document.head.append(style);
    try {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card class="styled" .data=${policy()}></zw-policy-card>`);
      await untilState(el, 'ready');
      const summary = $(el, '[part=summary] p');
      expect(typography(summary).size).to.equal(18);
      expect(getComputedStyle(summary).color).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });
});

/** One rectangle per line of the element's text. */
function rangeRects(el: Element): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(el);
  return [...range.getClientRects()];
}
