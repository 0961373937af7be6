import { css } from 'lit';

export const policyCompareStyles = css`
  .zw-root {
    /* tints behind inserted and deleted text; the text itself keeps --_text (contrast), the decoration says which */
    --_ins-bg: #ddf0e2;
    --_del-bg: #fbe2df;
  }
  .zw-root[data-scheme='dark'] {
    --_ins-bg: #1c3b25;
    --_del-bg: #4a2220;
  }
  .compare {
    background: var(--_surface);
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
  .description {
    margin: 0 0 0.75em;
    color: var(--_muted);
  }

  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em 1em;
    margin-block-end: 0.75em;
  }
  .pick {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
    max-width: 100%;
  }
  .pick label {
    font-weight: 700;
  }
  .pick-arrow {
    line-height: 44px;
  }

  .versions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(16em, 100%), 1fr));
    gap: 0.5em var(--_space);
    margin: 0;
  }
  .version {
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: 0.75em;
  }
  .version.new {
    border-inline-start-color: var(--_primary);
  }
  .version dt {
    font-size: 0.875em;
    font-weight: 700;
    color: var(--_muted);
  }
  .version dd {
    margin: 0;
  }
  .version-label {
    font-weight: 700;
  }
  .version-title,
  .version-meta {
    display: block;
  }
  .version-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    color: var(--_muted);
  }
  .version-link {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }

  .summary ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0 0 0.75em;
    padding: 0;
  }
  .count {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.1em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .symbol {
    font-weight: 700;
    display: inline-block;
    min-width: 1em;
    text-align: center;
  }
  .added .symbol {
    color: var(--_ok);
  }
  .deleted .symbol {
    color: var(--_danger);
  }
  .modified .symbol {
    color: var(--_warn);
  }
  .moved .symbol,
  .renumbered .symbol {
    color: var(--_link);
  }
  .identical {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_ok);
    border-radius: var(--_radius);
  }

  /*
   * Script-only controls (zw-needs-script) of pre-rendered HTML read without JavaScript: hidden, as the base hides
   * them, but keeping their place, so nothing below moves when the element comes alive.
   */
  :host(:not(:defined)) .picker.zw-needs-script,
  :host(:not(:defined)) .controls.zw-needs-script {
    display: flex !important;
    visibility: hidden;
  }
  :host(:not(:defined)) .nav .zw-needs-script,
  :host(:not(:defined)) .run-button.zw-needs-script {
    display: inline-flex !important;
    visibility: hidden;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em calc(var(--_space) * 1.5);
    margin-block-end: 0.5em;
  }
  .views {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
    max-width: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  .views legend {
    float: left;
    padding: 0;
    margin-inline-end: 0.5em;
    line-height: 44px;
    font-weight: 700;
    white-space: nowrap;
  }
  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
    max-width: 100%;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .segmented label {
    position: relative;
    display: inline-flex;
    cursor: pointer;
  }
  .segmented label + label {
    border-inline-start: 1px solid var(--_primary);
  }
  /* the native radio stays (keyboard: arrows move the choice), invisible over its label */
  .segmented input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segmented span {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 1em;
    white-space: nowrap;
    color: var(--_primary);
    background: var(--_surface);
  }
  .segmented input:checked + span {
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 700;
  }
  .segmented input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: -5px;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    cursor: pointer;
  }
  .toggle input {
    font-size: inherit;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
  }
  .copy {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .copy-status {
    color: var(--_ok);
    font-weight: 700;
  }

  .nav {
    position: sticky;
    top: var(--zw-sticky-top, 0px);
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding: 0.5em 0;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .nav .zw-button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .position {
    font-weight: 700;
  }
  .keys {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* on touch screens without a keyboard, and on phone-sized screens, the keys mean nothing and cost room in
     the sticky bar; large text on a desktop keeps them */
  @media (hover: none) and (pointer: coarse), (max-width: 600px) {
    .keys {
      display: none;
    }
  }
  .nav .zw-button {
    white-space: nowrap;
  }
  /* On a phone, and more so at large text, the sticky bar must stay short: the buttons show their arrows
     (44 px targets) and keep their words for screen readers. */
  .narrow .nav .zw-button {
    flex: none;
    min-width: 44px;
    justify-content: center;
    padding: 0 0.5em;
  }
  .narrow .nav .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .narrow .position {
    min-width: 0;
  }

  /* Rows: each a grid with the same column widths, so the columns line up down the page and one scroll moves both sides. */
  .row {
    display: grid;
    grid-template-columns: 5em minmax(0, 1fr);
    gap: 0.25em var(--_space);
    padding: 0.75em 0.25em;
    border-bottom: 1px solid var(--_border);
    content-visibility: auto;
    contain-intrinsic-size: auto 5em;
    /* below the sticky navigation bar: its height is measured (--_nav-height) as it wraps with the width and text size */
    scroll-margin-top: calc(var(--zw-sticky-top, 0px) + var(--_nav-height, 4.5em) + 0.5em);
  }
  .row:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .side-by-side .row {
    grid-template-columns: 5em minmax(0, 1fr) minmax(0, 1fr);
  }
  .side-by-side.with-notes .row {
    grid-template-columns: 5em minmax(0, 1fr) minmax(0, 1fr) minmax(0, 0.6fr);
  }
  .narrow .row,
  .narrow .side-by-side .row {
    grid-template-columns: minmax(0, 1fr);
  }
  .narrow .side-by-side .row {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  }
  .narrow .mark,
  .narrow .cell.notes {
    grid-column: 1 / -1;
  }
  .narrow .mark:empty,
  .narrow .cell.notes:empty,
  .narrow .row.head .cell.notes {
    display: none;
  }
  .row.head {
    content-visibility: visible;
    font-weight: 700;
    color: var(--_muted);
    padding-block: 0.5em;
    border-bottom-width: 2px;
  }
  .narrow .row.head .mark {
    display: none;
  }
  .head-version {
    margin-inline-start: 0.5em;
    font-weight: 400;
  }
  .cell {
    min-width: 0;
  }
  .cell.old {
    color: var(--_text);
  }
  .row.unchanged .cell.old {
    color: var(--_muted);
  }
  .side-by-side .cell.new {
    border-inline-start: 1px solid var(--_border);
    padding-inline-start: var(--_space);
  }
  .narrow .side-by-side .cell.new {
    padding-inline-start: 0.5em;
  }

  /*
   * Laid out before the element's width is known (pre-rendered on the server, until the script measures it): the
   * screen's width decides, as the element's would when it spans the page — the narrow layout and 修订 below 48em,
   * 对照 from there (both views are in the markup then) — so the measured layout that follows does not move the text.
   */
  .rows.auto-narrow {
    display: none;
  }
  @media (max-width: 47.99em) {
    .rows.auto-wide {
      display: none;
    }
    .rows.auto-narrow {
      display: block;
    }
    .auto .nav .zw-button {
      flex: none;
      min-width: 44px;
      justify-content: center;
      padding: 0 0.5em;
    }
    .auto .nav .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .auto .position {
      min-width: 0;
    }
    .auto .row,
    .auto .side-by-side .row {
      grid-template-columns: minmax(0, 1fr);
    }
    .auto .side-by-side .row {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .auto .mark,
    .auto .cell.notes {
      grid-column: 1 / -1;
    }
    .auto .mark:empty,
    .auto .cell.notes:empty,
    .auto .row.head .cell.notes,
    .auto .row.head .mark {
      display: none;
    }
    .auto .side-by-side .cell.new {
      padding-inline-start: 0.5em;
    }
  }
  .cell.notes {
    font-size: 0.9375em;
  }
  /* outline depth (一、 > （一） > 1.): indented, in every view, by one custom property set per depth */
  .depth-1 {
    --_indent: 1em;
  }
  .depth-2 {
    --_indent: 2em;
  }
  .depth-3,
  .depth-4 {
    --_indent: 3em;
  }
  .row .clause,
  .row .deleted-marker,
  .row .renumber,
  .row .partner,
  .row .clause-note {
    margin-inline-start: var(--_indent, 0);
  }
  .clause {
    display: block;
  }
  .clause .text {
    white-space: pre-line;
  }
  /* a bidi override pasted into the data (U+202E) reorders its own run only, never the row around it */
  .clause .num,
  .clause .heading,
  .clause .text,
  .clause-note [lang] {
    unicode-bidi: isolate;
  }
  .num {
    font-weight: 700;
  }
  .heading {
    font-weight: 700;
  }
  .k-part,
  .k-chapter,
  .k-section {
    font-weight: 700;
    font-size: 1.0625em;
  }
  .none {
    color: var(--_muted);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: 4px;
    font-size: 0.875em;
    font-weight: 700;
    white-space: nowrap;
  }
  .badge.added {
    color: var(--_ok);
  }
  .badge.deleted {
    color: var(--_danger);
  }
  .badge.modified {
    color: var(--_warn);
  }
  .badge.moved,
  .badge.renumbered {
    color: var(--_link);
  }
  .badge.renumbered {
    border-style: dashed;
    font-weight: 400;
  }

  /* Changes: underline for inserted, strike-through for deleted — readable without colour */
  ins,
  del {
    color: inherit;
    text-decoration-thickness: 2px;
    border-radius: 2px;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }
  ins {
    text-decoration-line: underline;
    text-decoration-color: var(--_ok);
    text-underline-offset: 0.2em;
    background: var(--_ins-bg);
  }
  del {
    text-decoration-line: line-through;
    text-decoration-color: var(--_danger);
    background: var(--_del-bg);
  }
  ins.whole,
  del.whole {
    display: block;
    padding: 0.15em 0.35em;
  }

  .renumber,
  .partner {
    display: block;
    width: fit-content;
    font-size: 0.9375em;
  }
  .renumber {
    margin-block-start: 0.25em;
    color: var(--_muted);
  }
  .partner {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 700;
  }
  .moved-old {
    margin-block-start: 0.25em;
  }
  .row.moved.from {
    padding-block: 0.35em;
  }
  .deleted-marker summary {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
    color: var(--_danger);
    font-weight: 700;
  }
  .deleted-marker[open] summary {
    margin-block-end: 0.25em;
  }
  .row.deleted:has(.deleted-marker) {
    padding-block: 0.25em;
  }

  .clause-note {
    margin-block-start: 0.5em;
    padding: 0.4em 0.75em;
    background: var(--_subtle);
    border-inline-start: 3px solid var(--_primary);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  .side-by-side:not(.narrow) .cell.notes .clause-note:first-child {
    margin-block-start: 0;
  }
  .row .cell.notes .clause-note {
    margin-inline-start: 0;
  }
  .note-label {
    font-weight: 700;
  }

  .run {
    padding: 0.35em 0;
    border-bottom: 1px dashed var(--_border);
  }
  .run-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0 0.75em;
    font: inherit;
    color: var(--_link);
    background: none;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .run-button:hover {
    background: var(--_subtle);
  }
  .run-range {
    color: var(--_muted);
  }

  .pending .bar,
  .zw-skeleton .title {
    height: 1.2em;
  }

  @media (prefers-contrast: more) {
    ins,
    del {
      background: none;
      text-decoration-thickness: 3px;
      text-decoration-color: currentColor;
    }
    ins {
      border-bottom: 1px solid currentColor;
    }
    del {
      outline: 1px dashed currentColor;
    }
  }
  @media (forced-colors: active) {
    ins,
    del {
      text-decoration-color: CanvasText;
    }
    ins {
      border: 1px solid CanvasText;
    }
    del {
      border: 1px dashed CanvasText;
    }
    .badge {
      border-color: CanvasText;
    }
    .segmented input:checked + span {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .row:focus {
      outline-color: Highlight;
    }
  }

  @media print {
    .zw-root,
    .zw-root[data-scheme] {
      color-scheme: light;
      --_text: #000;
      --_muted: #000;
      --_surface: #fff;
      --_subtle: #fff;
      --_border: #000;
      --_link: #000;
      --_ok: #000;
      --_warn: #000;
      --_danger: #000;
      --_primary: #000;
      --_ins-bg: transparent;
      --_del-bg: transparent;
    }
    .controls,
    .nav,
    .picker,
    .run,
    .version-link {
      display: none;
    }
    .nav {
      position: static;
    }
    .row {
      content-visibility: visible;
      break-inside: avoid;
    }
    .side-by-side .row {
      border: 1px solid #000;
      border-top: none;
    }
    .side-by-side .row.head {
      border-top: 1px solid #000;
    }
    ins {
      font-weight: 700;
    }
    .deleted-marker summary {
      list-style: none;
      min-height: 0;
    }
  }
`;
