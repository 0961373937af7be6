import { css } from 'lit';

/** The column tree (./column-tree.ts). Colours are theme tokens, so the dark scheme and forced colours follow them. */
export const columnTreeStyles = css`
  /* each open node's group follows it; nesting the groups indents the levels */
  .zw-column-tree [role='group'] {
    padding-inline-start: 1em;
  }
  .zw-column-tree .row {
    display: flex;
    align-items: center;
    min-height: 44px;
    padding-inline-end: 0.5em;
    border-inline-start: 4px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
    line-height: 1.4;
  }
  .zw-column-tree .row:hover {
    background: var(--_subtle);
  }
  .zw-column-tree .row:focus {
    outline: none;
  }
  .zw-column-tree .row:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  /* Selected: a bar and bold text, not colour alone (the bar stays in forced colours). */
  .zw-column-tree [aria-selected='true'] {
    border-inline-start-color: var(--_primary);
    background: var(--_subtle);
    font-weight: 700;
  }
  .zw-column-tree .twisty {
    flex: none;
    align-self: stretch;
    width: 44px;
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .zw-column-tree [aria-expanded] > .twisty::before {
    content: '';
    width: 0.45em;
    height: 0.45em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(-45deg);
  }
  .zw-column-tree [aria-expanded='true'] > .twisty::before {
    transform: rotate(45deg);
  }
  .zw-column-tree .name {
    flex: 1 1 auto;
    min-width: 0;
    padding-block: 0.4em;
    overflow-wrap: anywhere;
  }
  .zw-column-tree .count {
    flex: none;
    margin-inline-start: 0.25em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  /* Empty columns stay findable but recede (muted still passes 4.5:1 on surface and subtle, in both schemes). */
  .zw-column-tree .none {
    color: var(--_muted);
  }
  .zw-root[data-scheme='dark'] .zw-column-tree [aria-selected='true'] {
    background: #303036;
  }
  /* forced colours draw even a transparent border: only the selected row keeps its bar */
  @media (forced-colors: active) {
    .zw-column-tree .row {
      border-inline-start-color: Canvas;
    }
    .zw-column-tree [aria-selected='true'] {
      border-inline-start-color: Highlight;
    }
  }
`;
