import { READER_THEMES } from '../core/reader/themes.js';
import type { ColorTheme, ReaderTheme } from '../core/reader/themes.js';
import { READING_CHANGE } from './reading.js';

/** What `<zw-reader>` (or a portal script) publishes for the whole page; see ./reading.ts for the mechanism. */
export interface PageReading {
  textScale: number;
  colorTheme: ColorTheme;
}

const TOKENS: readonly (keyof Omit<ReaderTheme, 'scheme'>)[] = ['text', 'surface', 'muted', 'link', 'primary', 'border', 'subtle', 'focus', 'mark', 'markText'];
const propertyOf = (token: string) => `--zw-reading-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Applies `settings` to the page (or removes them all with `null`) and tells the elements. */
export function publishReading(settings: PageReading | null): void {
  const root = document.documentElement;
  const style = root.style;
  if (settings && settings.textScale !== 1) style.setProperty('--zw-text-scale', String(settings.textScale));
  else style.removeProperty('--zw-text-scale');
  const theme = settings && settings.colorTheme !== 'default' ? READER_THEMES[settings.colorTheme] : undefined;
  for (const token of TOKENS) {
    if (theme) style.setProperty(propertyOf(token), theme[token]);
    else style.removeProperty(propertyOf(token));
  }
  if (theme) {
    style.setProperty('--zw-reading-scheme', theme.scheme);
    root.setAttribute('data-zw-color-theme', settings!.colorTheme);
  } else {
    style.removeProperty('--zw-reading-scheme');
    root.removeAttribute('data-zw-color-theme');
  }
  document.dispatchEvent(new Event(READING_CHANGE));
}
