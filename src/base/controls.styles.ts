import { css } from 'lit';

/**
 * Form controls inside the elements (the directory's search box and filters, the interpretation's FAQ filter,
 * the comparison's version pickers): the element's own font, 44 px targets, theme colours in both schemes,
 * the 3 px focus ring. Layout (widths, flex) stays with each element.
 */
export const controlStyles = css`
  select,
  input:not([type='checkbox']):not([type='radio']) {
    font: inherit;
    min-height: 44px;
    max-width: 100%;
    box-sizing: border-box;
    padding: 0 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  input:not([type='checkbox']):not([type='radio']) {
    padding: 0 0.75em;
  }
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
