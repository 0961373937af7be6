/**
 * Chart geometry from data, with d3 scales and shapes: pure functions, no DOM,
 * so the element renders the SVG, axes included, with Lit (in the browser and on the server).
 *
 * Sizes follow the chart's text size (the reader's text size, 适老化 included):
 * margins, bar thickness and label room are measured in it. On a narrow chart,
 * bars are drawn horizontally with their category names above them, so the
 * plot keeps the whole width instead of shrinking beside a column of labels.
 */
import { scaleBand, scaleLinear, scalePoint, type ScaleBand, type ScaleLinear, type ScalePoint } from 'd3-scale';
import { arc, line, pie, stack, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import type { ChartBlock } from '../../schema/types.generated.js';

export interface ChartSize {
  width: number;
  height: number;
}
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartOptions {
  /** Font size of the chart's text in px (axis ticks, value and category labels). */
  text: number;
  /** How value labels are written (1.2万, 12,000…): their width decides the room kept for them. */
  format: (value: number) => string;
}

/** Below this many `text` sizes of width a chart is "narrow": bars turn horizontal with their names above them. */
export const NARROW_CHART = 28;
/** Line height of wrapped category names, in `text` sizes. */
const LINE = 1.25;

/** Whether a character is set full-width (CJK ideographs, kana, full-width punctuation). */
const wide = (ch: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch);
/** Estimated width of `s` set at `size` px: 1em per CJK character, about 0.6em for digits and Latin letters. */
export const textWidth = (s: string, size: number): number => [...s].reduce((w, ch) => w + (wide(ch) ? size : size * 0.6), 0);

/** Splits a category name into lines no wider than `width` px at text size `size`; past `maxLines` the last line ends in "…". */
export function categoryLines(name: string, width: number, size: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of name) {
    if (current && textWidth(current + ch, size) > width) {
      lines.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, -1)}…`;
  return kept;
}

/** Marker shapes per series, so lines differ by more than colour. */
export const SERIES_SYMBOLS: SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond];
export const symbolPath = (index: number, size = 64): string => symbol(SERIES_SYMBOLS[index % SERIES_SYMBOLS.length], size)() ?? '';

export interface ValueLabel {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  value: number;
  /** Written over a bar (inside it): it then needs its halo to stay readable on any fill or pattern. */
  over: boolean;
}

export interface BarRect {
  series: number;
  category: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  /** The bar's value label; none where a stacked segment is too small to hold it (the data table has every value). */
  label?: ValueLabel;
}

export interface CategoryLabel {
  x: number;
  /** Baseline of the first line. */
  y: number;
  lines: string[];
}

export interface BarLayout {
  kind: 'bar';
  horizontal: boolean;
  /** Category names drawn above their bars (narrow charts); otherwise on a d3 axis. */
  labelsAbove: boolean;
  bars: BarRect[];
  /** Totals at the end of stacked bars. */
  totals: ValueLabel[];
  categoryLabels: CategoryLabel[];
  band: ScaleBand<string>;
  value: ScaleLinear<number, number>;
  size: ChartSize;
  margin: Margins;
  text: number;
}

export interface LineLayout {
  kind: 'line';
  lines: { series: number; path: string; points: { x: number; y: number; value: number; category: number }[] }[];
  x: ScalePoint<string>;
  value: ScaleLinear<number, number>;
  size: ChartSize;
  margin: Margins;
  text: number;
}

export interface PieLayout {
  kind: 'pie';
  slices: { category: number; path: string; value: number; share: number; labelX: number; labelY: number; anchor: 'start' | 'end' | 'middle' }[];
  /** Whether there is room for labels beside the slices; otherwise the legend carries names and shares. */
  outsideLabels: boolean;
  centre: { x: number; y: number };
  size: ChartSize;
  text: number;
}

export type ChartLayout = BarLayout | LineLayout | PieLayout;

export function layoutChart(block: ChartBlock, width: number, options: ChartOptions): ChartLayout {
  if (block.chart === 'pie' || block.chart === 'donut') return layoutPie(block, width, options);
  if (block.chart === 'line') return layoutLine(block, width, options);
  if (width < NARROW_CHART * options.text) return layoutBarsLabelsAbove(block, width, options);
  return block.orientation === 'horizontal' ? layoutBarsHorizontal(block, width, options) : layoutBarsVertical(block, width, options);
}

// ── Bars ────────────────────────────────────────────────────────────────────

const isStacked = (block: ChartBlock) => block.stacking === 'stacked' && block.series.length > 1;
const valueAt = (block: ChartBlock, s: number, c: number) => block.series[s]?.values[c] ?? 0;

/** The value domain: totals for stacked bars (negative parts are not stacked), else every value and 0. */
function valueDomain(block: ChartBlock): [number, number] {
  if (isStacked(block)) return [0, Math.max(0, ...stackTotals(block)) || 1];
  const all = block.series.flatMap((s) => s.values);
  return [Math.min(0, ...all), Math.max(0, ...all) || 1];
}

const stackTotals = (block: ChartBlock) => block.categories.map((_, c) => block.series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0));

/** Stacked segments [from, to] per series and category. */
function stackSegments(block: ChartBlock): [number, number][][] {
  const rows = block.categories.map((_, c) => Object.fromEntries(block.series.map((s, i) => [i, Math.max(0, s.values[c] ?? 0)])));
  return stack<Record<number, number>, number>()
    .keys(block.series.map((_, i) => i))(rows)
    .map((layer) => layer.map(([from, to]) => [from, to] as [number, number]));
}

/** A label centred over a segment, if the segment holds it. */
function segmentLabel(rect: { x: number; y: number; width: number; height: number }, v: number, o: ChartOptions): ValueLabel | undefined {
  const fits = rect.width >= textWidth(o.format(v), o.text) + 6 && rect.height >= o.text * 1.1;
  return fits && v > 0 ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, anchor: 'middle', value: v, over: true } : undefined;
}

/** After the end of a horizontal bar when there is room before `right`, else inside its end. */
function endLabel(x0: number, x1: number, y: number, v: number, right: number, o: ChartOptions): ValueLabel {
  const end = v < 0 ? x0 : x1;
  const w = textWidth(o.format(v), o.text);
  if (v < 0) return end - w - 4 >= 0 ? { x: end - 4, y, anchor: 'end', value: v, over: false } : { x: end + 4, y, anchor: 'start', value: v, over: true };
  return end + w + 4 <= right ? { x: end + 4, y, anchor: 'start', value: v, over: false } : { x: end - 4, y, anchor: 'end', value: v, over: true };
}

/** Horizontal bars, each category's rows starting at `rowTop(c)`, `thickness` px each (one row per series unless stacked). */
function horizontalBars(block: ChartBlock, rowTop: (c: number) => number, thickness: number, gap: number, scale: ScaleLinear<number, number>, right: number, o: ChartOptions) {
  const bars: BarRect[] = [];
  const totals: ValueLabel[] = [];
  if (isStacked(block)) {
    stackSegments(block).forEach((layer, s) =>
      layer.forEach(([from, to], c) => {
        const rect = { x: scale(from), y: rowTop(c), width: scale(to) - scale(from), height: thickness };
        bars.push({ series: s, category: c, ...rect, value: to - from, label: segmentLabel(rect, to - from, o) });
      }),
    );
    stackTotals(block).forEach((total, c) => totals.push(endLabel(scale(0), scale(total), rowTop(c) + thickness / 2, total, right, o)));
    return { bars, totals };
  }
  block.series.forEach((_, s) =>
    block.categories.forEach((_, c) => {
      const v = valueAt(block, s, c);
      const [a, b] = [scale(0), scale(v)].sort((p, q) => p - q);
      const y = rowTop(c) + s * (thickness + gap);
      bars.push({ series: s, category: c, x: a, y, width: b - a, height: thickness, value: v, label: endLabel(a, b, y + thickness / 2, v, right, o) });
    }),
  );
  return { bars, totals };
}

/** Narrow charts: every bar horizontal and as wide as the chart, its category name above it, values at the bar ends. */
function layoutBarsLabelsAbove(block: ChartBlock, width: number, o: ChartOptions): BarLayout {
  const t = o.text;
  const rows = isStacked(block) ? 1 : block.series.length;
  const thickness = Math.round(t * 1.5);
  const gap = 3;
  const scale = scaleLinear().domain(valueDomain(block)).range([0, width]);
  const categoryLabels: CategoryLabel[] = [];
  const tops: number[] = [];
  let y = 0;
  block.categories.forEach((name) => {
    const lines = categoryLines(name, width, t, 4);
    categoryLabels.push({ x: 0, y: y + t, lines });
    y += lines.length * t * LINE + t * 0.3;
    tops.push(y);
    y += rows * thickness + (rows - 1) * gap + t * 0.9;
  });
  const { bars, totals } = horizontalBars(block, (c) => tops[c], thickness, gap, scale, width, o);
  const size = { width, height: Math.ceil(y) };
  const band = scaleBand<string>().domain(block.categories).range([0, size.height]);
  return { kind: 'bar', horizontal: true, labelsAbove: true, bars, totals, categoryLabels, band, value: scale, size, margin: { top: 0, right: 0, bottom: 0, left: 0 }, text: t };
}

/** Horizontal bars with their category names on an axis at the left (wide charts). */
function layoutBarsHorizontal(block: ChartBlock, width: number, o: ChartOptions): BarLayout {
  const t = o.text;
  const rows = block.categories.length * (isStacked(block) ? 1 : block.series.length);
  const [, max] = valueDomain(block);
  // Category names sit left of the bars; long ones wrap onto up to three lines, within 40% of the width.
  const left = Math.min(width * 0.4, 12 + t * 0.6 + Math.max(...block.categories.map((c) => textWidth(c, t))));
  const margin = { top: t * 0.5, right: textWidth(o.format(max), t) + 10, bottom: t * 2.4, left };
  const height = Math.max(160, Math.round(margin.top + margin.bottom + rows * t * 2.1 + block.categories.length * t * 0.7));
  const band = scaleBand<string>()
    .domain(block.categories)
    .range([margin.top, height - margin.bottom])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const scale = scaleLinear()
    .domain(valueDomain(block))
    .nice()
    .range([margin.left, width - margin.right]);
  const inner = scaleBand<number>()
    .domain(block.series.map((_, i) => i))
    .range([0, band.bandwidth()])
    .padding(0.08);
  const thickness = isStacked(block) ? band.bandwidth() : inner.bandwidth();
  const gap = isStacked(block) ? 0 : inner.step() - inner.bandwidth();
  const top = (c: number) => band(block.categories[c])! + (isStacked(block) ? 0 : inner(0)!);
  const { bars, totals } = horizontalBars(block, top, thickness, gap, scale, width, o);
  return { kind: 'bar', horizontal: true, labelsAbove: false, bars, totals, categoryLabels: [], band, value: scale, size: { width, height }, margin, text: t };
}

/** Vertical bars (wide charts): values on an axis at the left, category names below, value labels above the bars. */
function layoutBarsVertical(block: ChartBlock, width: number, o: ChartOptions): BarLayout {
  const t = o.text;
  const [min, max] = valueDomain(block);
  const tickRoom = Math.max(textWidth(o.format(max), t), textWidth(o.format(min), t));
  const height = Math.round(Math.min(Math.max(360, t * 22), Math.max(220, width * 0.56, t * 15)));
  const left = tickRoom + 14;
  const step = (width - left - 8) / Math.max(1, block.categories.length);
  const nameLines = Math.max(...block.categories.map((c) => categoryLines(c, step * 0.92, t, 2).length));
  const margin = { top: t * 1.6, right: 8, bottom: 10 + nameLines * t * 1.2, left };
  const band = scaleBand<string>()
    .domain(block.categories)
    .range([margin.left, width - margin.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const scale = scaleLinear()
    .domain([min, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const bars: BarRect[] = [];
  const totals: ValueLabel[] = [];
  if (isStacked(block)) {
    stackSegments(block).forEach((layer, s) =>
      layer.forEach(([from, to], c) => {
        const rect = { x: band(block.categories[c])!, y: scale(to), width: band.bandwidth(), height: scale(from) - scale(to) };
        bars.push({ series: s, category: c, ...rect, value: to - from, label: segmentLabel(rect, to - from, o) });
      }),
    );
    stackTotals(block).forEach((total, c) =>
      totals.push({ x: band(block.categories[c])! + band.bandwidth() / 2, y: scale(total) - t * 0.4, anchor: 'middle', value: total, over: false }),
    );
  } else {
    const inner = scaleBand<number>()
      .domain(block.series.map((_, i) => i))
      .range([0, band.bandwidth()])
      .padding(0.08);
    block.series.forEach((_, s) =>
      block.categories.forEach((category, c) => {
        const v = valueAt(block, s, c);
        const x = band(category)! + inner(s)!;
        const [a, b] = [scale(0), scale(v)].sort((p, q) => p - q);
        const label: ValueLabel =
          v < 0
            ? { x: x + inner.bandwidth() / 2, y: b + t, anchor: 'middle', value: v, over: false }
            : { x: x + inner.bandwidth() / 2, y: a - t * 0.4, anchor: 'middle', value: v, over: false };
        bars.push({ series: s, category: c, x, y: a, width: inner.bandwidth(), height: b - a, value: v, label });
      }),
    );
  }
  return { kind: 'bar', horizontal: false, labelsAbove: false, bars, totals, categoryLabels: [], band, value: scale, size: { width, height }, margin, text: t };
}

// ── Lines and pies ──────────────────────────────────────────────────────────

function layoutLine(block: ChartBlock, width: number, o: ChartOptions): LineLayout {
  const t = o.text;
  const all = block.series.flatMap((s) => s.values);
  const [min, max] = [Math.min(0, ...all), Math.max(0, ...all) || 1];
  const height = Math.round(Math.min(Math.max(360, t * 22), Math.max(220, width * 0.56, t * 15)));
  const left = Math.max(textWidth(o.format(max), t), textWidth(o.format(min), t)) + 14;
  const last = block.categories[block.categories.length - 1] ?? '';
  const margin = { top: t * 1.6, right: Math.max(t * 0.6, textWidth(last, t) / 2), bottom: 10 + t * 2.4, left };
  const x = scalePoint<string>()
    .domain(block.categories)
    .range([margin.left + 8, width - margin.right - 8])
    .padding(0.2);
  const value = scaleLinear()
    .domain([min, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const path = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y);
  return {
    kind: 'line',
    x,
    value,
    size: { width, height },
    margin,
    text: t,
    lines: block.series.map((series, s) => {
      const points = block.categories.map((category, c) => ({ x: x(category)!, y: value(series.values[c] ?? 0), value: series.values[c] ?? 0, category: c }));
      return { series: s, path: path(points) ?? '', points };
    }),
  };
}

function layoutPie(block: ChartBlock, width: number, o: ChartOptions): PieLayout {
  const size = { width, height: Math.round(Math.min(360, Math.max(240, width * 0.62))) };
  const values = block.series[0]?.values ?? [];
  const total = values.reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const radius = Math.max(40, Math.min(size.width * 0.28, size.height / 2 - 36));
  const centre = { x: size.width / 2, y: size.height / 2 };
  const inner = block.chart === 'donut' ? radius * 0.55 : 0;
  const shape = arc<{ startAngle: number; endAngle: number }>().innerRadius(inner).outerRadius(radius);
  const arcs = pie<number>()
    .sort(null)
    .value((v) => Math.max(0, v))(values);
  return {
    kind: 'pie',
    centre,
    size,
    text: o.text,
    // Names and shares beside the slices, when the longest fits on either side of the circle.
    outsideLabels: size.width >= 480 && size.width >= 2 * (radius + 18 + Math.max(...block.categories.map((c) => textWidth(`${c} 00.0%`, o.text)))),
    slices: arcs.map((a, category) => {
      const mid = (a.startAngle + a.endAngle) / 2;
      const r = radius + 14;
      const labelX = centre.x + Math.sin(mid) * r;
      const labelY = centre.y - Math.cos(mid) * r;
      const anchor = Math.abs(Math.sin(mid)) < 0.15 ? 'middle' : Math.sin(mid) > 0 ? 'start' : 'end';
      return { category, path: shape(a) ?? '', value: values[category], share: Math.max(0, values[category]) / total, labelX, labelY, anchor };
    }),
  };
}

// ── Axes ────────────────────────────────────────────────────────────────────

/** One tick of an axis: where (along the axis, px), its label and the label's lines (a long category name wraps). */
export interface AxisTick {
  at: number;
  label: string;
  lines: string[];
}

/**
 * An axis as d3-axis would draw it (same ticks, positions, domain path and text offsets), computed without a DOM so
 * the element renders it with Lit — on the server (pre-rendered SVG) as in the browser.
 */
export interface Axis {
  orient: 'left' | 'bottom';
  /** The axis group's translation. */
  x: number;
  y: number;
  /** The domain line's path. */
  domain: string;
  ticks: AxisTick[];
}

/** d3-axis's half-pixel offset (for crisp 1 px lines on standard-density screens). */
const OFFSET = 0.5;
const TICK_SIZE = 6;

function axisOf(orient: 'left' | 'bottom', x: number, y: number, range: number[], outer: number, ticks: AxisTick[]): Axis {
  const [r0, r1] = [range[0] + OFFSET, range[range.length - 1] + OFFSET];
  const k = orient === 'left' ? -1 : 1;
  const domain =
    orient === 'left'
      ? outer
        ? `M${k * outer},${r0}H${OFFSET}V${r1}H${k * outer}`
        : `M${OFFSET},${r0}V${r1}`
      : outer
        ? `M${r0},${k * outer}V${OFFSET}H${r1}V${k * outer}`
        : `M${r0},${OFFSET}H${r1}`;
  return { orient, x, y, domain, ticks };
}

/** Ticks of a value scale: about one every six characters of chart text, at least two. */
function valueTicks(scale: ScaleLinear<number, number>, extent: number, text: number, format: (v: number) => string): AxisTick[] {
  return scale.ticks(Math.max(2, Math.floor(extent / (text * 6)))).map((v) => {
    const label = format(v);
    return { at: scale(v) + OFFSET, label, lines: [label] };
  });
}

/** Ticks of a category scale at the middle of each band (a point scale has no band). */
function bandTicks(scale: ScaleBand<string> | ScalePoint<string>, wrap: (label: string) => string[]): AxisTick[] {
  let middle = Math.max(0, scale.bandwidth() - OFFSET * 2) / 2;
  if (scale.round()) middle = Math.round(middle);
  return scale.domain().map((label) => ({ at: scale(label)! + middle + OFFSET, label, lines: wrap(label) }));
}

/** The value and category axes of a chart that has them (not pies, not narrow bar charts with names above the bars). */
export function chartAxes(layout: ChartLayout, format: (v: number) => string): { value: Axis; band: Axis } | undefined {
  if (layout.kind === 'pie' || (layout.kind === 'bar' && layout.labelsAbove)) return undefined;
  const { width, height } = layout.size;
  const { margin, text } = layout;
  if (layout.kind === 'bar' && layout.horizontal) {
    // names longer than the margin wrap onto up to three lines, centred on their bar
    const room = layout.value(0) - 12;
    return {
      value: axisOf('bottom', 0, height - margin.bottom, layout.value.range(), TICK_SIZE, valueTicks(layout.value, width - margin.left, text, format)),
      band: axisOf(
        'left',
        layout.value(0),
        0,
        layout.band.range(),
        0,
        bandTicks(layout.band, (label) => categoryLines(label, room, text)),
      ),
    };
  }
  const band = layout.kind === 'bar' ? layout.band : layout.x;
  // long category names on a narrow chart: two lines rather than overlap
  const step = band.step();
  return {
    value: axisOf('left', margin.left, 0, layout.value.range(), TICK_SIZE, valueTicks(layout.value, height - margin.top - margin.bottom, text, format)),
    band: axisOf(
      'bottom',
      0,
      layout.value(0),
      band.range(),
      0,
      bandTicks(band, (label) => categoryLines(label, step * 0.92, text, 2)),
    ),
  };
}
