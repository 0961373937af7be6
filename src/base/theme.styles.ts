import { css } from 'lit';

/**
 * Theme tokens and typography shared by every element.
 *
 * Hosts override `--zw-*` on any ancestor; `theme="blue"` switches to the blue
 * alternative of the red 党政 default. The fallbacks pass WCAG AA contrast on white.
 *
 * Page CSS stops at the host. Everything an element shows sits in
 * `<div class="zw-root" part="root" data-scheme="light|dark">`, which starts from
 * `all: initial` and sets its own typography: a portal reset such as
 * `* { font-size: 12px; font-family: "宋体"; line-height: 1 }` or even
 * `* { all: unset !important }` reaches the host but not the text. Only the
 * `--zw-*` tokens (custom properties inherit through), `::part()` and the
 * element's attributes change what is inside. `--zw-font-size` takes px (em
 * would be relative to the page's text size, which is what is being kept out).
 *
 * Reading settings (`<zw-reader>`, see ./reading.ts): `--zw-text-scale` multiplies
 * `--zw-font-size`, and each `--zw-reading-<token>` on an ancestor (usually `<html>`)
 * replaces that colour token in the light and the dark block alike — the reader's
 * explicit choice beats the portal's `--zw-color-*`; forced colours still win.
 *
 * Dark colours apply under `.zw-root[data-scheme='dark']` (see ./scheme.ts):
 * component CSS writes its dark variants with that selector, never with
 * `@media (prefers-color-scheme: dark)`.
 *
 * Chinese line breaking: `line-break: strict` (no closing punctuation at the start
 * of a line, no opening punctuation at its end), `text-spacing-trim` where supported.
 * `.zw-nobreak` keeps a token whole — dates, 索引号 parts, 发文字号: it moves to the
 * next line as a unit and breaks inside only when it is longer than the whole line.
 * (An inline-block: a link's underline does not reach into it, so put it around
 * plain text, not inside a link.)
 */
export const themeStyles = css`
  :host {
    --_primary: var(--zw-reading-primary, var(--zw-color-primary, #b3191f));
    --_primary-contrast: var(--zw-color-on-primary, #ffffff);
    --_text: var(--zw-reading-text, var(--zw-color-text, #1f1f1f));
    --_muted: var(--zw-reading-muted, var(--zw-color-muted, #595959));
    --_surface: var(--zw-reading-surface, var(--zw-color-surface, #ffffff));
    --_subtle: var(--zw-reading-subtle, var(--zw-color-subtle, #f6f4f1));
    --_border: var(--zw-reading-border, var(--zw-color-border, #d9d4cc));
    --_link: var(--zw-reading-link, var(--zw-color-link, #0b4f9c));
    --_focus: var(--zw-reading-focus, var(--zw-color-focus, #1a5fd0));
    /* the sentence being read aloud, search hits */
    --_mark: var(--zw-reading-mark, #fff1a8);
    --_mark-text: var(--zw-reading-mark-text, #1f1f1f);
    --_ok: var(--zw-color-ok, #1e6b34);
    --_warn: var(--zw-color-warn, #8a4b00);
    --_danger: var(--zw-color-danger, #a3161b);
    --_radius: var(--zw-radius, 6px);
    --_space: var(--zw-space, 16px);
    --_font: var(--zw-font-family, system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif);
    --_font-size: calc(var(--zw-font-size, 16px) * var(--zw-text-scale, 1));
    --_line-height: var(--zw-line-height, 1.7);
    display: block;
  }
  :host([theme='blue']) {
    --_primary: var(--zw-reading-primary, var(--zw-color-primary, #0f4c9a));
    --_subtle: var(--zw-reading-subtle, var(--zw-color-subtle, #f1f5fb));
    --_border: var(--zw-reading-border, var(--zw-color-border, #cfd9e6));
  }
  :host([hidden]) {
    display: none;
  }
  .zw-root {
    /* nothing inherited from the page (custom properties excepted) … */
    all: initial;
    /* … except being hidden or inert with it */
    visibility: inherit;
    pointer-events: inherit;
    display: block;
    color-scheme: light;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    text-indent: 0;
    text-transform: none;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
    line-break: strict;
    word-break: normal;
    overflow-wrap: break-word;
  }
  /* In an auto-layout table, break-word lets columns shrink below their longest word (Chromium counts it in the
     min-content width), so dates and short cells would wrap: tables keep the default and scroll instead. */
  .zw-root table {
    overflow-wrap: normal;
  }
  @supports (text-spacing-trim: normal) {
    .zw-root {
      text-spacing-trim: normal;
    }
  }
  .zw-root[data-scheme='dark'] {
    color-scheme: dark;
    --_primary: var(--zw-reading-primary, var(--zw-color-primary-dark, #ff8a80));
    --_primary-contrast: #1a1a1a;
    --_text: var(--zw-reading-text, var(--zw-color-text-dark, #ececec));
    --_muted: var(--zw-reading-muted, #b8b8b8);
    --_surface: var(--zw-reading-surface, var(--zw-color-surface-dark, #1c1c1e));
    --_subtle: var(--zw-reading-subtle, #2a2a2d);
    --_border: var(--zw-reading-border, #4a4a4f);
    --_link: var(--zw-reading-link, #8cc4ff);
    --_focus: var(--zw-reading-focus, #8cc4ff);
    --_mark: var(--zw-reading-mark, #5c4d00);
    --_mark-text: var(--zw-reading-mark-text, #ffffff);
    --_ok: #7bd88f;
    --_warn: #ffc46b;
    --_danger: #ff9b94;
  }
  :host([theme='blue']) .zw-root[data-scheme='dark'] {
    --_primary: var(--zw-reading-primary, var(--zw-color-primary-dark, #8cc4ff));
  }
  /* Windows high contrast: the tokens become system colours in either scheme, so nothing drawn with them
     (SVG text with forced-color-adjust: none, a dark element's colours as read by tools) keeps an author colour.
     !important: a theme's or a component's own token rules are more specific. */
  @media (forced-colors: active) {
    .zw-root,
    .zw-root[data-scheme] {
      --_primary: CanvasText !important;
      --_primary-contrast: Canvas !important;
      --_text: CanvasText !important;
      --_muted: CanvasText !important;
      --_surface: Canvas !important;
      --_subtle: Canvas !important;
      --_border: CanvasText !important;
      --_link: LinkText !important;
      --_focus: Highlight !important;
      --_ok: CanvasText !important;
      --_warn: CanvasText !important;
      --_danger: CanvasText !important;
      --_mark: Highlight !important;
      --_mark-text: HighlightText !important;
    }
  }
  /* Paper is white: a reading theme (yellow on black, dark) or the dark scheme would print pale text on white once
     the browser drops the backgrounds. Print takes the light tokens (the text size chosen in the reader stays). */
  @media print {
    .zw-root,
    .zw-root[data-scheme] {
      color-scheme: light;
      --_primary: var(--zw-color-primary, #b3191f);
      --_text: var(--zw-color-text, #1f1f1f);
      --_muted: var(--zw-color-muted, #595959);
      --_surface: var(--zw-color-surface, #ffffff);
      --_subtle: var(--zw-color-subtle, #f6f4f1);
      --_border: var(--zw-color-border, #d9d4cc);
      --_link: var(--zw-color-link, #0b4f9c);
      --_focus: var(--zw-color-focus, #1a5fd0);
      --_mark: #fff1a8;
      --_mark-text: #1f1f1f;
      --_ok: var(--zw-color-ok, #1e6b34);
      --_warn: var(--zw-color-warn, #8a4b00);
      --_danger: var(--zw-color-danger, #a3161b);
    }
  }
  @media (prefers-contrast: more) {
    .zw-root,
    .zw-root[data-scheme] {
      --_muted: var(--_text);
      --_border: var(--_text);
    }
  }
  /* Pre-rendered HTML (src/ssr) read without JavaScript: the element is never defined, so controls that only work with
     the script (search, filters, downloads, view switches) are not shown dead; they appear once it upgrades. */
  :host(:not(:defined)) .zw-needs-script {
    display: none !important;
  }
  .zw-nobreak {
    display: inline-block;
    max-width: 100%;
    overflow-wrap: anywhere;
    text-indent: 0;
  }
  a {
    color: var(--_link);
    text-underline-offset: 0.2em;
  }
  /* the prominent links (原文, 解读, 图解, 视频): outlined, 44px touch targets */
  .zw-link-button {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.35em 1em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
    font-weight: 600;
    text-decoration: none;
  }
  .zw-link-button:hover {
    background: var(--_subtle);
    text-decoration: underline;
  }
  /* every element's own buttons: outlined, 44px touch targets (适老化) */
  .zw-button {
    min-height: 44px;
    font: inherit;
    padding: 0 1em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }
  .zw-button:hover {
    background: var(--_subtle);
  }
  @media (forced-colors: active) {
    .zw-button {
      border-color: ButtonText;
    }
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    a {
      color: LinkText;
    }
  }
`;
