import '../../base/hydrate-support.js'; // first: before anything imports lit
import { html, isServer, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwElement } from '../../base/zw-element.js';
import { defineElement } from '../../base/define.js';
import { WidthController } from '../../base/width.js';
import { contentInBrackets, withContent } from '../../base/content-lang.js';
import { blockStyles, renderBlocks, tableRegion } from '../../base/blocks.js';
import '../../core/rules/infographic.js';
import { annualReportBlocks } from '../../core/annual-report.js';
import { formatDate, formatFigure, formatNumber, formatPercent } from '../../core/format.js';
import { safeHref } from '../../core/url.js';
import { inBrackets, labelled } from '../../schema/messages.js';
import type {
  AnnualReportBlock,
  CalloutBlock,
  ChartBlock,
  CompareBlock,
  FiguresBlock,
  InfographicBlock,
  InfographicDocument,
  InfographicListBlock,
  InfographicNoteBlock,
  InfographicTableBlock,
  ProcessBlock,
  TimelineBlock,
} from '../../schema/types.generated.js';
import { chartAxes, layoutChart, symbolPath, type Axis, type BarLayout, type ChartLayout, type LineLayout, type PieLayout, type ValueLabel } from './chart-layout.js';
import { infographicStyles } from './infographic.styles.js';

/** Size class of a key figure's number: long numbers are set smaller so they stay inside their tile. */
const figureSize = (figure: string) => (figure.length > 9 ? 'longest' : figure.length > 6 ? 'long' : '');

/** Element width (px) up to which the infographic is one long column (长图). */
const ONE_COLUMN_MAX = 600;
/** The width laid out when there is none to measure (server rendering): a phone's, the narrowest common case. */
const SERVER_WIDTH = 360;
/** The width of the wide-screen layout pre-rendered beside the phone's: a 1200 px portal column less its padding. */
const SERVER_WIDE_WIDTH = 1168;
/** Gap between blocks, padding of the infographic and of each block, the annual report's frame (px, as in the styles). */
const GAP = 16;
const PAD = 16;
const REPORT_BORDER = 2;
/** Blocks that take the whole width of the grid. */
const FULL_WIDTH = new Set(['figures', 'timeline', 'process', 'table', 'annual-report']);
/** Series fill patterns beyond colour: solid, diagonal, dots, cross-hatch, horizontal. */
const PATTERNS = 5;
/** Chart text (axes, value and category labels) relative to the body text: near enough to read beside it. */
const CHART_TEXT = 0.875;

/** What the last download did; translated when rendered, so it follows the element's language. */
type ExportStatus = { code: 'saved'; filename: string } | { code: 'failed' };
/** Something the reader can download: the whole infographic (key '') or one block. */
interface ExportTarget {
  key: string;
  label: string;
  /** Set when the label is the document's own text (a block title), not UI text. */
  lang?: string;
  /** A block inside the annual report, listed indented under it. */
  nested: boolean;
}

/**
 * 一图读懂 — an infographic built from JSON blocks: key figures, bar/line/pie/donut
 * charts drawn with d3, timelines, process flows, lists, callouts, before/after
 * comparisons, tables, notes, and the 政府信息公开工作年度报告 statistics. Text stays
 * text: a screen reader reads every figure, step and chart (each chart has its
 * takeaway and a data table), and nothing depends on colour alone. Exports PNG
 * and SVG of the whole infographic or one block.
 *
 * @tagname zw-infographic
 * @summary An infographic (一图读懂) from data, accessible and exportable.
 *
 * @attr src - URL of an infographic JSON document.
 * @attr heading-level - Level of the title in the host page's outline (default 2); blocks go one deeper.
 * @attr preview - For content staff: invalid data is listed issue by issue, with paths. Without it the public sees a short polite notice.
 * @attr appearance - `light` or `dark` forces the colours, `auto` follows the reader's system; by default the page's `color-scheme` decides (light unless it says dark).
 * @attr theme - `blue` for the blue alternative to the red 党政 default.
 * @attr timeout - Milliseconds to wait for `src` (default 15000).
 *
 * @slot - A `<script type="application/json">` holding the infographic document.
 *
 * @fires {ZwLoadEvent} zw-load - The document loaded and rendered; `detail.document`, `detail.warnings`.
 * @fires {ZwErrorEvent} zw-error - The document could not be loaded, is invalid or could not be shown; `detail.errors`.
 * @fires {ZwEmptyEvent} zw-empty - There is no document (`data` null, an empty script, no data at all).
 *
 * @csspart root - The wrapper of everything the element shows (its typography and colours start here).
 * @csspart infographic - The whole infographic.
 * @csspart header - Title, subtitle, issuer, date and source policy.
 * @csspart toolbar - The download control (one button opening the choice of part and format).
 * @csspart block - Each block.
 * @csspart figure - A key figure.
 * @csspart chart - A chart's SVG.
 * @csspart data-table - A chart's data table.
 * @csspart error - The notice (public) or the issue list (`preview`) shown when the data cannot be shown.
 * @csspart retry - The 重试 button of the notice, when loading failed.
 * @csspart note - The discreet note above a document shown in part.
 * @csspart empty - The empty state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --zw-color-primary - Accent colour and first chart series (default 党政 red #b3191f; blue theme #0f4c9a).
 * @cssprop --zw-color-text - Body text colour.
 * @cssprop --zw-color-muted - Secondary text colour.
 * @cssprop --zw-color-surface - Background.
 * @cssprop --zw-color-subtle - Tinted background of blocks.
 * @cssprop --zw-color-border - Border colour.
 * @cssprop --zw-chart-2 - Second chart series colour.
 * @cssprop --zw-chart-3 - Third chart series colour.
 * @cssprop --zw-chart-4 - Fourth chart series colour.
 * @cssprop --zw-chart-5 - Fifth chart series colour.
 * @cssprop --zw-font-family - Font stack (system CJK fonts by default).
 * @cssprop --zw-font-size - Base text size (default 16px; 18px or more for 适老化).
 * @cssprop --zw-radius - Corner radius.
 * @cssprop --zw-space - Base spacing.
 */
export class ZwInfographic extends ZwElement<'infographic'> {
  static override styles = [...ZwElement.styles, blockStyles, infographicStyles];
  protected readonly kind = 'infographic' as const;

  /** The element's width and text size (on its root), measured; charts are drawn for them. */
  private readonly size = new WidthController(this);
  /** The downloadable parts of the last render, in reading order. */
  private targets: ExportTarget[] = [];
  /** Language of the document being rendered. */
  private docLang = 'zh-CN';
  /** Blocks (by key) whose data table is shown. */
  @state() private tablesShown = new Set<string>();
  @state() private exportStatus?: ExportStatus;
  /** Whether the download panel is open, and which part it downloads ('' = the whole infographic). */
  @state() private downloadOpen = false;
  @state() private downloadTarget = '';

  /** The document the reader's choices (tables shown, download) were made on. */
  private choicesDoc?: InfographicDocument;

  protected override update(changed: PropertyValues<this>): void {
    // A new document starts with its tables folded and no download message from the previous one.
    // Here, not in willUpdate: the data loader sets the document after willUpdate (and before update).
    if (this.doc !== this.choicesDoc) {
      this.choicesDoc = this.doc;
      this.tablesShown = new Set();
      this.exportStatus = undefined;
      this.downloadTarget = '';
    }
    super.update(changed);
  }

  /**
   * Pre-rendered (src/ssr): the first update hydrates the server's markup, which was laid out without a width to
   * measure; it must render the same, so it lays out as the server did, and the next update for the measured width.
   */
  private hydrating = !isServer && this.shadowRoot !== null;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.hydrating) {
      this.hydrating = false;
      this.requestUpdate();
    }
  }

  private get width() {
    return (this.hydrating ? 0 : this.size.width) || SERVER_WIDTH;
  }

  /** The text size the charts are drawn for (the server knows none: the default 16 px). */
  private get em() {
    return this.hydrating ? 16 : this.size.em;
  }

  private get wide() {
    return this.width > ONE_COLUMN_MAX;
  }

  /** No width to lay out for (the server's rendering, and the first update that hydrates it): the screen's width chooses, in CSS. */
  private get unmeasured() {
    return isServer || this.hydrating;
  }

  /** Width available to a block's content in an element `width` px wide: the whole row, or one of two columns; `nested` inside the annual report's frame. */
  private blockWidth(block: InfographicBlock, nested: boolean, width = this.width) {
    let inner = Math.max(240, width - 2 * PAD);
    if (nested) inner -= 2 * (PAD + REPORT_BORDER);
    const full = width <= ONE_COLUMN_MAX || FULL_WIDTH.has(block.type);
    return Math.floor((full ? inner : (inner - GAP) / 2) - 2 * PAD);
  }

  // ── Formatting ────────────────────────────────────────────────────────────

  private figure(value: number) {
    return formatFigure(this.locale, value);
  }

  private cell(value: string | number) {
    return typeof value === 'number' ? formatNumber(this.locale, value) : value;
  }

  // ── Rendering ─────────────────────────────────────────────────────────────

  protected override renderEmpty() {
    return msg('暂无图解');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="bar title w80"></div>
      <div class="bar w45"></div>
      <div class="skeleton-figures">${[1, 2, 3].map(() => html`<div class="bar figure"></div>`)}</div>
      <div class="bar chart"></div>`;
  }

  protected renderDocument(doc: InfographicDocument): TemplateResult {
    this.targets = [{ key: '', label: msg('整幅图解'), nested: false }];
    this.docLang = this.contentLang(doc);
    const blocks = doc.blocks.map((block, i) => this.renderBlock(block, `b${i}`));
    const lang = this.contentLang(doc);
    const source = doc.sourcePolicy;
    const sourceHref = safeHref(source?.url);
    return html`<article
      class="infographic ${doc.theme === 'blue' ? 'blue' : ''} ${this.unmeasured ? 'auto' : this.wide ? 'wide' : 'narrow'}"
      part="infographic"
      aria-labelledby="title"
      data-text-size=${this.em}
    >
      <header class="header" part="header">
        <div class="title" id="title" role="heading" aria-level=${this.level} lang=${lang}>${doc.title}</div>
        ${doc.subtitle ? html`<p class="subtitle" lang=${lang}>${doc.subtitle}</p>` : nothing}
        <p class="byline">
          ${doc.issuer ? html`<span lang=${lang}>${doc.issuer.name}</span>` : nothing}
          ${doc.publishDate ? html`<time class="zw-nobreak" datetime=${doc.publishDate}>${formatDate(this.locale, doc.publishDate)}</time>` : nothing}
        </p>
        ${
          source
            ? html`<p class="source-policy">${labelled(msg('解读文件'))}<span lang=${lang}>${sourceHref ? html`<a href=${sourceHref}>${source.title}</a>` : source.title}${source.docNo ? inBrackets(source.docNo) : nothing}</span></p>`
            : nothing
        }
      </header>
      ${this.renderDownload()}
      <!-- content in the document's language; buttons, labels and table headers of our own say lang=UI -->
      <div class="blocks" lang=${lang}>${blocks}</div>
    </article>`;
  }

  /**
   * One download control for the whole infographic: a button that opens a
   * choice of part (the whole, or one block) and the two formats. One tab stop
   * while closed, however many blocks there are; Escape closes it.
   */
  private renderDownload(): TemplateResult {
    const open = this.downloadOpen;
    return html`<div class="toolbar" part="toolbar" data-export="skip" lang=${this.locale}>
      <button type="button" class="zw-button download-toggle zw-needs-script" aria-expanded=${open ? 'true' : 'false'} aria-controls="download-panel" @click=${() => this.toggleDownload()}>
        ${msg('下载图片')}<span class="chevron" aria-hidden="true">${open ? '▴' : '▾'}</span>
      </button>
      <div class="download-panel" id="download-panel" ?hidden=${!open} @keydown=${this.onDownloadKey}>
        <label class="download-target">
          <span>${msg('下载哪一部分')}</span>
          <select class="zw-select" .value=${this.downloadTarget} @change=${(e: Event) => (this.downloadTarget = (e.target as HTMLSelectElement).value)}>
            ${this.targets.map(
              (t) => html`<option value=${t.key} lang=${ifDefined(t.lang)} ?selected=${t.key === this.downloadTarget}>${t.nested ? '\u3000' : ''}${t.label}</option>`,
            )}
          </select>
        </label>
        <div class="download-formats">
          <button type="button" class="zw-button" data-format="png" @click=${() => this.export('png', this.downloadTarget || undefined)}>${msg('下载图片（PNG）')}</button>
          <button type="button" class="zw-button" data-format="svg" @click=${() => this.export('svg', this.downloadTarget || undefined)}>${msg('下载矢量图（SVG）')}</button>
        </div>
      </div>
      <span class="export-status" role="status">${this.exportStatusText()}</span>
    </div>`;
  }

  private toggleDownload() {
    this.downloadOpen = !this.downloadOpen;
  }

  private onDownloadKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.downloadOpen = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.download-toggle')?.focus();
  };

  private exportStatusText() {
    const status = this.exportStatus;
    if (!status) return nothing;
    // the file is named after the document's title: its words keep the document's language
    return status.code === 'saved' ? withContent((name) => msg(str`已生成 ${name}`), status.filename, this.docLang) : msg('图片生成失败，请使用浏览器截图。');
  }

  /** A change on the previous period; the period's name (2016年) is the document's text, 上期 is ours. */
  private changeText(message: (period: string) => string, period: string | undefined) {
    return period ? withContent(message, period, this.docLang) : message(msg('上期'));
  }

  private renderBlock(block: InfographicBlock, key: string): TemplateResult {
    if (block.type === 'annual-report') return this.renderAnnualReport(block, key);
    const level = this.subLevel();
    const title = block.title;
    this.targets.push({ key, label: title ?? this.blockKindLabel(block.type), lang: title ? this.docLang : undefined, nested: key.includes('-') });
    const body = this.renderBlockBody(block, key);
    return html`<section
      class="block type-${block.type} ${FULL_WIDTH.has(block.type) ? 'full' : ''}"
      part="block"
      data-block=${key}
    >
      <!-- no accessible name on purpose: named sections become landmarks, and a dozen blocks would crowd the landmark list -->
      ${
        title
          ? html`<div class="block-title" id=${`${key}-title`} role="heading" aria-level=${level}>${title}</div>`
          : html`<div class="visually-hidden" role="heading" aria-level=${level} lang=${this.locale}>${this.blockKindLabel(block.type)}</div>`
      }
      ${body}
    </section>`;
  }

  private blockKindLabel(type: InfographicBlock['type']): string {
    switch (type) {
      case 'figures':
        return msg('关键数字');
      case 'chart':
        return msg('图表');
      case 'timeline':
        return msg('时间线');
      case 'process':
        return msg('流程');
      case 'list':
        return msg('要点');
      case 'callout':
        return msg('重点提示');
      case 'compare':
        return msg('前后对比');
      case 'table':
        return msg('表格');
      case 'note':
        return msg('注释');
      default:
        return msg('年度报告');
    }
  }

  private renderBlockBody(block: Exclude<InfographicBlock, AnnualReportBlock>, key: string): unknown {
    switch (block.type) {
      case 'figures':
        return this.renderFigures(block);
      case 'chart':
        return this.renderChart(block, key);
      case 'timeline':
        return this.renderTimeline(block);
      case 'process':
        return this.renderProcess(block);
      case 'list':
        return this.renderList(block);
      case 'callout':
        return this.renderCallout(block);
      case 'compare':
        return this.renderCompare(block);
      case 'table':
        return this.renderTable(block);
      case 'note':
        return this.renderNote(block);
    }
  }

  private renderFigures(block: FiguresBlock) {
    return html`<ul class="figures">
      ${block.items.map((item) => {
        const change = item.change;
        const delta = change ? item.value - change.previous : 0;
        const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
        const amount = change && change.previous !== 0 ? formatPercent(this.locale, Math.abs(delta) / Math.abs(change.previous)) : this.figure(Math.abs(delta));
        return html`<li class="figure" part="figure">
          <span class="figure-label">${item.label}</span>
          <span class="figure-value"><span class="number ${figureSize(this.figure(item.value))}">${this.figure(item.value)}</span>${item.unit ? html`<span class="unit">${item.unit}</span>` : nothing}</span>
          ${
            change
              ? html`<span class="change ${direction}" lang=${this.locale}
                ><span aria-hidden="true">${direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝'}</span>
                ${
                  direction === 'same'
                    ? this.changeText((period) => msg(str`与${period}持平`), change.period)
                    : direction === 'up'
                      ? this.changeText((period) => msg(str`比${period}增加 ${amount}`), change.period)
                      : this.changeText((period) => msg(str`比${period}减少 ${amount}`), change.period)
                }</span
              >`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }

  // ── Charts ────────────────────────────────────────────────────────────────

  private renderChart(block: ChartBlock, key: string) {
    const text = this.em * CHART_TEXT;
    const options = { text, format: (v: number) => this.figure(v) };
    const layout = layoutChart(block, this.blockWidth(block, key.includes('-')), options);
    // Unmeasured (pre-rendered): a phone's chart and a wide screen's, the screen's width showing one (styles: .auto)
    const wideLayout = this.unmeasured ? layoutChart(block, this.blockWidth(block, key.includes('-'), SERVER_WIDE_WIDTH), options) : undefined;
    const shown = this.tablesShown.has(key);
    const unit = block.unit ? inBrackets(block.unit) : '';
    return html`<figure class="chart-figure">
      ${
        wideLayout
          ? html`<div class="chart-drawing narrow">${this.renderChartSvg(block, layout, key)}</div>
              <div class="chart-drawing wide">${this.renderChartSvg(block, wideLayout, `${key}w`)}</div>`
          : this.renderChartSvg(block, layout, key)
      }
      <figcaption>
        <p class="takeaway" id=${`${key}-takeaway`}>${block.takeaway}</p>
        ${block.series.length > 1 || layout.kind === 'pie' ? this.renderLegend(block, key, layout.kind === 'pie' ? layout : undefined) : nothing}
        ${block.source ? html`<p class="chart-source"><span lang=${this.locale}>${labelled(msg('数据来源'))}</span>${block.source}</p>` : nothing}
      </figcaption>
      <button
        type="button"
        class="zw-button table-toggle zw-needs-script"
        data-export="skip"
        lang=${this.locale}
        aria-expanded=${shown ? 'true' : 'false'}
        aria-controls=${`${key}-table`}
        @click=${() => this.toggleTable(key)}
      >
        ${shown ? msg('隐藏数据表') : msg('查看数据表')}<span class="visually-hidden">${contentInBrackets(block.title, this.docLang)}</span>
      </button>
      <div class="data-table" id=${`${key}-table`} part="data-table" ?hidden=${!shown}>
        ${
          shown
            ? tableRegion(
                msg(str`${block.title}：数据表`),
                html`<table>
                <caption>${block.title}${unit}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="col-text" lang=${this.locale}>${msg('分类')}</th>
                    ${block.series.map((s) => html`<th scope="col" class="col-number">${s.name}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${block.categories.map(
                    (category, c) => html`<tr>
                      <th scope="row" class="col-text">${category}</th>
                      ${block.series.map((s) => html`<td class="col-number">${formatNumber(this.locale, s.values[c] ?? 0)}</td>`)}
                    </tr>`,
                  )}
                </tbody>
              </table>`,
              )
            : nothing
        }
      </div>
    </figure>`;
  }

  private toggleTable(key: string) {
    const next = new Set(this.tablesShown);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.tablesShown = next;
  }

  /** The chart's SVG; `patterns` names its fill patterns (a second SVG of the same chart has its own). */
  private renderChartSvg(block: ChartBlock, layout: ChartLayout, patterns: string) {
    const key = patterns.replace(/w$/, '');
    return html`<svg
        class="chart"
        part="chart"
        role="img"
        aria-labelledby=${`${key}-title`}
        aria-describedby=${`${key}-takeaway`}
        width=${layout.size.width}
        height=${layout.size.height}
        viewBox="0 0 ${layout.size.width} ${layout.size.height}"
        xmlns="http://www.w3.org/2000/svg"
      >
        ${this.renderPatterns(patterns)}
        ${layout.kind === 'bar' ? this.renderBars(layout, patterns) : layout.kind === 'line' ? this.renderLines(layout) : this.renderPie(block, layout, patterns)}
      </svg>`;
  }

  /** Fill patterns that tell series apart without colour (and survive forced-colours mode). */
  private renderPatterns(key: string) {
    return svg`<defs>
      <pattern id=${`${key}-p1`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" class="pattern-bg"></rect><line x1="0" y1="0" x2="0" y2="6" class="pattern-ink" stroke-width="2.5"></line>
      </pattern>
      <pattern id=${`${key}-p2`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" class="pattern-bg"></rect><circle cx="3" cy="3" r="1.6" class="pattern-dot"></circle>
      </pattern>
      <pattern id=${`${key}-p3`} width="7" height="7" patternUnits="userSpaceOnUse">
        <rect width="7" height="7" class="pattern-bg"></rect><path d="M0 0L7 7M7 0L0 7" class="pattern-ink" stroke-width="1.5"></path>
      </pattern>
      <pattern id=${`${key}-p4`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" class="pattern-bg"></rect><line x1="0" y1="3" x2="6" y2="3" class="pattern-ink" stroke-width="2"></line>
      </pattern>
    </defs>`;
  }

  /** Series `i` is drawn with colour i and pattern i, so it differs by both. */
  private fill(key: string, i: number) {
    // Colours repeat every 5 series; shift the pattern each round so series 0 and 5 still differ.
    const pattern = (i + Math.floor(i / PATTERNS)) % PATTERNS;
    return pattern === 0 ? '' : `url(#${key}-p${pattern})`;
  }

  private renderBars(layout: BarLayout, key: string) {
    const t = layout.text;
    return svg`
      ${this.renderAxes(layout)}
      ${layout.categoryLabels.map(
        (label) =>
          svg`<text class="category-label" x=${label.x} y=${label.y}>${label.lines.map((line, i) => svg`<tspan x=${label.x} dy=${i ? t * 1.25 : 0}>${line}</tspan>`)}</text>`,
      )}
      ${layout.labelsAbove && layout.value.domain()[0] < 0 ? svg`<line class="zero-line" x1=${layout.value(0)} x2=${layout.value(0)} y1="0" y2=${layout.size.height}></line>` : nothing}
      ${layout.bars.map((bar) => {
        const pattern = this.fill(key, bar.series);
        return svg`<rect class="mark series-${bar.series % 5}" x=${bar.x} y=${bar.y} width=${Math.max(0, bar.width)} height=${Math.max(0, bar.height)}
          fill=${pattern || nothing} rx="2"></rect>`;
      })}
      ${layout.bars.map((bar) => (bar.label ? this.valueLabel(bar.label, layout.horizontal) : nothing))}
      ${layout.totals.map((total) => this.valueLabel(total, layout.horizontal, 'total'))}
    `;
  }

  /** A value written on or beside a mark; its halo (CSS) keeps it readable over any fill or pattern. */
  private valueLabel(label: ValueLabel, horizontal: boolean, kind = '') {
    const central = horizontal || label.over;
    return svg`<text class="value-label ${label.over ? 'over' : ''} ${kind}" x=${label.x} y=${label.y} text-anchor=${label.anchor}
      dominant-baseline=${central ? 'central' : 'auto'}>${this.figure(label.value)}</text>`;
  }

  private renderLines(layout: LineLayout) {
    return svg`
      ${this.renderAxes(layout)}
      ${layout.lines.map(
        (l) => svg`<path class="line series-${l.series % 5} dash-${l.series % 4}" d=${l.path} fill="none"></path>
          ${l.points.map((p) => svg`<path class="marker series-${l.series % 5}" d=${symbolPath(l.series)} transform="translate(${p.x},${p.y})"></path>`)}
          ${l.points.map((p) => svg`<text class="value-label" x=${p.x} y=${p.y - layout.text * 0.7} text-anchor="middle">${this.figure(p.value)}</text>`)}`,
      )}
    `;
  }

  private renderPie(block: ChartBlock, layout: PieLayout, key: string) {
    return svg`
      <g transform="translate(${layout.centre.x},${layout.centre.y})">
        ${layout.slices.map((slice) => svg`<path class="mark slice series-${slice.category % 5}" d=${slice.path} fill=${this.fill(key, slice.category) || nothing}></path>`)}
      </g>
      ${layout.slices.map((slice) =>
        slice.share < 0.03 || !layout.outsideLabels
          ? nothing
          : svg`<text class="slice-label" x=${slice.labelX} y=${slice.labelY} text-anchor=${slice.anchor} dominant-baseline="central">${block.categories[slice.category]} ${formatPercent(this.locale, slice.share)}</text>`,
      )}
    `;
  }

  /** Series (or, for a pie, slices with their shares) by colour and pattern; the chart's own labels say the same. */
  private renderLegend(block: ChartBlock, key: string, pie?: PieLayout) {
    const names = pie ? block.categories.map((c, i) => `${c} ${formatPercent(this.locale, pie.slices[i]?.share ?? 0)}`) : block.series.map((s) => s.name);
    return html`<ul class="legend" aria-hidden="true">
      ${names.map(
        (name, i) => html`<li>
          <svg width="18" height="14" viewBox="0 0 18 14">
            ${
              block.chart === 'line'
                ? svg`<path class="marker series-${i % 5}" d=${symbolPath(i, 48)} transform="translate(9,7)"></path>`
                : svg`<rect class="mark series-${i % 5}" width="18" height="14" rx="2" fill=${this.fill(key, i) || nothing}></rect>`
            }
          </svg>
          ${name}
        </li>`,
      )}
    </ul>`;
  }

  /** A chart's axes, drawn as d3-axis draws them but by Lit, so they come out of the server's rendering too (./chart-layout.ts `chartAxes`). */
  private renderAxes(layout: ChartLayout) {
    const axes = chartAxes(layout, (v) => this.figure(v));
    return axes ? svg`${this.renderAxis(axes.value, 'value')}${this.renderAxis(axes.band, 'band')}` : nothing;
  }

  private renderAxis(axis: Axis, kind: 'value' | 'band') {
    const left = axis.orient === 'left';
    const ticks = axis.ticks.map((tick) => {
      const n = tick.lines.length;
      if (left) {
        const text = n === 1 ? tick.label : tick.lines.map((line, i) => svg`<tspan x="-9" dy=${i === 0 ? `${0.32 - (n - 1) * 0.6}em` : '1.2em'}>${line}</tspan>`);
        return svg`<g class="tick" opacity="1" transform="translate(0,${tick.at})"><line stroke="currentColor" x2="-6"></line><text fill="currentColor" x="-9" dy="0.32em">${text}</text></g>`;
      }
      const text = n === 1 ? tick.label : tick.lines.map((line, i) => svg`<tspan x="0" dy=${i === 0 ? '0.71em' : '1.15em'}>${line}</tspan>`);
      return svg`<g class="tick" opacity="1" transform="translate(${tick.at},0)"><line stroke="currentColor" y2="6"></line><text fill="currentColor" y="9" dy="0.71em">${text}</text></g>`;
    });
    return svg`<g class="axis ${kind}-axis" data-axis=${kind} transform="translate(${axis.x},${axis.y})" fill="none" font-size="10" font-family="sans-serif" text-anchor=${left ? 'end' : 'middle'}
      ><path class="domain" stroke="currentColor" d=${axis.domain}></path>${ticks}</g>`;
  }

  // ── Other blocks ──────────────────────────────────────────────────────────

  private renderTimeline(block: TimelineBlock) {
    return html`<ol class="timeline">
      ${block.items.map(
        (item) => html`<li>
          <span class="when">${item.date ? html`<time class="zw-nobreak" datetime=${item.date}>${item.when}</time>` : item.when}</span>
          <span class="what">${item.label}</span>
          ${item.detail ? html`<span class="detail">${item.detail}</span>` : nothing}
        </li>`,
      )}
    </ol>`;
  }

  private renderProcess(block: ProcessBlock) {
    return html`<ol class="process">
      ${block.steps.map(
        (step, i) => html`<li>
          <span class="step-number" aria-hidden="true">${i + 1}</span>
          <div class="step-body">
            <span class="step-label">${step.label}</span>
            ${step.timeLimit ? html`<span class="time-limit"><span lang=${this.locale}>${labelled(msg('时限'))}</span>${step.timeLimit}</span>` : nothing}
            ${step.detail ? html`<span class="detail">${step.detail}</span>` : nothing}
            ${
              step.branches?.length
                ? html`<ul class="branches">
                  ${step.branches.map((b) => html`<li>${msg(str`如${b.condition}：${b.outcome}`)}</li>`)}
                </ul>`
                : nothing
            }
          </div>
        </li>`,
      )}
    </ol>`;
  }

  private renderList(block: InfographicListBlock) {
    return html`<ol class="points">
      ${block.items.map((item) => html`<li>${item}</li>`)}
    </ol>`;
  }

  private renderCallout(block: CalloutBlock) {
    const body = html`<p>${block.text}</p>${block.source ? html`<p class="callout-source">— <cite>${block.source}</cite></p>` : nothing}`;
    return block.style === 'quote' ? html`<blockquote class="callout quote">${body}</blockquote>` : html`<div class="callout rule" role="note">${body}</div>`;
  }

  private renderCompare(block: CompareBlock) {
    const before = block.beforeLabel ?? msg('调整前');
    const after = block.afterLabel ?? msg('调整后');
    return tableRegion(
      block.title ?? msg('前后对比'),
      html`<table class="compare">
        <thead>
          <tr>
            <th scope="col" class="col-text" lang=${this.locale}>${msg('事项')}</th>
            <th scope="col" lang=${ifDefined(block.beforeLabel ? undefined : this.locale)}>${before}</th>
            <th scope="col"><span class="visually-hidden" lang=${this.locale}>${msg('变为')}</span></th>
            <th scope="col" lang=${ifDefined(block.afterLabel ? undefined : this.locale)}>${after}</th>
          </tr>
        </thead>
        <tbody>
          ${block.items.map(
            (item) => html`<tr>
              <th scope="row" class="col-text">${item.label}</th>
              <td class="before">${this.cell(item.before)}${item.unit ?? ''}</td>
              <td class="arrow" aria-hidden="true">→</td>
              <td class="after">${this.cell(item.after)}${item.unit ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>`,
    );
  }

  private renderTable(block: InfographicTableBlock) {
    return renderBlocks(
      [
        {
          type: 'table',
          caption: block.caption ?? block.title,
          head: block.head,
          rows: block.rows.map((row) => row.map((cell) => this.cell(cell))) as [string[], ...string[][]],
        },
      ],
      { headingLevel: this.subLevel(2) },
    );
  }

  private renderNote(block: InfographicNoteBlock) {
    return html`<p class="note-text">${block.text}</p>${block.source ? html`<p class="note-source"><span lang=${this.locale}>${labelled(msg('资料来源'))}</span>${block.source}</p>` : nothing}`;
  }

  private renderAnnualReport(block: AnnualReportBlock, key: string) {
    const level = this.subLevel();
    const title = block.title ?? msg(str`${block.year}年政府信息公开工作年度报告`);
    this.targets.push({ key, label: title, lang: block.title ? this.docLang : undefined, nested: false });
    return html`<section class="block type-annual-report full" part="block" data-block=${key}>
      <div class="block-title" id=${`${key}-title`} role="heading" aria-level=${level} lang=${ifDefined(block.title ? undefined : this.locale)}>${title}</div>
      <div class="blocks nested">${annualReportBlocks(block).map((inner: InfographicBlock, i: number) => this.renderBlock(inner, `${key}-${i}`))}</div>
    </section>`;
  }

  // ── Export ────────────────────────────────────────────────────────────────

  /** Downloads the whole infographic, or one block, as PNG (2×) or SVG. */
  async export(format: 'png' | 'svg', blockKey?: string): Promise<Blob | undefined> {
    const target = blockKey ? this.renderRoot.querySelector<HTMLElement>(`[data-block="${blockKey}"]`) : this.renderRoot.querySelector<HTMLElement>('[part=infographic]');
    if (!target || !this.doc) return undefined;
    const name = (this.doc.id ?? this.doc.title).replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'infographic';
    const filename = `${name}${blockKey ? `-${blockKey}` : ''}.${format}`;
    try {
      // A chart still fading in would be saved half transparent.
      for (const animation of target.getAnimations({ subtree: true })) animation.finish();
      // Loaded on first use: most readers never download, so the page does not pay for it.
      const { downloadBlob, elementToSvg, svgToPng } = await import('./export.js');
      const { svg: markup, width, height } = elementToSvg(target, { background: getComputedStyle(target).backgroundColor, padding: 16, title: this.doc.title });
      const blob = format === 'svg' ? new Blob([markup], { type: 'image/svg+xml' }) : await svgToPng(markup, width, height, 2);
      downloadBlob(blob, filename);
      this.exportStatus = { code: 'saved', filename };
      return blob;
    } catch (error) {
      console.warn('[zhengwu-elements] export failed', error);
      this.exportStatus = { code: 'failed' };
      return undefined;
    }
  }
}

defineElement('zw-infographic', ZwInfographic);

declare global {
  interface HTMLElementTagNameMap {
    'zw-infographic': ZwInfographic;
  }
}
