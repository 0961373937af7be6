import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ZwPolicyCard } from '../components/policy-card/policy-card.js';
import { $, until, untilState } from '../test-support/helpers.js';
import { sample, samples } from '../test-support/samples.js';
import type { PolicyDocument } from '../schema/types.generated.js';
import { defineElement } from './define.js';
import { WidthController } from './width.js';

/** A card that measures itself, as the interpretation and the infographic do. */
class MeasuringCard extends ZwPolicyCard {
  readonly size = new WidthController(this);
  renders = 0;
  protected override renderDocument(doc: PolicyDocument): TemplateResult {
    this.renders++;
    return super.renderDocument(doc);
  }
}
defineElement('zw-test-measuring-card', MeasuringCard);

/** An element holding a nested card, with the levels and language helpers of the base. */
class NestingCard extends ZwPolicyCard {
  nested?: unknown;
  loadedTitle?: string;
  protected override renderDocument(doc: PolicyDocument): TemplateResult {
    return html`${super.renderDocument(doc)}
      <div class="nested" lang=${this.contentLang(doc)} data-sub=${this.subLevel()} data-sub5=${this.subLevel(5)}>
        ${this.renderNestedCard({ data: this.nested, headingLevel: this.subLevel(), onLoad: (e) => (this.loadedTitle = e.detail.document.title) })}
      </div>`;
  }
}
defineElement('zw-test-nesting-card', NestingCard);

describe('WidthController', () => {
  it('measures the element, and asks for an update in a later frame when it is resized', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 400px"><zw-test-measuring-card .data=${samples.jinan}></zw-test-measuring-card></div>`);
    const el = wrapper.querySelector<MeasuringCard>('zw-test-measuring-card')!;
    await untilState(el, 'ready');
    expect(el.size.width).to.equal(400);
    expect(el.size.em).to.equal(16);
    const before = el.renders;
    wrapper.style.width = '300px';
    await until(() => el.size.width === 300, 'the new width');
    await until(() => el.renders > before, 'an update after the resize');
    wrapper.style.setProperty('--zw-font-size', '20px');
    await until(() => el.size.em === 20, 'the text size of .zw-root');
  });

  it('measures .zw-root when page CSS makes the host inline', async () => {
    const style = document.createElement('style');
    style.textContent = '* { all: unset !important }';
    document.head.append(style);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div><div class="box"><zw-test-measuring-card .data=${samples.jinan}></zw-test-measuring-card></div></div>`);
      wrapper.querySelector<HTMLElement>('.box')!.style.cssText = 'display: block !important; width: 360px !important';
      const el = wrapper.querySelector<MeasuringCard>('zw-test-measuring-card')!;
      await untilState(el, 'ready');
      await until(() => el.size.width === 360, `the width of .zw-root (got ${el.size.width})`);
      expect(el.size.em).to.equal(16);
    } finally {
      style.remove();
    }
  });
});

describe('shared helpers of ZwElement', () => {
  it('clamps sub-heading levels and gives the content language', async () => {
    const el = await fixture<NestingCard>(
      html`<zw-test-nesting-card heading-level="3" .data=${sample('jinan', { language: 'en', title: 'Open government 2020' })}></zw-test-nesting-card>`,
    );
    await untilState(el, 'ready');
    const nested = $(el, '.nested');
    expect(nested.dataset.sub).to.equal('4');
    expect(nested.dataset.sub5, 'clamped to 6').to.equal('6');
    expect(nested.getAttribute('lang')).to.equal('en');
  });
});

describe('renderNestedCard', () => {
  it('passes language, theme, appearance and preview on, and keeps the card’s events inside', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const seen: string[] = [];
    for (const type of ['zw-load', 'zw-error', 'zw-empty']) wrapper.addEventListener(type, (e) => seen.push(`${(e.target as Element).localName} ${type}`));
    const el = document.createElement('zw-test-nesting-card') as NestingCard;
    el.theme = 'blue';
    el.appearance = 'dark';
    el.preview = true;
    el.headingLevel = 3;
    el.nested = samples.anhui;
    const hostLoaded = new Promise((r) => el.addEventListener('zw-load', r, { once: true }));
    el.data = samples.jinan;
    wrapper.append(el);
    await hostLoaded;
    const card = $(el, 'zw-policy-card') as ZwPolicyCard;
    const nestedLoaded = card.state === 'ready' ? Promise.resolve() : new Promise((r) => card.addEventListener('zw-load', r, { once: true }));
    await nestedLoaded;
    expect(card.getAttribute('lang')).to.equal('en');
    expect(card.getAttribute('theme')).to.equal('blue');
    expect(card.getAttribute('appearance')).to.equal('dark');
    expect(card.hasAttribute('preview')).to.equal(true);
    expect(card.getAttribute('layout')).to.equal('compact');
    expect(card.getAttribute('heading-level')).to.equal('4');
    expect(el.loadedTitle).to.equal(samples.anhui.title);

    // an invalid nested document: its error (in preview, listed) stays inside
    const failed = new Promise((r) => card.addEventListener('zw-error', r, { once: true }));
    const original = console.warn;
    console.warn = () => {};
    try {
      el.nested = { type: 'policy' };
      el.requestUpdate();
      await failed;
    } finally {
      console.warn = original;
    }
    expect(card.shadowRoot!.querySelector('[role=alert]')).to.exist;
    const emptied = new Promise((r) => card.addEventListener('zw-empty', r, { once: true }));
    el.nested = null;
    el.requestUpdate();
    await emptied;
    expect(seen).to.deep.equal(['zw-test-nesting-card zw-load']);
  });

  it('gives a nested card the scheme its host resolved from the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark"></div>`);
    const el = document.createElement('zw-test-nesting-card') as NestingCard;
    el.nested = samples.anhui;
    el.data = samples.jinan;
    wrapper.append(el);
    await untilState(el, 'ready');
    const card = $(el, 'zw-policy-card') as ZwPolicyCard;
    await untilState(card, 'ready');
    expect(card.getAttribute('appearance')).to.equal('dark');
    expect($(card, '.zw-root').dataset.scheme).to.equal('dark');
  });
});
