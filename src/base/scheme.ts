/** The colours an element uses: `dark` applies the dark tokens under `.zw-root[data-scheme='dark']`. */
export type Scheme = 'light' | 'dark';

/** `appearance` attribute: `light` (forced), `dark` (forced), `auto` (the reader's system setting). */
export type Appearance = 'light' | 'auto' | 'dark';

let dark: MediaQueryList | undefined;
/** One query object for the page: elements read it at every update. */
const darkQuery = () => (dark ??= matchMedia('(prefers-color-scheme: dark)'));

/**
 * The scheme for `element`. An embedded element matches the page it sits in, not only the
 * reader's system: a white portal page keeps light elements even when the system is dark.
 * - `appearance="light"` / `"dark"` force it; `"auto"` follows `prefers-color-scheme`;
 * - otherwise the page's own `color-scheme` at the element (an inherited property):
 *   `dark` → dark, `light dark` → follow `prefers-color-scheme`, anything else → light.
 */
export function resolveScheme(element: Element, appearance: string | undefined): Scheme {
  if (appearance === 'light' || appearance === 'dark') return appearance;
  if (appearance === 'auto') return darkQuery().matches ? 'dark' : 'light';
  const words = getComputedStyle(element).colorScheme.split(/\s+/);
  if (!words.includes('dark')) return 'light';
  return words.includes('light') ? (darkQuery().matches ? 'dark' : 'light') : 'dark';
}

/** Calls `listener` when the reader's system switches between light and dark; returns the unsubscribe. */
export function onSystemSchemeChange(listener: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
