import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Appearance } from './scheme.js';
import type { ZwLoadEvent } from './events.js';
import type { PolicyDocument } from '../schema/types.generated.js';

/** The element a nested card sits in: what the card inherits from it. */
export interface NestedCardHost extends HTMLElement {
  theme?: 'blue';
  appearance?: Appearance;
  preview?: boolean;
}

export interface NestedCardOptions {
  host: NestedCardHost;
  /** The host's UI locale (a `lang` set inside a shadow root is seen by no document observer, so it is passed on explicitly). */
  lang: string;
  /** The host's resolved scheme, used when the host has no `appearance` of its own. */
  scheme?: 'light' | 'dark';
  data?: unknown;
  src?: string;
  /** Level of the card's title heading (clamped to 1–6). */
  headingLevel: number;
  /** A search query whose matches the card marks in its title (the directory's phone layout). */
  highlight?: string;
  /** The card loaded its policy (e.g. from `src`). */
  onLoad?: (event: ZwLoadEvent<PolicyDocument>) => void;
}

const stop = (event: Event) => event.stopPropagation();

/**
 * A compact `<zw-policy-card>` inside another element (the interpreted policy,
 * related policies). It takes the host's language, theme, appearance and
 * `preview`; its `zw-load`/`zw-error`/`zw-empty` are the host's business and do
 * not bubble out to the page. The host's module must import the card's module
 * (base does not import components). In a `ZwElement`, `this.renderNestedCard({…})`
 * fills in host, lang and scheme.
 */
export function renderNestedCard(options: NestedCardOptions): TemplateResult {
  const { host, onLoad } = options;
  const level = Math.min(6, Math.max(1, Math.round(options.headingLevel) || 2));
  return html`<zw-policy-card
    lang=${options.lang}
    theme=${ifDefined(host.theme)}
    appearance=${ifDefined(host.appearance ?? options.scheme)}
    ?preview=${!!host.preview}
    layout="compact"
    heading-level=${level}
    .data=${options.data}
    .highlight=${options.highlight}
    src=${ifDefined(options.src)}
    @zw-load=${(event: ZwLoadEvent<PolicyDocument>) => {
      stop(event);
      onLoad?.(event);
    }}
    @zw-error=${stop}
    @zw-empty=${stop}
  ></zw-policy-card>`;
}
