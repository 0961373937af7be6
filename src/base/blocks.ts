import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Block } from '../schema/types.generated.js';

export interface BlockOptions {
  /** aria-level of a heading block with `level: 1` (deeper levels add to it, up to 6). */
  headingLevel: number;
  /** Renders a run of plain text, e.g. marking glossary terms; plain text by default. */
  text?: (text: string) => unknown;
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
      case 'table':
        // A scrollable region must be reachable by keyboard (tabindex) and named.
        return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${block.caption ?? msg('表格')}>
          <table>
            ${block.caption ? html`<caption>${block.caption}</caption>` : nothing}
            ${block.head?.length ? html`<thead><tr>${block.head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>` : nothing}
            <tbody>${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${text(cell)}</td>`)}</tr>`)}</tbody>
          </table>
        </div>`;
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
  .table-wrap {
    overflow-x: auto;
    margin: 0 0 1em;
    max-width: 100%;
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
  th,
  td {
    min-width: 4em; /* short CJK columns must not wrap every two characters */
    border: 1px solid var(--_border);
    padding: 0.4em 0.6em;
    text-align: start;
    vertical-align: top;
  }
  th {
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
