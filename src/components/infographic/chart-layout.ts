/**
 * Chart geometry from data, with d3 scales and shapes: pure functions, no DOM,
 * so the element renders the SVG with Lit and the axes with d3-axis.
 */
import { scaleBand, scaleLinear, scalePoint, type ScaleBand, type ScaleLinear, type ScalePoint } from 'd3-scale';
import { arc, line, pie, stack, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import type { ChartBlock } from '../../schema/types.generated.js';

export interface ChartSize {
  width: number;
  height: number;
}
export const MARGIN = { top: 28, right: 20, bottom: 44, left: 52 };
/** Width of one CJK character of axis text, for wrapping category names. */
export const CHAR = 13;

/** Splits a category name into lines of at most `width` px (CJK characters are about CHAR px), at most 3 lines. */
export function categoryLines(name: string, width: number): string[] {
  const perLine = Math.max(2, Math.floor(width / CHAR));
  if (name.length <= perLine) return [name];
  const lines: string[] = [];
  for (let i = 0; i < name.length && lines.length < 3; i += perLine) lines.push(name.slice(i, i + perLine));
  if (lines.join('').length < name.length) lines[2] = `${lines[2].slice(0, -1)}…`;
  return lines;
}

/** Marker shapes per series, so lines differ by more than colour. */
export const SERIES_SYMBOLS: SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond];
export const symbolPath = (index: number, size = 64): string => symbol(SERIES_SYMBOLS[index % SERIES_SYMBOLS.length], size)() ?? '';

export interface BarRect {
  series: number;
  category: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  /** Where the value label goes. */
  labelX: number;
  labelY: number;
}

export interface BarLayout {
  kind: 'bar';
  horizontal: boolean;
  bars: BarRect[];
  band: ScaleBand<string>;
  value: ScaleLinear<number, number>;
  size: ChartSize;
}

export interface LineLayout {
  kind: 'line';
  lines: { series: number; path: string; points: { x: number; y: number; value: number; category: number }[] }[];
  x: ScalePoint<string>;
  value: ScaleLinear<number, number>;
  size: ChartSize;
}

export interface PieLayout {
  kind: 'pie';
  slices: { category: number; path: string; value: number; share: number; labelX: number; labelY: number; anchor: 'start' | 'end' | 'middle' }[];
  /** Whether there is room for labels beside the slices; otherwise the legend carries names and shares. */
  outsideLabels: boolean;
  centre: { x: number; y: number };
  size: ChartSize;
}

export type ChartLayout = BarLayout | LineLayout | PieLayout;

/** Height that keeps a chart readable at a given width and number of categories. */
export function chartHeight(block: ChartBlock, width: number): number {
  if (block.chart === 'bar' && block.orientation === 'horizontal') {
    const rows = block.categories.length * (block.stacking === 'stacked' ? 1 : block.series.length);
    return Math.max(160, MARGIN.top + MARGIN.bottom + rows * 30 + block.categories.length * 10);
  }
  if (block.chart === 'pie' || block.chart === 'donut') return Math.round(Math.min(360, Math.max(240, width * 0.62)));
  return Math.round(Math.min(360, Math.max(220, width * 0.56)));
}

export function layoutChart(block: ChartBlock, width: number): ChartLayout {
  const size = { width, height: chartHeight(block, width) };
  if (block.chart === 'pie' || block.chart === 'donut') return layoutPie(block, size);
  if (block.chart === 'line') return layoutLine(block, size);
  return layoutBar(block, size);
}

function layoutBar(block: ChartBlock, size: ChartSize): BarLayout {
  const horizontal = block.orientation === 'horizontal';
  const stacked = block.stacking === 'stacked' && block.series.length > 1;
  // Category names sit left of horizontal bars; long ones wrap (see categoryLines), up to 45% of the width.
  const left = horizontal ? Math.min(size.width * 0.45, 16 + CHAR * Math.max(...block.categories.map((c) => c.length))) : MARGIN.left;
  const inner = { x0: left, x1: size.width - MARGIN.right - (horizontal ? 36 : 0), y0: MARGIN.top, y1: size.height - MARGIN.bottom };
  const band = scaleBand<string>()
    .domain(block.categories)
    .range(horizontal ? [inner.y0, inner.y1] : [inner.x0, inner.x1])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const totals = block.categories.map((_, c) => block.series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0));
  const max = stacked ? Math.max(0, ...totals) : Math.max(0, ...block.series.flatMap((s) => s.values));
  const min = stacked ? 0 : Math.min(0, ...block.series.flatMap((s) => s.values));
  const value = scaleLinear()
    .domain([min, max || 1])
    .nice()
    .range(horizontal ? [inner.x0, inner.x1] : [inner.y1, inner.y0]);
  const bars: BarRect[] = [];
  if (stacked) {
    const rows = block.categories.map((_, c) => Object.fromEntries(block.series.map((s, i) => [i, Math.max(0, s.values[c] ?? 0)])));
    const layers = stack<Record<number, number>, number>().keys(block.series.map((_, i) => i))(rows);
    layers.forEach((layer, s) =>
      layer.forEach(([from, to], c) => {
        const at = band(block.categories[c])!;
        const a = value(from);
        const b = value(to);
        const rect = horizontal
          ? { x: a, y: at, width: b - a, height: band.bandwidth() }
          : { x: at, y: b, width: band.bandwidth(), height: a - b };
        bars.push({ series: s, category: c, ...rect, value: to - from, labelX: rect.x + rect.width / 2, labelY: rect.y + rect.height / 2 });
      }),
    );
  } else {
    const inner2 = scaleBand<number>().domain(block.series.map((_, i) => i)).range([0, band.bandwidth()]).padding(0.08);
    block.series.forEach((series, s) =>
      block.categories.forEach((category, c) => {
        const v = series.values[c] ?? 0;
        const at = band(category)! + inner2(s)!;
        const zero = value(0);
        const end = value(v);
        const rect = horizontal
          ? { x: Math.min(zero, end), y: at, width: Math.abs(end - zero), height: inner2.bandwidth() }
          : { x: at, y: Math.min(zero, end), width: inner2.bandwidth(), height: Math.abs(end - zero) };
        bars.push({
          series: s,
          category: c,
          ...rect,
          value: v,
          labelX: horizontal ? rect.x + rect.width + 4 : rect.x + rect.width / 2,
          labelY: horizontal ? rect.y + rect.height / 2 : rect.y - 6,
        });
      }),
    );
  }
  return { kind: 'bar', horizontal, bars, band, value, size };
}

function layoutLine(block: ChartBlock, size: ChartSize): LineLayout {
  const x = scalePoint<string>().domain(block.categories).range([MARGIN.left + 8, size.width - MARGIN.right - 8]).padding(0.2);
  const all = block.series.flatMap((s) => s.values);
  const value = scaleLinear()
    .domain([Math.min(0, ...all), Math.max(0, ...all) || 1])
    .nice()
    .range([size.height - MARGIN.bottom, MARGIN.top]);
  const path = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y);
  return {
    kind: 'line',
    x,
    value,
    size,
    lines: block.series.map((series, s) => {
      const points = block.categories.map((category, c) => ({ x: x(category)!, y: value(series.values[c] ?? 0), value: series.values[c] ?? 0, category: c }));
      return { series: s, path: path(points) ?? '', points };
    }),
  };
}

function layoutPie(block: ChartBlock, size: ChartSize): PieLayout {
  const values = block.series[0]?.values ?? [];
  const total = values.reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const radius = Math.max(40, Math.min(size.width * 0.28, size.height / 2 - 36));
  const centre = { x: size.width / 2, y: size.height / 2 };
  const inner = block.chart === 'donut' ? radius * 0.55 : 0;
  const shape = arc<{ startAngle: number; endAngle: number }>().innerRadius(inner).outerRadius(radius);
  const arcs = pie<number>().sort(null).value((v) => Math.max(0, v))(values);
  return {
    kind: 'pie',
    centre,
    size,
    outsideLabels: size.width >= 480,
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
