import { css } from 'lit';
import type { ReaderFont, ReaderPrefs } from '../../core/reader/prefs.js';

/**
 * System font stacks for the font choice (黑体 / 宋体 / 楷体): Windows, macOS and Linux (Noto CJK, AR PL) names,
 * nothing downloaded. `default` keeps the element's own stack (`--zw-font-family`).
 */
export const FONT_STACKS: Readonly<Record<Exclude<ReaderFont, 'default'>, string>> = {
  hei: `SimHei, 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif`,
  song: `SimSun, 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', STSong, serif`,
  kai: `KaiTi, 'Kaiti SC', STKaiti, 'AR PL UKai CN', 'AR PL UKai', serif`,
};

/** The text size the reader starts from (×`textScale`): 18 px, the 适老化 minimum for body text. */
export const READING_SIZE = 18;

/**
 * The custom properties that carry the reader's text settings to the content it styles: the shadow content
 * (reader.styles below) and a page article in `for` mode (./page-target.ts) read the same ones.
 *
 * Line width: `lineWidth` counts characters. A Han character is one em wide (plus the letter spacing), so CJK
 * content measures in em (40 characters ≈ 40 em, the 35–40 字 a line Chinese typesetting recommends); Latin text
 * measures in `ch` (the width of "0", about one average letter). Paragraph spacing is `paragraphSpacing` × the
 * line height, as a bottom margin (适老化: paragraph spacing ≥ 1.3 × line spacing).
 */
export function readingVars(p: ReaderPrefs, cjk: boolean): Record<string, string | undefined> {
  const round = (n: number) => String(Math.round(n * 1000) / 1000);
  const measure = cjk ? `${round(p.lineWidth * (1 + p.letterSpacing))}em` : `calc(${p.lineWidth}ch + ${round(p.lineWidth * p.letterSpacing)}em)`;
  return {
    '--zw-r-size': `calc(var(--zw-reader-font-size, ${READING_SIZE}px) * ${round(p.textScale)})`,
    '--zw-r-line-height': round(p.lineHeight),
    '--zw-r-letter-spacing': `${round(p.letterSpacing)}em`,
    '--zw-r-paragraph-gap': `${round(p.paragraphSpacing * p.lineHeight)}em`,
    '--zw-r-measure': measure,
    '--zw-r-font': p.font === 'default' ? undefined : FONT_STACKS[p.font],
  };
}

/** Sets (or removes, for undefined) the reading custom properties on an element, through CSSOM (allowed under a strict CSP). */
export function setVars(element: HTMLElement, vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) element.style.removeProperty(name);
    else element.style.setProperty(name, value);
  }
}

export const readerStyles = css`
  .reader {
    --_target: 44px;
    background: var(--_surface);
    color: var(--_text);
  }
  /* 适老化: 60 px targets */
  .reader.elderly {
    --_target: 60px;
  }

  /* ── Toolbar ─────────────────────────────────────────────────────────── */
  .toolbar {
    /* above the reading aids' layer: the ruler never dims the controls that turn it off */
    position: relative;
    z-index: 5;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    padding: 0.5em;
    margin: 0 0 var(--_space);
  }
  /*
   * On a roomy screen the toolbar stays in view; on a phone it scrolls away with the page, so it never covers the
   * text. So does a toolbar taller than about a third of the window (large text, the settings open: data-tall, set
   * by the reader from its measured height).
   */
  @media (min-width: 48em) and (min-height: 36em) {
    .toolbar {
      position: sticky;
      top: var(--zw-sticky-top, 0px);
    }
    .toolbar[data-tall] {
      position: relative;
    }
    /* the sentence being read is scrolled clear of the sticky toolbar (its height is measured: --zw-r-toolbar) */
    .content [data-zw-reading] {
      scroll-margin-block-start: calc(var(--zw-sticky-top, 0px) + var(--zw-r-toolbar, 6em) + 0.5em);
    }
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .group {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em;
  }
  /* A−, the size, A+ read as one control: never split over two lines */
  .group.size {
    flex-wrap: nowrap;
  }
  /*
   * On a phone the toolbar's own text grows to 1.5× at most while the text being read goes up to 3×: the controls
   * stay compact and in reach (browser zoom still enlarges them, and the text itself is what is read).
   */
  @media (max-width: 40em) {
    .toolbar {
      font-size: calc(var(--zw-font-size, 16px) * min(var(--zw-text-scale, 1), 1.5));
    }
  }
  /*
   * toolbar="fixed" in for mode: pinned to the bottom of the window (the reader gives the page as much room below);
   * a tall one (the settings open) scrolls inside itself, never covering more than half the window.
   */
  /*
   * Pre-rendered (src/ssr) and read without JavaScript, the element is never defined: the toolbar's controls would
   * be dead. The base hides such controls (.zw-needs-script: display none); the toolbar keeps its place instead,
   * invisible, or the text would move down by its height when the script arrives (a layout shift). In its place a
   * note says what needs the script. Browsers without declarative shadow DOM get the fallback copy (src/ssr).
   */
  :host(:not(:defined)) .toolbar.zw-needs-script {
    display: block !important;
    visibility: hidden;
  }
  .needs-script-note {
    display: none;
  }
  :host(:not(:defined)) .needs-script-note {
    display: flex;
    align-items: center;
    position: absolute;
    top: 0;
    right: 0;
    bottom: 0;
    left: 0;
    overflow: hidden;
    margin: 0;
    padding: 0 0.75em;
    visibility: visible;
    border: inherit;
    border-radius: inherit;
    background: inherit;
    color: var(--_text);
  }
  .reader.pinned .toolbar {
    position: fixed;
    top: auto;
    left: 0;
    right: 0;
    bottom: 0;
    margin: 0;
    max-height: 50vh;
    overflow-y: auto;
    border-radius: 0;
    border-width: 1px 0 0;
  }
  .tb {
    min-height: var(--_target);
    min-width: var(--_target);
    box-sizing: border-box;
    font: inherit;
    line-height: 1.2;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
    text-align: center;
  }
  .tb:hover {
    text-decoration: underline;
  }
  .tb[aria-pressed='true'],
  .tb[aria-expanded='true'] {
    background: var(--_primary);
    color: var(--_surface);
  }
  /* forced colours paint every button Canvas on Canvas: a pressed or open one keeps its state, and its label, in the system's highlight */
  @media (forced-colors: active) {
    .tb[aria-pressed='true'],
    .tb[aria-expanded='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    .content [data-zw-reading] {
      outline-color: Highlight;
    }
    ::highlight(zw-reading) {
      background-color: Highlight;
      color: HighlightText;
    }
  }
  .tb:disabled {
    cursor: not-allowed;
    border-style: dashed;
  }
  .size-value {
    min-width: 3.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
  .status {
    margin: 0.5em 0 0;
    color: var(--_text);
  }
  .status:empty {
    display: none;
  }
  .panel {
    margin: 0.75em 0 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr));
    gap: 0.75em 1em;
    align-items: end;
  }
  .panel[hidden] {
    display: none;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .field label {
    font-weight: 700;
  }
  .field select {
    width: 100%;
    min-height: var(--_target);
  }
  .toggles {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .toggles legend {
    font-weight: 700;
    padding: 0;
    margin-bottom: 0.25em;
  }
  .note {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_muted);
  }
  .toc-list {
    margin: 0.75em 0 0;
    padding-inline-start: 1.5em;
    max-height: 50vh;
    overflow-y: auto;
  }
  .toc-list[hidden] {
    display: none;
  }
  .toc-list a {
    display: inline-block;
    min-height: var(--_target);
    padding: 0.35em 0.25em;
    box-sizing: border-box;
  }
  .toc-list .toc-2 {
    margin-inline-start: 1em;
  }
  .toc-list .toc-3 {
    margin-inline-start: 2em;
  }
  .toc-list a[aria-current] {
    font-weight: 700;
    color: var(--_text);
    text-decoration-thickness: 3px;
  }
  .toc-list a[aria-current]::before {
    content: '▶ ';
    color: var(--_primary);
  }

  /* ── Help dialog ─────────────────────────────────────────────────────── */
  dialog {
    /* margins and padding in px: at 200% text on a phone, em-sized ones would take a third of the width */
    max-width: min(40em, calc(100vw - 24px));
    max-height: calc(100vh - 24px);
    box-sizing: border-box;
    overflow: auto;
    padding: 16px;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .help-title {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  /* what each shortcut does, its keys beside it; where large text leaves no room (a phone at 200%) the keys go under
     their description instead of squeezing it to two characters a line */
  .keys {
    margin: 0 0 1em;
  }
  .keys > div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1em;
    padding: 0.35em 0;
    border-bottom: 1px solid var(--_border);
  }
  .keys dt {
    flex: 1 1 6em;
  }
  .keys dd {
    margin: 0;
  }
  /* breaks only where toolbar.ts puts a <wbr> (after each +) */
  kbd {
    font: inherit;
    font-weight: 700;
    overflow-wrap: normal;
    word-break: keep-all;
  }

  /* ── Content ─────────────────────────────────────────────────────────
     The text column keeps the chosen line width (--zw-r-measure), centred; a table may use the reader's whole
     width (a 5-column table squeezed into 40 characters helps no one) and scrolls in its own region below that. */
  .content {
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    /* the fallback (before the script sets the variables, or without it: pre-rendered pages) is what it sets for 100% */
    font-size: var(--zw-r-size, var(--zw-reader-font-size, 18px));
    line-height: var(--zw-r-line-height, 1.8);
    letter-spacing: var(--zw-r-letter-spacing, 0);
    font-family: var(--zw-r-font, var(--_font));
    color: var(--_text);
    background: var(--_surface);
    /* a long URL or number breaks rather than widening the page (tables keep theirs and scroll in their region) */
    overflow-wrap: anywhere;
    /* never text against the screen's edge on a phone */
    padding-inline: max(12px, min(4vw, 24px));
  }
  .content p,
  .content ul,
  .content ol,
  .content dl,
  .content blockquote,
  .content figure,
  .content pre,
  .content .block-note {
    box-sizing: border-box;
    max-width: var(--zw-r-measure, 40em);
    margin-inline: auto;
  }
  /* a heading's em is larger (its font-size): its column is the same width in the text's em */
  .content .doc-title {
    font-size: 1.45em;
    line-height: 1.4;
    font-weight: 700;
    margin-block: 0 0.5em;
    max-width: calc(var(--zw-r-measure, 40em) / 1.45);
    margin-inline: auto;
  }
  .content .block-heading,
  .content h1,
  .content h2,
  .content h3,
  .content h4,
  .content h5,
  .content h6 {
    font-size: 1.15em;
    line-height: 1.5;
    font-weight: 700;
    margin-block: 1.2em 0.6em;
    max-width: calc(var(--zw-r-measure, 40em) / 1.15);
    margin-inline: auto;
  }
  .content table {
    overflow-wrap: normal;
  }
  .content .doc-no {
    color: var(--_muted);
    text-align: center;
  }
  /*
   * Paragraph spacing: one gap (--zw-r-paragraph-gap = paragraph spacing × line height) between blocks, never
   * two. Sections are contained (content-visibility), so margins do not collapse through them: a section's
   * first and last blocks give theirs up and the section carries the gap. A heading (its rule above) takes the gap before it
   * and keeps only a small one after, so it sits with its text.
   */
  .content p,
  .content ul,
  .content ol,
  .content dl,
  .content blockquote,
  .content figure,
  .content .table-scroll,
  .content .block-note {
    margin-block: 0 var(--zw-r-paragraph-gap, 2.7em);
  }
  .content .block-note p,
  .content li > p,
  .content td > p,
  .content th > p,
  .content blockquote > p:last-child {
    margin-block: 0;
  }
  .content li + li {
    margin-block-start: 0.5em;
  }
  .content .table-hint {
    max-width: none;
    margin: 0 0 0.25em;
  }
  .zw-section {
    margin-block: 0 var(--zw-r-paragraph-gap, 2.7em);
  }
  .zw-section:last-child,
  .zw-section > :last-child {
    margin-block-end: 0;
  }
  .zw-section > :first-child {
    margin-block-start: 0;
  }
  .content img {
    max-width: 100%;
    height: auto;
  }
  .content pre {
    white-space: pre-wrap;
  }
  /* a table as wide as it needs (at least the text column), up to the reader's width; wider, it scrolls */
  .content .table-scroll {
    width: max-content;
    min-width: min(100%, var(--zw-r-measure, 40em));
    max-width: 100%;
    margin-inline: auto;
  }
  .content .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  .content td,
  .content th {
    border: 1px solid var(--_border);
    padding: 0.4em 0.6em;
    vertical-align: top;
  }
  .content table {
    border-collapse: collapse;
  }
  /* long texts: sections off screen are not laid out until they come near (progressive enhancement) */
  .zw-section {
    content-visibility: auto;
    contain-intrinsic-size: 0 1200px;
    contain-intrinsic-size: auto 0px auto 1200px;
  }
  /* 指读: every unit is focusable while it is on */
  .content [data-zw-point] {
    cursor: pointer;
  }
  /*
   * Read aloud: the sentence being read is a CSS custom highlight (speech.ts); the unit around it gets a light
   * outline. Where the browser has no CSS.highlights, the whole unit takes the mark colours instead (.no-highlights).
   */
  .content [data-zw-reading] {
    outline: 0.2em solid var(--_mark);
    outline-offset: 0.15em;
    scroll-margin-block: 1em;
  }
  .no-highlights .content [data-zw-reading] {
    outline: none;
    background-color: var(--_mark);
    color: var(--_mark-text);
  }
  .content [data-zw-reading] a {
    color: inherit;
  }
  .content [data-zw-point]:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* the reading aids draw here: fixed to the viewport, above the text, under the toolbar, never in the way of a click */
  .aids-layer {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 4;
    pointer-events: none;
  }
  .aids-layer:empty {
    display: none;
  }
  /* a rule of its own: a browser without ::highlight() drops this rule only */
  ::highlight(zw-reading) {
    background-color: var(--_mark);
    color: var(--_mark-text);
  }

  @media print {
    .toolbar,
    .aids-layer,
    dialog {
      display: none !important;
    }
    .reader,
    .content,
    .content * {
      color: #000 !important;
      background: #fff !important;
    }
    .content {
      max-width: none;
      font-size: 12pt;
    }
    .zw-section {
      content-visibility: visible;
    }
    .content [data-zw-reading] {
      outline: none;
    }
    .content .table-wrap {
      overflow: visible;
    }
    /* where a link goes, for paper; not an in-page link (#zw-r-…), which means nothing there */
    .content a[href]:not([href^='#'])::after {
      content: ' (' attr(href) ')';
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
  }

`;
