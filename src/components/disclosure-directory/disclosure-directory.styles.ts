import { css } from 'lit';
import { columnTreeStyles } from './column-tree.styles.js';

const own = css`
  .directory {
    background: var(--_surface);
  }
  .title {
    font-size: 1.5em;
    line-height: 1.4;
    font-weight: 700;
    margin: 0 0 0.5em;
    padding-block-end: 0.4em;
    border-bottom: 2px solid var(--_primary);
    overflow-wrap: anywhere;
  }
  .rejected {
    margin-block: 0 var(--_space);
  }
  /* a highlighted match: the theme's mark colours (both schemes, every reading theme) and a weight (not colour alone) */
  mark {
    background: var(--_mark);
    color: var(--_mark-text);
    font-weight: 700;
    border-radius: 2px;
  }

  /* search */
  .search {
    position: relative;
    margin-block-end: var(--_space);
  }
  /*
   * Pre-rendered (src/ssr) and read without JavaScript, the element is never defined: the search, the filters and the
   * pager's buttons would be dead. The base hides such controls (.zw-needs-script: display none); here they keep their
   * place, invisible, or the tree and the table would move down by their height when the script arrives (a layout
   * shift). In the search's place a note says what needs the script. The table, the tree and the counts stay.
   */
  :host(:not(:defined)) .search.zw-needs-script,
  :host(:not(:defined)) .filters.zw-needs-script {
    display: block !important;
    visibility: hidden;
  }
  :host(:not(:defined)) .pager ul.zw-needs-script {
    display: flex !important;
    visibility: hidden;
  }
  :host(:not(:defined)) .pager .size.zw-needs-script {
    display: inline-flex !important;
    visibility: hidden;
  }
  .needs-script-note {
    display: none;
  }
  :host(:not(:defined)) .needs-script-note {
    display: flex;
    align-items: center;
    position: absolute;
    inset: 0;
    overflow: hidden;
    margin: 0;
    padding: 0 0.75em;
    visibility: visible;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }

  .search label {
    display: block;
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  /* rows that wrap */
  .search-row,
  .results-head,
  .widen,
  .pager,
  .pager ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .cards,
  .widen,
  .pager ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .search-row button {
    white-space: nowrap;
  }
  input[type='search'] {
    flex: 1 1 12em;
    min-width: 0;
  }
  .search .hint {
    margin: 0.25em 0 0;
    font-size: 0.875em;
  }
  .search .hint,
  .result-count,
  .loading,
  tr.out td,
  tr.out td.c-title a,
  tr.out .entry-button {
    color: var(--_muted);
  }

  /* layout: the tree beside the list when wide, folded above it when narrow */
  .beside .layout {
    display: grid;
    grid-template-columns: minmax(12em, 16em) minmax(0, 1fr);
    gap: var(--_space) calc(var(--_space) * 1.5);
    align-items: start;
  }
  .main,
  .tree {
    min-width: 0;
  }
  .beside .tree {
    position: sticky;
    top: var(--zw-sticky-top, 0);
    max-height: calc(100vh - var(--zw-sticky-top, 0px));
    overflow: auto;
    border-inline-end: 1px solid var(--_border);
    padding-inline-end: 0.5em;
  }
  .tree-title {
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  .folded .tree {
    margin-block-end: var(--_space);
  }
  /* the tree and the filters are <details> in both layouts: folded ones open and close by their summary; wide, always open */
  .beside .tree summary,
  .wide .filters > summary,
  .folded .tree-title {
    display: none;
  }
  /*
   * Pre-rendered (src/ssr), before the script or without it: the server measured no width and wrote the wide layout.
   * On narrower screens these rules give it the folded layout's look — the one the script then chooses for the
   * element's width (the same thresholds in em; a page's own margins may put a few pixels between the two) — so
   * nothing moves when it does. The tree stays open (the script keeps it open), the filters show only their summary.
   */
  @media (max-width: 55.99em) {
    :host(:not(:defined)) .layout {
      display: block;
    }
    :host(:not(:defined)) .tree {
      position: static;
      max-height: none;
      overflow: visible;
      border-inline-end: 0;
      padding-inline-end: 0;
      margin-block-end: var(--_space);
    }
    :host(:not(:defined)) .tree summary {
      display: list-item;
    }
    :host(:not(:defined)) .tree-title {
      display: none;
    }
  }
  @media (max-width: 39.99em) {
    :host(:not(:defined)) .filters > summary {
      display: list-item;
    }
    :host(:not(:defined)) .filters-group {
      display: none;
    }
  }
  details > summary {
    min-height: 44px;
    box-sizing: border-box;
    display: list-item;
    padding-block: 0.45em;
    cursor: pointer;
    font-weight: 700;
    padding-inline: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    list-style-position: inside;
  }
  details > summary .current {
    font-weight: 400;
  }
  details[open] > summary {
    margin-block-end: 0.5em;
  }

  /* filters */
  .filters {
    margin-block-end: var(--_space);
  }
  .filter-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11em), 1fr));
    gap: 0.5em var(--_space);
  }
  .filter {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    min-width: 0;
  }
  .filter label {
    font-weight: 700;
    font-size: 0.875em;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    margin-block-start: 0.25em;
    cursor: pointer;
  }
  .toggle input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
  }

  /* results */
  /* While a search runs the old rows stay readable (dimming them dropped headers and muted text below 4.5:1):
     a bar in the accent colour along their top edge says they are about to change. */
  .results[aria-busy='true'] .table-scroll,
  .results[aria-busy='true'] .cards {
    box-shadow: inset 0 3px 0 var(--_primary);
  }
  .results-head {
    align-items: baseline;
    gap: 0.25em var(--_space);
    margin-block-end: 0.5em;
  }
  .results-title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .result-count {
    margin: 0;
  }

  /* the table scrolls inside its own region, with shadows at the edges while there is more to see */
  .table-scroll,
  .scroller {
    overflow: auto;
    max-width: 100%;
    background:
      linear-gradient(to right, var(--_surface) 30%, transparent) left center / 2em 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 30%, transparent) right center / 2em 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.25), transparent) left center / 0.75em 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.25), transparent) right center / 0.75em 100% no-repeat scroll;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .scroller {
    max-height: 70vh;
    overscroll-behavior: contain;
  }
  .table-scroll:focus-visible,
  .scroller:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    width: 100%;
    min-width: 48em;
    border-collapse: collapse;
    /* seven columns beside the tree at 1280 px: a little smaller than body text, never below 15 px */
    font-size: max(0.9375em, 15px);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.45em;
    border-bottom: 1px solid var(--_border);
  }
  th {
    background: var(--_subtle);
    font-weight: 700;
    white-space: nowrap;
    position: sticky;
    top: 0;
    z-index: 1;
  }
  /* English headers (Publication date, Document number) wrap between words; Chinese ones stay whole */
  :host(:lang(en)) th {
    white-space: normal;
  }
  th[aria-sort]::after {
    content: ' ▼';
    font-size: 0.75em;
  }
  th[aria-sort='ascending']::after {
    content: ' ▲';
  }
  .c-title {
    min-width: 12em;
  }
  /* 索引号 breaks only after its 机构代码/ (a <wbr> there), never inside a number */
  .c-index {
    word-break: keep-all;
    overflow-wrap: normal;
  }
  /* wide enough for 〔2019〕12号 on one line, so a 发文字号 breaks after its 机关代字, not inside 12号 */
  .c-docno {
    overflow-wrap: break-word;
    min-width: 7.5em;
  }
  .c-issuer {
    min-width: 6em;
  }
  .c-validity {
    white-space: nowrap;
  }
  td.c-title a,
  .entry-button,
  .entry-name {
    display: inline-block;
    padding-block: 0.25em;
    min-height: 24px;
  }
  .entry-button {
    font: inherit;
    text-align: start;
    border: 0;
    padding-inline: 0;
    background: none;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  tr.spacer td {
    padding: 0;
    border: 0;
  }

  /* phones: compact cards */
  .cards {
    display: grid;
    gap: 0.75em;
  }

  /* nothing found */
  .no-results {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .no-results p {
    margin: 0 0 0.5em;
  }
  .no-results-text {
    font-weight: 700;
  }
  .widen .zw-button {
    max-width: 100%;
    text-align: start;
  }
  .remote-error {
    margin-block-end: 0.75em;
  }
  .remote-error code {
    overflow-wrap: anywhere;
  }

  /* pager */
  .pager {
    align-items: center;
    gap: 0.5em var(--_space);
    margin-block-start: var(--_space);
  }
  .pager ul {
    gap: 0.35em;
  }
  .pager .page {
    min-width: 44px;
    padding: 0 0.5em;
  }
  .pager .page[aria-current='page'] {
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 700;
  }
  .pager .zw-button:disabled {
    border-color: var(--_border);
    color: var(--_muted);
    cursor: default;
  }
  .pager .gap {
    align-self: center;
    padding-inline: 0.25em;
  }
  .pager .size {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .pager .page[aria-current='page'] {
      border-width: 3px;
    }
  }
  @media print {
    .search,
    .filters,
    .tree,
    .pager {
      display: none;
    }
    .table-scroll,
    .scroller {
      max-height: none;
      overflow: visible;
    }
  }
`;

export const disclosureDirectoryStyles = [columnTreeStyles, own];
