/**
 * Which rows of a long table to render in virtual scrolling: those in view of the table's own scroll
 * container, plus some above and below, with spacer heights standing in for the rest. Pure arithmetic.
 */
export interface RowWindow {
  /** First rendered row (0-based, inclusive). */
  start: number;
  /** After the last rendered row (exclusive). */
  end: number;
  /** Height of the spacer above the rendered rows, px. */
  before: number;
  /** Height of the spacer below them, px. */
  after: number;
}

/**
 * `scrollTop` and `viewport` of the container, measured from the top of the first row (the header excluded);
 * `rowHeight` the measured average; `overscan` rows each side, so fast scrolling rarely shows a gap.
 */
export function rowWindow(total: number, scrollTop: number, viewport: number, rowHeight: number, overscan = 10): RowWindow {
  const height = rowHeight > 0 ? rowHeight : 48;
  if (total <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / height);
  const visible = Math.ceil(Math.max(viewport, height) / height) + 1;
  const start = Math.max(0, Math.min(total - 1, first - overscan));
  const end = Math.min(total, first + visible + overscan);
  return { start, end, before: start * height, after: (total - end) * height };
}
