import { fixture, html, oneEvent } from '@open-wc/testing';
import type { ZwPolicyCard } from '../components/policy-card/policy-card.js';
import '../components/policy-card/policy-card.js';
import { UI_LOCALES, loadLocale } from '../i18n/locale.js';

/** Waits until an element has rendered in its language (non-Chinese UI texts load on first use). */
export async function settle(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await Promise.all(UI_LOCALES.map(loadLocale));
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

/** A policy card in a wrapper with `lang`, given data by property; `preview` shows staff the detailed issue list. */
export async function cardWith(data: unknown, options: { lang?: string; layout?: 'full' | 'compact'; preview?: boolean } = {}): Promise<ZwPolicyCard> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'zh-CN'}><zw-policy-card layout=${options.layout ?? 'full'} ?preview=${options.preview ?? false}></zw-policy-card></div>`,
  );
  const card = wrapper.querySelector('zw-policy-card')!;
  card.data = data;
  await settle(card);
  return card;
}

/** Waits until the element reaches `state` (loading is asynchronous for `src`). */
export async function untilState(el: { state: string; updateComplete: Promise<unknown> }, state: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (el.state !== state) {
    if (performance.now() - start > timeout) throw new Error(`element stayed in state ${el.state}, expected ${state}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  await el.updateComplete;
}

export const shadow = (el: Element) => el.shadowRoot!;

/** The first match inside an element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
/** Every match inside an element's shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
/** Text of an element's shadow root (or of a node), whitespace collapsed and trimmed. */
export const text = (node: Element | ShadowRoot) => ((node instanceof Element && node.shadowRoot ? node.shadowRoot : node).textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Waits until `condition()` is truthy, checking after each task; fails with `what` after `timeout` ms.
 * Use it instead of counting frames: a busy machine takes more frames, never a different state.
 */
export async function until<T>(condition: () => T, what: string, timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = condition();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
export { oneEvent };
