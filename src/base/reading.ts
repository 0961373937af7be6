import type { Scheme } from './scheme.js';

/**
 * Page-wide reading settings: how every zw element on a page follows the text size and colour theme the
 * reader (`<zw-reader>`) chose, without zooming the page.
 *
 * The mechanism is plain CSS custom properties on `<html>` — inherited into every shadow root — so it
 * works across separately bundled copies of the library and a portal can set the same properties in its
 * own CSS:
 * - `--zw-text-scale`: a factor (1–3) on every element's text size (`--zw-font-size`);
 * - `--zw-reading-text`, `-surface`, `-muted`, `-link`, `-primary`, `-border`, `-subtle`, `-focus`, `-mark`,
 *   `-mark-text`: colour tokens that replace the element's own (light or dark) ones;
 * - `--zw-reading-scheme`: `light` or `dark`, the scheme the element switches to (form controls, the tokens
 *   not listed above).
 * `data-zw-color-theme` on `<html>` names the theme for the portal's own CSS. After each change
 * `zw-reading-change` is dispatched on `document`: elements re-read the scheme (CSS cannot report it).
 */
export const READING_CHANGE = 'zw-reading-change';

// Writing the settings (publishReading, with the theme palettes) is in ./reading-publish.ts: only the reader and
// portal scripts need it, and every element would otherwise carry the palettes.

/** The scheme the page's reading settings ask of `element`, if any. */
export function readingScheme(element: Element): Scheme | undefined {
  const value = getComputedStyle(element).getPropertyValue('--zw-reading-scheme').trim();
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** Calls `listener` after each change of the page's reading settings; returns the unsubscribe. */
export function onReadingChange(listener: () => void): () => void {
  document.addEventListener(READING_CHANGE, listener);
  return () => document.removeEventListener(READING_CHANGE, listener);
}
