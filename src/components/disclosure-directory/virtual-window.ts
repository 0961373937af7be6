import { html, type TemplateResult } from 'lit';

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

/** What the virtual table shows, given by the directory for each render. */
export interface VirtualTable<E> {
  /** Rows matching the current search, and the search's key (other rows under the same numbers when it changes). */
  total: number;
  key: string;
  /** Block `n` (0-based) of `size` rows of the current result, queried as needed. */
  block(n: number, size: number): E[];
  row(entry: E, index: number): unknown;
  head: unknown;
  caption: string;
  label: string;
  narrow: boolean;
}

/** Rows fetched from the catalogue per query (the contract's largest page). */
const BLOCK = 100;

/**
 * Virtual scrolling of the directory's table (`list-mode="scroll"`, opt-in): loaded with `import()` only by
 * directories that use it. Real rows near the view of the table's own scroll area, spacers for the rest.
 *
 * It reads the layout (scroll position, row heights) in the next frame, never while rendering nor in
 * `updated()`: a read there forces a synchronous layout of the new rows, and an update asked from `updated()`
 * is a second render of the same change (Lit's change-in-update). The render uses what was read.
 */
export class VirtualRows<E> {
  /** Blocks of rows by block number, for the current search (without page). */
  private blocks = new Map<number, E[]>();
  private key = '';
  private window: RowWindow = { start: 0, end: 0, before: 0, after: 0 };
  private total = 0;
  private rowHeight = 0;
  /** Heights of the rows measured, by row number, and their sum. */
  private heights = new Map<number, number>();
  private heightSum = 0;
  /** Since the last scroll: whether one happened, and how many times the rows were re-windowed without one. */
  private scrolled = false;
  private rewindows = 0;
  /** The window before the current one, to notice two windows alternating. */
  private earlier?: RowWindow;
  /** The scroll area as last read: scroll offset from the first row, and visible height (px). */
  private viewport = { offset: 0, height: 600, atEnd: false };
  /** The reader scrolled to the very end: keep the last rows (see measure). */
  private stickToEnd = false;
  private frame = 0;

  constructor(private readonly host: { renderRoot: ParentNode; requestUpdate(): void }) {}

  /** The first block of a new result, already queried by the directory. */
  seed(key: string, first: E[]) {
    this.blocks = new Map([[0, first]]);
    this.key = key;
  }

  clear() {
    this.blocks.clear();
  }

  stop() {
    cancelAnimationFrame(this.frame);
  }

  render(t: VirtualTable<E>): TemplateResult {
    if (this.key !== t.key) {
      this.blocks.clear();
      this.key = t.key;
      // other rows under the same numbers: measure afresh (the last mean stands in until then)
      this.heights.clear();
      this.heightSum = 0;
      this.rewindows = 0;
      this.stickToEnd = false;
    }
    this.total = t.total;
    const { start, end } = (this.window = this.windowNow());
    const rows: E[] = [];
    for (let n = Math.floor(start / BLOCK); n * BLOCK < end; n++) {
      let block = this.blocks.get(n);
      if (!block) this.blocks.set(n, (block = t.block(n, BLOCK)));
      rows.push(...block.slice(Math.max(start - n * BLOCK, 0), end - n * BLOCK));
    }
    return html`<div class="scroller ${t.narrow ? 'narrow' : ''}" role="region" aria-label=${t.label} tabindex="0" @scroll=${this.onScroll}>
      <table part="table" aria-rowcount=${t.total + 1}>
        <caption class="visually-hidden">${t.caption}</caption>
        ${t.head}
        <tbody>
          <tr class="spacer before" aria-hidden="true"><td colspan="7"></td></tr>
          ${rows.map((e, i) => t.row(e, start + i))}
          <tr class="spacer after" aria-hidden="true"><td colspan="7"></td></tr>
        </tbody>
      </table>
    </div>`;
  }

  private readonly onScroll = () => {
    this.scrolled = true;
    this.rewindows = 0;
    this.earlier = undefined;
    this.measureSoon();
  };

  /** Sizes the spacers (CSSOM: a strict CSP blocks style attributes; writes only), then reads the result next frame. */
  rendered() {
    const tds = this.host.renderRoot.querySelectorAll<HTMLElement>('.scroller tr.spacer td');
    if (tds.length < 2) return;
    tds[0].style.height = `${this.window.before}px`;
    tds[1].style.height = `${this.window.after}px`;
    this.measureSoon();
  }

  private measureSoon() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      if (this.measure()) this.host.requestUpdate();
    });
  }

  /** Reads the scroll area and the rows rendered (row height refined from them); true when the rows near view changed. */
  private measure(): boolean {
    const scroller = this.host.renderRoot.querySelector<HTMLElement>('.scroller');
    const body = scroller?.querySelector<HTMLElement>('tbody');
    if (!scroller || !body) return false;
    // The row height is the mean over every row measured so far (by row number), not over the rows in view:
    // a mean of the rows in view moves as they change, moves the window, and never settles (an update loop).
    for (const row of body.querySelectorAll<HTMLElement>('tr[data-row]')) {
      const at = Number(row.dataset.row);
      const height = row.offsetHeight;
      this.heightSum += height - (this.heights.get(at) ?? 0);
      this.heights.set(at, height);
    }
    if (this.heights.size) this.rowHeight = this.heightSum / this.heights.size;
    const top = body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    // Scrolled to the very end, the reader wants the last rows, whatever the row height estimate says: the window
    // stays on them (and the view on the end) until the reader scrolls away. Otherwise re-measured rows (fonts come in
    // late on a loaded machine) change the spacers, the end moves away from the view, and the last row could stay
    // unrendered until the reader scrolled again.
    const atEnd = scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    // A scroll counts once: left pending (the window did not move), a later measure — rows grown by a late font — would
    // take the end moving away for the reader scrolling away, and let the last rows go (seen on a loaded machine).
    const byScroll = this.scrolled;
    this.scrolled = false;
    if (byScroll) this.stickToEnd = atEnd;
    else if (this.stickToEnd && !atEnd) scroller.scrollTop = scroller.scrollHeight; // a scroll event measures again
    this.viewport = { offset: scroller.scrollTop - top, height: scroller.clientHeight, atEnd: this.stickToEnd };
    const was = this.window;
    const next = this.windowNow();
    if (next.start === was.start && next.end === was.end) return false;
    if (!byScroll) {
      // Without a scroll, re-windowing only follows the row height estimate as it settles. Going back to the window
      // before this one means rows that change height as the window moves (the table's columns widening for other
      // rows): two windows would alternate for ever, so stay until the reader scrolls (a cap guards longer cycles).
      if ((next.start === this.earlier?.start && next.end === this.earlier.end) || ++this.rewindows > 50) return false;
    }
    this.earlier = was;
    return true;
  }

  /** The rows near view, from the last reading of the scroll area (arithmetic only). */
  private windowNow(): RowWindow {
    const { offset, height, atEnd } = this.viewport;
    if (!atEnd) return rowWindow(this.total, offset, height, this.rowHeight);
    // the end in view: the window that ends with the last row
    const rowHeight = this.rowHeight > 0 ? this.rowHeight : 48;
    return rowWindow(this.total, Math.max(0, this.total * rowHeight - height), height, rowHeight);
  }
}
