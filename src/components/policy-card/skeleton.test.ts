import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { untilState } from '../../test-support/helpers.js';
import type { ZwPolicyCard } from './policy-card.js';
import './policy-card.js';

const SAMPLES = ['000-shandong-commerce-2019', '001-jinan-market-2020', '002-anhui-commerce-2017', '003-guangzhou-commerce-2021', '004-shanxi-industry-2021'];

/** Height while loading and when ready, for each seed sample. */
async function heights(layout: string): Promise<[number, number][]> {
  const out: [number, number][] = [];
  for (const name of SAMPLES) {
    const wrap = await fixture<HTMLDivElement>(
      html`<div><zw-policy-card layout=${layout} src=${`/__zw/delay/200/demo/data/policy-${name}.json?${layout}-${innerWidth}`}></zw-policy-card></div>`,
    );
    const el = wrap.firstElementChild as ZwPolicyCard;
    await el.updateComplete;
    const loading = el.getBoundingClientRect().height;
    await untilState(el, 'ready');
    out.push([loading, el.getBoundingClientRect().height]);
  }
  return out;
}

describe('<zw-policy-card> skeleton', () => {
  after(() => setViewport({ width: 800, height: 600 }));
  for (const [device, width] of [
    ['phone', 375],
    ['desktop', 1100],
  ] as const) {
    for (const layout of ['compact', 'full']) {
      it(`reserves about the height of a typical card: ${layout}, ${device}`, async () => {
        await setViewport({ width, height: 800 });
        const pairs = await heights(layout);
        const shifts = pairs.map(([loading, ready]) => Math.abs(ready - loading) / ready);
        const median = [...shifts].sort((a, b) => a - b)[Math.floor(shifts.length / 2)];
        // Content varies, so some movement is unavoidable; the skeleton keeps it small for the seed samples.
        expect(median, JSON.stringify(pairs)).to.be.below(0.15);
      });
    }
  }
});
