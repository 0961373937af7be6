import { css } from 'lit';

export const interpretationStyles = css`
  .interpretation {
    background: var(--_surface);
    /* Chinese line breaking: no closing punctuation at a line start, no opening one at a line end */
    line-break: strict;
  }
  .header {
    border-bottom: 2px solid var(--_primary);
    padding-block-end: var(--_space);
    margin-block-end: var(--_space);
  }
  .title {
    font-size: 1.5em;
    line-height: 1.4;
    font-weight: 700;
    margin: 0 0 0.5em;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    color: var(--_muted);
  }
  .form {
    display: inline-block;
    box-sizing: border-box;
    max-width: 100%;
    overflow-wrap: anywhere;
    padding: 0 0.6em;
    border: 1px solid var(--_primary);
    border-radius: 4px;
    color: var(--_primary);
    font-weight: 700;
  }
  .policy-label {
    margin: 0 0 0.35em;
    font-weight: 700;
  }
  .media {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
  }
  .media .captions {
    border-style: dashed;
    margin-inline-start: 0.5em;
  }

  /* Table of contents: folded on phones, a sticky column on wide screens. */
  .layout.wide {
    display: grid;
    grid-template-columns: minmax(10em, 14em) minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
    align-items: start;
  }
  .toc {
    margin: 0 0 var(--_space);
  }
  /*
   * Laid out before the element's width is known (pre-rendered on the server, until the script measures it): the
   * screen's width decides, as the element's would when it spans the page, so the measured layout that follows
   * does not move the text.
   */
  .layout.auto .toc-wide {
    display: none;
  }
  @media (min-width: 60em) {
    .layout.auto {
      display: grid;
      grid-template-columns: minmax(10em, 14em) minmax(0, 1fr);
      gap: calc(var(--_space) * 2);
      align-items: start;
    }
    .layout.auto .toc {
      position: sticky;
      top: var(--zw-sticky-top, 0px);
      max-height: calc(100vh - var(--zw-sticky-top, 0px));
      overflow-y: auto;
    }
    .layout.auto .toc-wide {
      display: block;
    }
    .layout.auto .toc-narrow {
      display: none;
    }
  }
  .layout.wide .toc {
    position: sticky;
    top: var(--zw-sticky-top, 0px);
    max-height: calc(100vh - var(--zw-sticky-top, 0px));
    overflow-y: auto;
  }
  .toc-title,
  .toc summary {
    font-weight: 700;
    color: var(--_primary);
  }
  .toc summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
    padding: 0 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .toc ol {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    border-inline-start: 2px solid var(--_border);
  }
  .toc li + li {
    margin: 0;
  }
  .toc a {
    display: flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.75em;
    margin-inline-start: -2px;
    border-inline-start: 4px solid transparent;
    color: var(--_text);
    text-decoration: none;
  }
  .toc a:hover {
    text-decoration: underline;
  }
  .toc a[aria-current] {
    border-inline-start-color: var(--_primary);
    color: var(--_primary);
    font-weight: 700;
    background: var(--_subtle);
  }

  .section {
    margin: 0 0 calc(var(--_space) * 2);
    scroll-margin-top: var(--zw-sticky-top, 0px);
  }
  .section-heading {
    font-size: 1.25em;
    font-weight: 700;
    color: var(--_primary);
    margin: 0 0 0.6em;
    padding-block-end: 0.25em;
    border-bottom: 1px solid var(--_border);
  }
  .section-heading:focus {
    outline: none;
  }
  .section-heading:focus-visible {
    outline: 3px solid var(--_focus);
  }

  /* Glossary terms in the text and their definition popover. Terms are text: inline, wrapping
     like the words around them (an inline-block would strand the quotes around a term). */
  .term-wrap {
    position: relative;
  }
  .term {
    display: inline;
    white-space: normal;
    text-decoration: underline dotted var(--_primary);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.25em;
    cursor: help;
  }
  .term[aria-expanded='true'] {
    background: var(--_subtle);
  }
  .popover {
    position: absolute;
    top: calc(100% + 6px);
    left: 0;
    z-index: 10;
    display: block;
    box-sizing: border-box;
    width: max-content;
    max-width: min(22em, calc(100vw - 16px));
    padding: 0.75em 2.75em 0.75em 1em;
    background: var(--_surface);
    color: var(--_text);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    font-weight: 400;
    text-align: start;
  }
  .popover:focus {
    outline: none;
  }
  .popover:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .popover-term {
    display: block;
    font-weight: 700;
    color: var(--_primary);
  }
  .popover-definition,
  .popover-source {
    display: block;
  }
  .popover-source,
  .glossary .source {
    color: var(--_muted);
    font-size: 0.875em;
    margin-block-start: 0.25em;
  }
  .popover-close {
    position: absolute;
    top: 0;
    right: 0;
    width: 44px;
    height: 44px;
    border: none;
    background: none;
    color: var(--_text);
    font-size: 1.25em;
    cursor: pointer;
  }

  .glossary {
    margin: 0;
  }
  .glossary .entry {
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .glossary dt {
    font-weight: 700;
  }
  .glossary dd {
    margin: 0.15em 0 0;
  }
  .glossary .source {
    display: block;
  }

  .changes-list {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
  }
  .changes-list > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin-block-end: 0.75em;
  }
  .change-subject {
    font-weight: 700;
    margin-block-end: 0.35em;
  }
  .change {
    margin: 0;
    display: grid;
    gap: 0.35em;
  }
  /* label beside text; when large text leaves no room (a phone at 300%) the text goes under its label */
  .change > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em 0.75em;
  }
  .change dt {
    flex: none;
    width: 5.5em;
    max-width: 100%;
    font-weight: 700;
  }
  .change .before dt {
    color: var(--_muted);
  }
  .change .before dd {
    color: var(--_muted);
  }
  /* only an old rule is struck through; “no previous provision” is not */
  .change .old {
    text-decoration: line-through;
    text-decoration-color: var(--_muted);
  }
  .change .after dt {
    color: var(--_ok);
  }
  .change dd {
    flex: 1 1 10em;
    min-width: 0;
    margin: 0;
  }
  .change .none {
    font-style: italic;
  }

  /*
   * Script-only controls (zw-needs-script) of pre-rendered HTML read without JavaScript: hidden, as the base hides
   * them, but keeping their place, so nothing below moves when the element comes alive.
   */
  .toc-no-script {
    display: none;
  }
  :host(:not(:defined)) .toc-links {
    position: relative;
  }
  :host(:not(:defined)) .toc-links ol {
    visibility: hidden;
  }
  :host(:not(:defined)) .toc-no-script {
    display: block;
    position: absolute;
    inset: 0 0 auto 0;
    margin: 0;
    color: var(--_muted);
  }
  :host(:not(:defined)) .faq-tools.zw-needs-script {
    display: flex !important;
    visibility: hidden;
  }
  .faq-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-end: 0.5em;
  }
  .faq-tools label {
    font-weight: 700;
  }
  .faq-tools input {
    /* shrinks on a phone at 200% text rather than widening the page */
    flex: 1 1 12em;
    min-width: 0;
  }
  .faq-status {
    color: var(--_muted);
  }
  .faq-item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-block-end: 0.5em;
    scroll-margin-top: var(--zw-sticky-top, 0px);
  }
  .faq-item summary {
    display: flex;
    gap: 0.6em;
    align-items: baseline;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.6em 1em;
    cursor: pointer;
    font-weight: 700;
    list-style-position: outside;
  }
  .faq-item[open] summary {
    border-bottom: 1px solid var(--_border);
  }
  .q,
  .a {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.6em;
    height: 1.6em;
    border-radius: 4px;
    font-weight: 700;
    font-size: 0.875em;
  }
  .q {
    background: var(--_primary);
    color: var(--_primary-contrast);
  }
  .a {
    border: 1px solid var(--_primary);
    color: var(--_primary);
  }
  .answer {
    display: flex;
    gap: 0.6em;
    padding: 0.75em 1em 0.25em;
    background: var(--_subtle);
  }

  .related {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75em;
  }
  .related .link a {
    display: inline-block;
    padding-block: 0.6em;
  }

  .zw-skeleton .title {
    height: 1.8em;
  }
  .zw-skeleton .card {
    height: 5.5em;
    margin-block: var(--_space);
  }

  @media (forced-colors: active) {
    .term {
      text-decoration-color: LinkText;
    }
    .popover,
    .faq-item {
      border-color: CanvasText;
    }
    .toc a[aria-current] {
      border-inline-start-color: Highlight;
    }
  }

  @media print {
    .toc,
    .faq-tools,
    .faq-status,
    .popover {
      display: none;
    }
    .layout.wide {
      display: block;
    }
    .faq-item summary {
      list-style: none;
    }
    .faq-item[hidden] {
      display: block;
    }
    a[href]::after {
      content: ' (' attr(href) ')';
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .term {
      text-decoration: none;
    }
    .section {
      break-inside: auto;
    }
    .section-heading {
      break-after: avoid;
    }
  }
`;
