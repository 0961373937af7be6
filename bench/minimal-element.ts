// The shared base, measured: a ZwElement subclass with the same Lit and base imports as an
// element and nothing of its own. scripts/bench-compare.mjs subtracts its size from <zw-policy-compare>'s
// to get what the compare element adds to a page that already loads the base.
import { html } from 'lit';
import { ZwElement } from '../src/base/zw-element.js';
import { defineElement } from '../src/base/define.js';

export class ZwBenchMinimal extends ZwElement<'comparison'> {
  protected readonly kind = 'comparison' as const;
  protected renderDocument() {
    return html`<p></p>`;
  }
}
defineElement('zw-bench-minimal', ZwBenchMinimal);
