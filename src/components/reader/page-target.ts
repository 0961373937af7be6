import { readingVars, setVars } from './reader.styles.js';
import type { ReaderPrefs } from '../../core/reader/prefs.js';

const ATTR = 'data-zw-reader-target';
const T = `[${ATTR}]`;
const TEXT = ['p', 'li', 'dd', 'dt', 'td', 'th', 'blockquote', 'figcaption', 'caption', 'span', 'a', 'strong', 'em', 'b', 'i', 'div', 'section', 'article', 'font', 'small', 'big'];
const BLOCKS = ['p', 'ul', 'ol', 'dl', 'blockquote', 'figure', 'table', 'pre'];

/**
 * The rules for a page article the reader is pointed at (`for="id"`). Written with `!important` and a doubled
 * attribute selector: portal stylesheets set sizes on every `p` and `span` (`font-size: 14px !important` is common),
 * and the reader's choice must win. They read the custom properties `readingVars` writes on the article, so only
 * the values change, never the sheet. Colours apply only while a colour theme is chosen (`data-zw-color-theme`).
 */
const RULES = `
${T}${T} {
  font-size: var(--zw-r-size) !important;
  line-height: var(--zw-r-line-height) !important;
  letter-spacing: var(--zw-r-letter-spacing) !important;
  overflow-wrap: anywhere;
}
${T}[data-zw-reader-font] { font-family: var(--zw-r-font) !important; }
${TEXT.map((t) => `${T} ${t}`).join(', ')} {
  font-size: inherit !important;
  line-height: inherit !important;
  letter-spacing: inherit !important;
}
${T}[data-zw-reader-font] * { font-family: inherit !important; }
${T} h1 { font-size: 1.6em !important; line-height: 1.4 !important; }
${T} h2 { font-size: 1.35em !important; line-height: 1.4 !important; }
${T} h3 { font-size: 1.2em !important; line-height: 1.45 !important; }
${T} h4, ${T} h5, ${T} h6 { font-size: 1.05em !important; line-height: 1.5 !important; }
${BLOCKS.map((t) => `${T} ${t}`).join(', ')} { margin-block-end: var(--zw-r-paragraph-gap) !important; }
${['p', 'li', 'dd', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t) => `${T} ${t}`).join(', ')} { max-width: var(--zw-r-measure); }
${T} img { max-width: 100%; height: auto; }
${T} table { overflow-wrap: normal; }
html[data-zw-color-theme] ${T} { color: var(--zw-reading-text) !important; background-color: var(--zw-reading-surface) !important; }
html[data-zw-color-theme] ${T} * { color: inherit !important; background-color: transparent !important; border-color: var(--zw-reading-border) !important; }
html[data-zw-color-theme] ${T} a[href] { color: var(--zw-reading-link) !important; }
${T} [data-zw-point] { cursor: pointer; }
${T} [data-zw-point]:focus { outline: 3px solid var(--zw-reading-focus, #1a5fd0); outline-offset: 2px; }
${T} [data-zw-reading] { outline: 0.2em solid var(--zw-reading-mark, #fff1a8); outline-offset: 0.15em; scroll-margin-block: 1em; }
${T}[data-zw-reader-no-highlights] [data-zw-reading] { outline: none; background-color: var(--zw-reading-mark, #fff1a8) !important; color: var(--zw-reading-mark-text, #1f1f1f) !important; }
${T}::highlight(zw-reading), ${T} ::highlight(zw-reading) { background-color: var(--zw-reading-mark, #fff1a8); color: var(--zw-reading-mark-text, #1f1f1f); }
@media (forced-colors: active) {
  html[data-zw-color-theme] ${T}, html[data-zw-color-theme] ${T} * { color: CanvasText !important; background-color: Canvas !important; border-color: CanvasText !important; }
  html[data-zw-color-theme] ${T} a[href] { color: LinkText !important; }
  ${T} [data-zw-reading] { outline-color: Highlight; }
  ${T}[data-zw-reader-no-highlights] [data-zw-reading] { background-color: Highlight !important; color: HighlightText !important; }
  ${T}::highlight(zw-reading), ${T} ::highlight(zw-reading) { background-color: Highlight; color: HighlightText; }
}
@media print {
  ${T}, ${T} * { color: #000 !important; background: #fff !important; }
  ${T} [data-zw-reading] { outline: none; }
  ${T} a[href]:not([href^='#'])::after { content: ' (' attr(href) ')'; font-size: 0.85em; }
}
`;

/** Whether the browser paints CSS custom highlights (speech.ts marks the sentence with one; without, the unit is marked whole). */
export const HIGHLIGHTS = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';

/** One sheet per document, shared by every reader on it (constructable: no `<style>` element, which a strict CSP blocks). */
const sheets = new WeakMap<Document, CSSStyleSheet>();

function adoptSheet(doc: Document): boolean {
  if (sheets.has(doc)) return true;
  if (!('adoptedStyleSheets' in doc) || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return false;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(RULES);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  sheets.set(doc, sheet);
  return true;
}

/** The language of `element`: its nearest `lang`, through shadow roots (closest() stops at one), else the page's. */
export function languageOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) {
    const lang = node.getAttribute('lang');
    if (lang !== null) return lang;
  }
  return element.ownerDocument.documentElement.lang ?? '';
}

/** Whether the text of `element` is Chinese, Japanese or Korean (its line width is measured in em, not ch). */
export function isCjk(element: Element): boolean {
  const lang = languageOf(element);
  return lang === '' || /^(zh|ja|ko)\b/i.test(lang);
}

/**
 * The page's article a reader placed with `for="id"` acts on: marked `data-zw-reader-target`, styled through the
 * document's constructable stylesheet, and given the reader's settings as custom properties (CSSOM).
 */
export class PageTarget {
  private applied: string[] = [];

  constructor(readonly element: HTMLElement) {
    adoptSheet(element.ownerDocument);
    element.setAttribute(ATTR, '');
    element.toggleAttribute('data-zw-reader-no-highlights', !HIGHLIGHTS);
  }

  apply(prefs: ReaderPrefs): void {
    const vars = readingVars(prefs, isCjk(this.element));
    setVars(this.element, vars);
    this.applied = Object.keys(vars);
    this.element.toggleAttribute('data-zw-reader-font', prefs.font !== 'default');
  }

  /** Gives the article back as it was (the sheet stays: another reader may use it; it matches nothing unmarked). */
  release(): void {
    for (const name of this.applied) this.element.style.removeProperty(name);
    if (!this.element.getAttribute('style')) this.element.removeAttribute('style');
    this.element.removeAttribute(ATTR);
    this.element.removeAttribute('data-zw-reader-font');
    this.element.removeAttribute('data-zw-reader-no-highlights');
  }
}
