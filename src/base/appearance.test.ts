import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import type { ZwPolicyCard } from '../components/policy-card/policy-card.js';
import '../components/policy-card/policy-card.js';
import { $, until, untilState } from '../test-support/helpers.js';
import { samples } from '../test-support/samples.js';

/** The colours the reader sees: the card's background and its text. */
function colours(card: ZwPolicyCard) {
  const box = $(card, '[part=card]');
  return { background: getComputedStyle(box).backgroundColor, text: getComputedStyle($(card, '.zw-root')).color, scheme: $(card, '.zw-root').dataset.scheme };
}
const LIGHT = { background: 'rgb(255, 255, 255)', text: 'rgb(31, 31, 31)', scheme: 'light' };
const DARK = { background: 'rgb(28, 28, 30)', text: 'rgb(236, 236, 236)', scheme: 'dark' };

/** A ready card on a page area with the given `color-scheme` (CSS) and `appearance` (attribute). */
async function card(options: { pageScheme?: string; appearance?: string } = {}): Promise<ZwPolicyCard> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${options.pageScheme ? `color-scheme: ${options.pageScheme}` : ''}><zw-policy-card appearance=${options.appearance ?? nothing} .data=${samples.jinan}></zw-policy-card></div>`,
  );
  const el = wrapper.querySelector('zw-policy-card')!;
  await untilState(el, 'ready');
  return el;
}

describe('appearance: light, dark, and the page it sits in', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('stays light on a white page when the reader’s system is dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(colours(await card())).to.deep.equal(LIGHT);
  });

  it('follows the system with appearance="auto"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(colours(await card({ appearance: 'auto' }))).to.deep.equal(DARK);
    await emulateMedia({ colorScheme: 'light' });
    expect(colours(await card({ appearance: 'auto' }))).to.deep.equal(LIGHT);
  });

  it('is dark with appearance="dark" and light with appearance="light", whatever the system', async () => {
    expect(colours(await card({ appearance: 'dark' }))).to.deep.equal(DARK);
    await emulateMedia({ colorScheme: 'dark' });
    expect(colours(await card({ appearance: 'light' }))).to.deep.equal(LIGHT);
  });

  it('follows the page’s own color-scheme', async () => {
    expect(colours(await card({ pageScheme: 'dark' })), 'color-scheme: dark').to.deep.equal(DARK);
    expect(colours(await card({ pageScheme: 'light dark' })), 'light dark, light system').to.deep.equal(LIGHT);
    await emulateMedia({ colorScheme: 'dark' });
    expect(colours(await card({ pageScheme: 'light dark' })), 'light dark, dark system').to.deep.equal(DARK);
    expect(colours(await card({ pageScheme: 'light' })), 'light, dark system').to.deep.equal(LIGHT);
  });

  it('switches when the system does, with appearance="auto"', async () => {
    const el = await card({ appearance: 'auto' });
    expect(colours(el)).to.deep.equal(LIGHT);
    await emulateMedia({ colorScheme: 'dark' });
    await until(() => colours(el).scheme === 'dark', 'the dark scheme after the system switched');
    expect(colours(el)).to.deep.equal(DARK);
  });

  it('is accessible (axe) in the dark', async () => {
    const el = await card({ appearance: 'dark' });
    await expect(el).to.be.accessible();
  });
});
