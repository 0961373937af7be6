/**
 * Readable units and their text: ONE definition for everything in `<zw-reader>` that reads — speech (连读/指读),
 * the 大字幕 caption, the element's 指读 hit test — so the sentence shown under the pointer is the sentence spoken.
 * Pure DOM helpers (no Lit), shared by the lazily loaded speech.ts and aids.ts.
 *
 * A unit is a heading, a paragraph, a list item (a nested list's items are their own units), one table ROW (its
 * cells read together), a caption, a note or a quotation — or a container (div, section…) for the text directly in
 * it (damaged or hand-made HTML puts text in divs). Hidden things, the toolbar (`[data-zw-skip]`), ruby
 * annotations (拼音 `<rt>`) and controls are never read.
 */

export const UNIT_SELECTOR = [
  'h1, h2, h3, h4, h5, h6, [role="heading"], p, li, dt, dd, tr, caption, figcaption, blockquote, aside, [role="note"]',
  // containers count only for text directly in them
  'div, section, article, main, header, footer, figure, pre, address, summary',
].join(', ');

/** never read, nor anything inside */
export const SKIP_SELECTOR =
  '[data-zw-skip], [hidden], [aria-hidden="true"], template, script, style, noscript, rt, rp, svg, math, button, select, textarea, input, iframe, object';

/** elements inside a unit whose edges are line ends (most blocks are units of their own and are left out instead) */
const BLOCK = new Set(
  'p div li ul ol dl dt dd section article blockquote figure figcaption pre h1 h2 h3 h4 h5 h6 table caption hr address aside header footer details summary'.split(' '),
);
/** a cell that already ends like this needs no '，' before the next cell */
const PAUSE = /[。！？!?；;，,、：:…]/;
/** a collapsed plain space between two of these is dropped (a line break in the HTML source inside a Chinese sentence) */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** A unit's text as read and shown, and for each UTF-16 code unit of it where it is in the DOM (null: a separator the DOM does not have). */
export interface UnitText {
  text: string;
  nodes: (Text | null)[];
  offsets: number[];
}

/** Whether `el` is a unit by kind (whether it has text to read is unitText's answer); inside a row only the row is. */
export const isUnit = (el: Element): boolean => el.matches(UNIT_SELECTOR) && !el.parentElement?.closest('tr');

const keepsLines = (el: Element | null) => !!el && /^(pre|break-spaces)/.test(getComputedStyle(el).whiteSpace);

/**
 * The text of a unit as read: white space collapsed as the page shows it (a `<br>`, a block edge or a line in
 * `<pre>` is a line end; a source line break between two Chinese characters is nothing; a full-width space U+3000
 * is the text's own and kept), without hidden things, 拼音 `<rt>` or the text of nested units (read on their own);
 * a table row's cells joined with '，'.
 */
export function unitText(unit: Element): UnitText {
  const out: UnitText = { text: '', nodes: [], offsets: [] };
  /** white space seen since the last character: where it starts, whether it holds a line end or a U+3000 */
  let gap: { node: Text | null; offset: number; line: boolean; wide: boolean } | undefined;
  let cell = false;
  const push = (char: string, node: Text | null, offset: number) => {
    out.text += char;
    out.nodes.push(node);
    out.offsets.push(offset);
  };
  const lineEnd = () => {
    gap ??= { node: null, offset: 0, line: true, wide: false };
    gap.line = true;
  };
  const textNode = (node: Text) => {
    const data = node.data;
    // asked only when it can matter (a line break after some text): computed style is read per text node
    let lines: boolean | undefined;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (/\s/.test(c)) {
        gap ??= { node, offset: i, line: false, wide: false };
        if (c === '\u3000' && !gap.wide) Object.assign(gap, { node, offset: i, wide: true });
        if (c === '\n' && out.text && !gap.line && (lines ??= keepsLines(node.parentElement))) gap.line = true;
        continue;
      }
      const last = out.text[out.text.length - 1];
      if (last !== undefined) {
        if (cell) {
          if (!PAUSE.test(last)) push('，', null, 0);
        } else if (gap?.line) push('\n', gap.node, gap.offset);
        else if (gap?.wide) push('\u3000', gap.node, gap.offset);
        else if (gap && !(CJK.test(last) && CJK.test(c))) push(' ', gap.node, gap.offset);
      }
      cell = false;
      gap = undefined;
      push(c, node, i);
    }
  };
  const walk = (el: Element, nested: boolean) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) textNode(child as Text);
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const e = child as Element;
        const name = e.localName;
        if (name === 'br') lineEnd();
        else if (e.matches(SKIP_SELECTOR)) continue;
        // read on its own: the text before and after it are two lines
        else if (nested && (name === 'table' || isUnit(e))) lineEnd();
        else if (BLOCK.has(name)) {
          lineEnd();
          walk(e, nested);
          lineEnd();
        } else walk(e, nested);
      }
    }
  };
  if (unit.localName === 'tr') {
    for (const c of unit.children) {
      if ((c.localName !== 'td' && c.localName !== 'th') || c.matches(SKIP_SELECTOR)) continue;
      if (out.text) cell = true;
      gap = undefined;
      walk(c, false);
    }
  } else walk(unit, true);
  return out;
}

function visible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (check) return check.call(el, { visibilityProperty: true });
  return el.getClientRects().length > 0;
}

/** Whether `el` is hidden or skipped within `root` (closest() stops at a shadow root; above `root` is the caller's choice). */
function skippedIn(el: Element, root: Element | ShadowRoot): boolean {
  const skipped = el.closest(SKIP_SELECTOR);
  return !!skipped && (skipped === el || root.contains(skipped));
}

/**
 * The units under `root`, in document order: headings, paragraphs, list items, one unit per table row, captions,
 * notes and quotations, and containers with text directly in them. Skips hidden things, anything inside
 * `[data-zw-skip]` (the toolbar) and units with nothing to read.
 */
export function readableUnits(root: Element | ShadowRoot): HTMLElement[] {
  const candidates = [...root.querySelectorAll<HTMLElement>(UNIT_SELECTOR)];
  if (root instanceof HTMLElement && root.matches(UNIT_SELECTOR)) candidates.unshift(root);
  return candidates.filter((el) => (isUnit(el) || el === root) && !skippedIn(el, root) && unitText(el).text.length > 0 && visible(el));
}

/** The unit among `units` that `node` is in (or is), if any. */
export function unitFor(node: Node, units: readonly HTMLElement[]): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  for (const unit of units) if (unit === node || unit.contains(node)) if (!best || best.contains(unit)) best = unit;
  return best;
}

/**
 * The unit `node` is in under `root` without listing them all (a pointer move must not walk a 200k-character text):
 * the same answer as `unitFor(node, readableUnits(root))` for anything shown.
 */
export function unitAt(node: Node, root: Element | ShadowRoot): HTMLElement | undefined {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el || !root.contains(el) || skippedIn(el, root)) return undefined;
  for (; el; el = el.parentElement) {
    if (el instanceof HTMLElement && el.matches(UNIT_SELECTOR) && (el === root || isUnit(el)) && unitText(el).text.length > 0) return el;
    if (el === root) return undefined;
  }
  return undefined;
}

/** The DOM ranges of characters [start, end) of a unit's text: one per text node touched (separators have none). */
export function textRanges(map: UnitText, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  let range: Range | undefined;
  let node: Text | null = null;
  for (let i = start; i < end; i++) {
    const n = map.nodes[i];
    if (!n) {
      range = undefined;
      continue;
    }
    const offset = map.offsets[i];
    if (range && n === node) range.setEnd(n, Math.max(offset + 1, range.endOffset));
    else {
      range = document.createRange();
      range.setStart(n, offset);
      range.setEnd(n, offset + 1);
      ranges.push(range);
      node = n;
    }
  }
  return ranges;
}
