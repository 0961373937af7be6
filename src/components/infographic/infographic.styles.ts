import { css } from 'lit';

export const infographicStyles = css`
  /*
   * Series colours, set on .infographic (not :host) so they resolve after the root's theme and scheme:
   * each is at least 3:1 against the block background in every theme (checked by a test), and series
   * also differ by pattern and marker shape.
   */
  .infographic {
    --_c1: var(--_primary);
    --_c2: var(--zw-chart-2, #0f4c9a);
    --_c3: var(--zw-chart-3, #8a4b00);
    --_c4: var(--zw-chart-4, #1e6b5c);
    --_c5: var(--zw-chart-5, #5b3a8a);
    /* what tables' edge shadows are covered with: the block background */
    --_bg: var(--_subtle);
  }
  .infographic.blue {
    --_primary: var(--zw-reading-primary, var(--zw-color-primary, #0f4c9a));
  }
  /* blue primary (element theme or document theme): the second series takes the red */
  :host([theme='blue']) .infographic,
  .infographic.blue {
    --_c2: var(--zw-chart-2, #b3191f);
  }
  .zw-root[data-scheme='dark'] .infographic {
    --_c2: var(--zw-chart-2-dark, #8cc4ff);
    --_c3: var(--zw-chart-3-dark, #ffc46b);
    --_c4: var(--zw-chart-4-dark, #6fd6b8);
    --_c5: var(--zw-chart-5-dark, #cdb0ff);
  }
  .zw-root[data-scheme='dark'] .infographic.blue {
    --_primary: var(--zw-reading-primary, var(--zw-color-primary-dark, #8cc4ff));
  }
  :host([theme='blue']) .zw-root[data-scheme='dark'] .infographic,
  .zw-root[data-scheme='dark'] .infographic.blue {
    --_c2: var(--zw-chart-2-dark, #ff8a80);
  }
  .infographic {
    background: var(--_surface);
    padding: var(--_space);
    border-top: 6px solid var(--_primary);
  }
  .header {
    text-align: center;
    margin-block-end: var(--_space);
  }
  .title {
    font-size: 1.6em;
    line-height: 1.35;
    font-weight: 800;
    color: var(--_primary);
    overflow-wrap: anywhere;
  }
  .subtitle {
    font-size: 1.125em;
    margin: 0.25em 0;
  }
  .byline {
    color: var(--_muted);
    margin: 0.25em 0;
    display: flex;
    justify-content: center;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .source-policy {
    margin: 0.25em 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: 0.5em;
    margin-block-end: var(--_space);
  }
  .chevron {
    margin-inline-start: 0.35em;
  }
  .download-panel {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: flex-end;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .download-panel[hidden] {
    display: none;
  }
  .download-target {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    max-width: 100%;
  }
  .download-formats {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .zw-select {
    min-height: 44px;
    max-width: 100%;
    font: inherit;
    padding: 0 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .zw-select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .export-status {
    color: var(--_muted);
  }
  .export-status:empty {
    display: none;
  }

  .blocks {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 1fr);
  }
  .wide .blocks {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .wide .block.full {
    grid-column: 1 / -1;
  }
  /*
   * Laid out before the element's width is known (pre-rendered on the server, until the script measures it): the
   * screen's width chooses one column or two, and the phone's or the wide screen's drawing of each chart, as the
   * element's own width will when it spans the page — so the measured layout that follows does not move anything.
   * The other drawing stays rendered (its fill patterns are referenced by the legend), out of sight and of the flow.
   */
  @media not all and (min-width: 40em) {
    .auto .chart-drawing.wide {
      position: absolute;
      visibility: hidden;
      width: 0;
      height: 0;
      overflow: hidden;
    }
  }
  @media (min-width: 40em) {
    .auto .blocks {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .auto .block.full {
      grid-column: 1 / -1;
    }
    .auto .chart-drawing.narrow {
      position: absolute;
      visibility: hidden;
      width: 0;
      height: 0;
      overflow: hidden;
    }
  }
  .blocks.nested {
    margin-block-start: 0.75em;
  }
  .block {
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: 16px;
    min-width: 0;
  }
  .block.type-annual-report {
    background: transparent;
    border: 2px solid var(--_primary);
  }
  .block-title {
    font-size: 1.2em;
    font-weight: 700;
    color: var(--_primary);
    margin-block-end: 0.6em;
  }

  /* key figures: the number big, the label under it; the label comes first for screen readers */
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr));
    gap: 12px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .figure {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    align-items: center;
    text-align: center;
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 12px 8px;
    margin: 0;
    min-width: 0;
  }
  .figure .change {
    order: -1;
    font-size: 0.875em;
  }
  /* the number is never broken; a long unit (多万元) goes under it rather than out of the tile */
  .figure-value {
    max-width: 100%;
    color: var(--_primary);
    font-weight: 800;
    line-height: 1.2;
  }
  .figure-value .number {
    font-size: 2.25em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .figure-value .number.long {
    font-size: 1.75em;
  }
  .figure-value .number.longest {
    font-size: 1.4em;
  }
  .figure-value .unit {
    font-size: 1em;
    margin-inline-start: 0.15em;
    display: inline-block;
  }
  .change.up {
    color: var(--_ok);
  }
  .change.down {
    color: var(--_danger);
  }

  /* charts */
  .chart-figure {
    margin: 0;
  }
  svg.chart {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
    font-family: var(--_font);
  }
  .mark.series-0:not([fill]),
  .marker.series-0 {
    fill: var(--_c1);
  }
  .mark.series-1:not([fill]),
  .marker.series-1 {
    fill: var(--_c2);
  }
  .mark.series-2:not([fill]),
  .marker.series-2 {
    fill: var(--_c3);
  }
  .mark.series-3:not([fill]),
  .marker.series-3 {
    fill: var(--_c4);
  }
  .mark.series-4:not([fill]),
  .marker.series-4 {
    fill: var(--_c5);
  }
  .mark[fill] {
    /* patterned series keep their colour as the pattern's ink */
    stroke-width: 1.5;
  }
  .mark.series-1[fill] { stroke: var(--_c2); }
  .mark.series-2[fill] { stroke: var(--_c3); }
  .mark.series-3[fill] { stroke: var(--_c4); }
  .mark.series-4[fill] { stroke: var(--_c5); }
  .pattern-bg {
    fill: var(--_surface);
  }
  pattern:nth-of-type(1) .pattern-ink { stroke: var(--_c2); }
  pattern:nth-of-type(2) .pattern-dot { fill: var(--_c3); }
  pattern:nth-of-type(3) .pattern-ink { stroke: var(--_c4); }
  pattern:nth-of-type(4) .pattern-ink { stroke: var(--_c5); }
  .slice {
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .line {
    stroke-width: 2.5;
  }
  .line.series-0 { stroke: var(--_c1); }
  .line.series-1 { stroke: var(--_c2); }
  .line.series-2 { stroke: var(--_c3); }
  .line.series-3 { stroke: var(--_c4); }
  .line.series-4 { stroke: var(--_c5); }
  .line.dash-1 { stroke-dasharray: 8 4; }
  .line.dash-2 { stroke-dasharray: 2 4; }
  .line.dash-3 { stroke-dasharray: 10 3 2 3; }
  /* chart text follows the reader's text size (适老化): 0.875 of it, as the layout assumes (CHART_TEXT) */
  .value-label,
  .slice-label,
  .category-label {
    fill: var(--_text);
    font-size: 0.875em;
  }
  /* a halo in the surface colour under every value: readable over any fill, pattern or gridline */
  .value-label {
    paint-order: stroke fill;
    stroke: var(--_surface);
    stroke-width: 0.25em;
    stroke-linejoin: round;
  }
  .value-label.total {
    font-weight: 700;
  }
  .zero-line {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .axis {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .axis text {
    fill: var(--_text);
  }
  @media (prefers-contrast: more) {
    /* every mark outlined in the text colour, every pattern inked thicker */
    .mark {
      stroke: var(--_text);
      stroke-width: 1;
    }
    .pattern-ink {
      stroke-width: 3;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .mark {
      animation: zw-grow 0.6s ease-out both;
    }
    @keyframes zw-grow {
      from {
        opacity: 0;
      }
    }
  }
  .takeaway {
    font-weight: 700;
    margin: 0.5em 0 0.25em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    list-style: none;
    padding: 0;
    margin: 0.25em 0;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    margin: 0;
  }
  .chart-source,
  .note-source {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .table-toggle {
    margin-block-start: 0.5em;
  }
  /*
   * Script-only controls (zw-needs-script) of pre-rendered HTML read without JavaScript: hidden, as the base hides
   * them, but keeping their place, so nothing below moves when the element comes alive.
   */
  :host(:not(:defined)) .download-toggle.zw-needs-script,
  :host(:not(:defined)) .table-toggle.zw-needs-script {
    display: inline-block !important;
    visibility: hidden;
  }
  .data-table {
    margin-block-start: 0.5em;
  }
  .data-table td,
  .compare td {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* timeline and process: real lists, drawn as lines and steps */
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0 0 0 1.25em;
    border-inline-start: 3px solid var(--_primary);
  }
  .timeline li {
    position: relative;
    display: flex;
    flex-direction: column;
    padding: 0 0 0.9em 0.5em;
    margin: 0;
  }
  .timeline li::before {
    content: '';
    position: absolute;
    left: calc(-1.25em - 9px);
    top: 0.45em;
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--_surface);
    border: 3px solid var(--_primary);
  }
  .timeline .when {
    font-weight: 700;
    color: var(--_primary);
  }
  .timeline .detail,
  .process .detail {
    color: var(--_muted);
  }
  .process {
    list-style: none;
    margin: 0;
    padding: 0;
    counter-reset: none;
  }
  .process > li {
    display: flex;
    gap: 0.75em;
    align-items: flex-start;
    position: relative;
    padding-block-end: 1.25em;
    margin: 0;
  }
  .process > li:not(:last-child)::after {
    content: '';
    position: absolute;
    left: calc(1.1em - 1.5px);
    top: 2.2em;
    bottom: 0.1em;
    border-inline-start: 3px solid var(--_primary);
  }
  .step-number {
    flex: none;
    display: grid;
    place-items: center;
    width: 2.2em;
    height: 2.2em;
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 800;
  }
  .step-body {
    display: flex;
    flex-direction: column;
    padding-block-start: 0.3em;
  }
  .step-label {
    font-weight: 700;
    font-size: 1.0625em;
  }
  .time-limit {
    align-self: flex-start;
    font-size: 0.9em;
    border: 1px solid var(--_primary);
    border-radius: 4px;
    padding: 0 0.4em;
    margin: 0.2em 0;
  }
  .branches {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .points {
    margin: 0;
    padding-inline-start: 1.75em;
  }
  .points li {
    font-size: 1.0625em;
  }
  .points li::marker {
    color: var(--_primary);
    font-weight: 800;
  }
  .callout {
    margin: 0;
    padding: 0.75em 1em;
    border-inline-start: 6px solid var(--_primary);
    background: var(--_surface);
    font-size: 1.125em;
    font-weight: 600;
  }
  .callout p {
    margin: 0;
  }
  .callout-source {
    font-size: 0.875em;
    font-weight: 400;
    color: var(--_muted);
    margin-block-start: 0.35em;
  }
  .compare .arrow {
    text-align: center;
    color: var(--_primary);
  }
  .compare .after {
    font-weight: 700;
    color: var(--_primary);
  }
  .note-text {
    margin: 0;
    font-size: 0.9375em;
  }

  .zw-skeleton .title {
    height: 2em;
    margin-inline: auto;
  }
  .skeleton-figures {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 12px;
  }
  .zw-skeleton .figure {
    height: 5em;
  }
  .zw-skeleton .chart {
    height: 240px;
  }

  @media (forced-colors: active) {
    /* system colours only; series stay apart by pattern and marker shape */
    .infographic,
    .infographic.blue {
      --_primary: CanvasText !important;
      --_c2: CanvasText;
      --_c3: CanvasText;
      --_c4: CanvasText;
      --_c5: CanvasText;
    }
    svg .mark.mark:not([fill]),
    svg .marker.marker {
      fill: CanvasText;
    }
    svg.chart {
      forced-color-adjust: none;
    }
    .mark[fill^='url'] {
      stroke: CanvasText;
    }
    .pattern-bg {
      fill: Canvas;
    }
    .pattern-ink {
      stroke: CanvasText !important;
    }
    .pattern-dot {
      fill: CanvasText !important;
    }
    .line {
      stroke: CanvasText !important;
    }
    .slice {
      stroke: Canvas;
    }
  }
  @media print {
    .toolbar,
    .table-toggle,
    .table-hint {
      display: none;
    }
  }
`;
