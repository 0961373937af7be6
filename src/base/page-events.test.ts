import { expect } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { PageEventsController } from './page-events.js';
import { until } from '../test-support/helpers.js';

class AnchoredElement extends ReactiveElement {
  anchorPrefix = 'c-';
  revealed: [string, boolean][] = [];
  printing: boolean[] = [];
  readonly page = new PageEventsController(this, {
    prefix: () => this.anchorPrefix,
    reveal: (id, instant) => this.revealed.push([id, instant]),
    print: (printing) => this.printing.push(printing),
  });
}
customElements.define('zw-test-anchored', AnchoredElement);

describe('PageEventsController (the address and printing, for elements with anchors)', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('names the anchor the address points at, without the prefix, decoded, and only this element’s', () => {
    const el = document.createElement('zw-test-anchored') as AnchoredElement;
    const at = (hash: string) => {
      history.replaceState(null, '', hash);
      return el.page.anchorInAddress();
    };
    expect(at('#c-12')).to.equal('12');
    expect(at('#faq-3')).to.equal(undefined);
    expect(at('#c-')).to.equal(undefined);
    expect(at('#')).to.equal(undefined);
    expect(at('#c-%E7%AC%AC')).to.equal('第');
    expect(at('#c-100%')).to.equal('100%'); // malformed: as written
    el.anchorPrefix = '';
    expect(at('#faq-3')).to.equal('faq-3');
  });

  it('follows hashchange while in the document, not after it left', async () => {
    const el = document.createElement('zw-test-anchored') as AnchoredElement;
    document.body.append(el);
    location.hash = '#c-4';
    await until(() => el.revealed.length === 1, 'the hashchange followed');
    expect(el.revealed[0]).to.deep.equal(['4', false]);
    el.remove();
    location.hash = '#c-5';
    await new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
    expect(el.revealed.length).to.equal(1);
  });

  it('tells the element when the page prints', () => {
    const el = document.createElement('zw-test-anchored') as AnchoredElement;
    document.body.append(el);
    dispatchEvent(new Event('beforeprint'));
    dispatchEvent(new Event('afterprint'));
    expect(el.printing).to.deep.equal([true, false]);
    el.remove();
  });
});
