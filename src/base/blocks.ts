import { css, html, nothing, type TemplateResult } from 'lit';
import { directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { AsyncDirective } from 'lit/async-directive.js';
import { msg } from '@lit/localize';
import type { Block } from '../schema/types.generated.js';

export interface BlockOptions {
  /** aria-level of a heading block with `level: 1` (deeper levels add to it, up to 6). */
  headingLevel: number;
  /** Renders a run of plain text, e.g. marking glossary terms; plain text by default. */
  text?: (text: string) => unknown;
}

type Cell = string | number;
/** How a table column is laid out: numbers narrow and right-aligned, short text kept on one line, the longest text widest. */
export type ColumnKind = 'number' | 'short' | 'text' | 'long';

/** Up to this many characters a cell stays on one line (dates like 2021年底, names of offices). */
const SHORT = 8;
const isNumeric = (cell: Cell) => typeof cell === 'number' || /^[-+−]?[\d,.]+%?$/.test(cell.trim());

/**
 * The kind of each column, from its cells: all numbers (or empty) → `number`;
 * nothing longer than a few characters → `short`; the column with the longest
 * text → `long` (it gets the width); others `text`.
 */
export function columnKinds(rows: readonly (readonly Cell[])[]): ColumnKind[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const longest = Array.from({ length: count }, (_, c) => Math.max(0, ...rows.map((r) => String(r[c] ?? '').length)));
  const widest = longest.indexOf(Math.max(...longest));
  return longest.map((length, c) => {
    const cells = rows.map((r) => r[c]).filter((cell): cell is Cell => cell !== undefined && cell !== '');
    if (cells.length && cells.every(isNumeric)) return 'number';
    // The widest text gets the room; so do row labels (a first column of text), however short, so they are never the narrowest.
    if (c === widest && (length > SHORT || c === 0)) return 'long';
    return length <= SHORT ? 'short' : 'text';
  });
}

/**
 * Marks a scroll region whose content is wider than it: sets `data-overflow`
 * on it and shows the hint just before it, and keeps both true while either
 * is resized. (An element part directive: no inline styles, CSP-safe.)
 */
class OverflowCue extends AsyncDirective {
  private observer?: ResizeObserver;
  private region?: HTMLElement;
  private frame = 0;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('overflowCue() goes on an element');
  }

  render() {
    return nothing;
  }

  override update(part: ElementPart) {
    if (!this.region) {
      this.region = part.element as HTMLElement;
      this.observe();
    }
    return nothing;
  }

  protected override disconnected() {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
  }

  protected override reconnected() {
    this.observe();
  }

  private observe() {
    const region = this.region;
    if (!region || this.observer || typeof ResizeObserver === 'undefined') return;
    // Checked in the next frame: changing layout inside the observer's callback raises "ResizeObserver loop" errors.
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.check(region));
    });
    this.observer.observe(region);
    if (region.firstElementChild) this.observer.observe(region.firstElementChild);
  }

  private check(region: HTMLElement) {
    // CSSOM, not a style attribute (CSP): the caption stays as wide as what is visible, not as the table.
    region.style.setProperty('--_region-width', `${region.clientWidth}px`);
    const overflow = region.scrollWidth > region.clientWidth + 1;
    region.toggleAttribute('data-overflow', overflow);
    const hint = region.previousElementSibling;
    if (hint instanceof HTMLElement && hint.classList.contains('table-hint')) hint.hidden = !overflow;
  }
}
const overflowCue = directive(OverflowCue);

/**
 * A table in a named, keyboard-reachable scroll region. When the table is
 * wider than the region (phones), the region shows a shadow at the edge that
 * hides more and a hint to swipe, so no column is cut off without a cue.
 */
export function tableRegion(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll">
    <p class="table-hint" aria-hidden="true" hidden>${msg('左右滑动查看更多')}<span class="table-hint-arrow">→</span></p>
    <div class="table-wrap" tabindex="0" role="region" aria-label=${label} ${overflowCue()}>${table}</div>
  </div>`;
}

/**
 * Renders the body block model (heading, paragraph, list, table, note) shared
 * by every document kind. Text is always text: Lit escapes it; no HTML is parsed.
 */
export function renderBlocks(blocks: readonly Block[], options: BlockOptions): TemplateResult {
  const text = options.text ?? ((t: string) => t);
  return html`${blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return html`<div class="block-heading" role="heading" aria-level=${Math.min(6, options.headingLevel + (block.level ?? 1) - 1)}>${text(block.text)}</div>`;
      case 'paragraph':
        return html`<p>${text(block.text)}</p>`;
      case 'list':
        return block.ordered
          ? html`<ol>${block.items.map((item) => html`<li>${text(item)}</li>`)}</ol>`
          : html`<ul>${block.items.map((item) => html`<li>${text(item)}</li>`)}</ul>`;
      case 'table': {
        const kinds = columnKinds(block.rows);
        // A scrollable region must be reachable by keyboard (tabindex) and named.
        return tableRegion(
          block.caption ?? msg('表格'),
          html`<table>
            ${block.caption ? html`<caption>${block.caption}</caption>` : nothing}
            ${
              block.head?.length
                ? html`<thead><tr>${block.head.map((cell, c) => html`<th scope="col" class="col-${kinds[c] ?? 'text'} ${cell.length > 4 ? 'head-long' : ''}">${cell}</th>`)}</tr></thead>`
                : nothing
            }
            <tbody>${block.rows.map((row) => html`<tr>${row.map((cell, c) => html`<td class="col-${kinds[c] ?? 'text'}">${text(cell)}</td>`)}</tr>`)}</tbody>
          </table>`,
        );
      }
      case 'note':
        return html`<div class="block-note" role="note">
          ${block.title ? html`<div class="block-note-title">${text(block.title)}</div>` : nothing}
          <p>${text(block.text)}</p>
        </div>`;
      default:
        return nothing;
    }
  })}`;
}

export const blockStyles = css`
  .block-heading {
    font-weight: 700;
    margin: 1em 0 0.35em;
  }
  p {
    margin: 0 0 0.75em;
  }
  ul,
  ol {
    margin: 0 0 0.75em;
    padding-inline-start: 1.75em;
  }
  li + li {
    margin-block-start: 0.3em;
  }
  .table-scroll {
    margin: 0 0 1em;
    max-width: 100%;
  }
  .table-hint {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    color: var(--_muted);
    text-align: end;
  }
  .table-hint[hidden] {
    display: none;
  }
  .table-hint-arrow {
    margin-inline-start: 0.25em;
  }
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
    /* where the table is wider than its box: a shadow at each edge that hides more; covered by the
       surface colour once scrolled to that edge (background-attachment local vs scroll) */
    background:
      linear-gradient(to right, var(--_bg, var(--_surface)) 30%, transparent) left center / 2.5em 100% no-repeat local,
      linear-gradient(to left, var(--_bg, var(--_surface)) 30%, transparent) right center / 2.5em 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.3), transparent) left center / 0.9em 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.3), transparent) right center / 0.9em 100% no-repeat scroll;
  }
  .table-wrap[data-overflow] {
    border-inline: 1px dashed var(--_border);
  }
  table {
    border-collapse: collapse;
    min-width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.35em;
  }
  .table-wrap[data-overflow] caption {
    position: sticky;
    left: 0;
    max-width: var(--_region-width, 100%);
    box-sizing: border-box;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.4em 0.6em;
    text-align: start;
    vertical-align: top;
  }
  th {
    background: var(--_subtle);
  }
  /* column widths from the content: numbers narrow, short text whole, the long text column widest */
  .col-number {
    width: 1%; /* as narrow as its content: the room goes to the text columns */
  }
  td.col-number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  th.col-number {
    white-space: nowrap; /* a short heading (序号, 总计) stays on one line */
  }
  th.col-number.head-long {
    white-space: normal;
    min-width: 4.5em; /* a long heading wraps in a few lines, not one character a line */
  }
  td.col-short,
  th.col-short {
    white-space: nowrap;
  }
  .col-text {
    min-width: 6em;
  }
  .col-long {
    min-width: min(12em, 45vw);
  }
  /* a wide table's row labels stay in view while its figures scroll */
  .table-wrap[data-overflow] th.col-long:first-child,
  .table-wrap[data-overflow] td.col-long:first-child {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--_bg, var(--_surface));
    box-shadow: inset -1px 0 0 var(--_border), 4px 0 6px -4px rgb(0 0 0 / 0.3);
  }
  .table-wrap[data-overflow] th.col-long:first-child {
    background: var(--_subtle);
  }
  .block-note {
    border-inline-start: 4px solid var(--_primary);
    background: var(--_subtle);
    padding: 0.6em 1em;
    margin: 0 0 1em;
  }
  .block-note p {
    margin: 0;
  }
  .block-note-title {
    font-weight: 700;
  }
`;
