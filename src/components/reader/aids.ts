import { splitUtterances } from '../../core/reader/sentences.js';
import { escapeOwnedElsewhere } from './escape.js';
import { UNIT_SELECTOR, isUnit, textRanges, unitAt, unitText } from './units.js';

/**
 * Reading aids of `<zw-reader>`, loaded with `import()` when the reader first turns one on:
 * - `ruler` — line focus: a band of lines around the pointer's line (or the keyboard focus / caret) stays
 *   clear, everything above and below is dimmed;
 * - `crosshair` — 十字线: a horizontal and a vertical line through the pointer (or the focus);
 * - `caption` — 大字幕: a strip at the bottom of the viewport with the sentence under the pointer/focus (or,
 *   while speech plays, the sentence being read: `showCaption()`) in very large type;
 * - `largeCursor` — a big high-contrast pointer.
 *
 * Everything is drawn in `layer` (an empty fixed layer in the reader's shadow root) as fixed, non-interactive
 * elements moved with transforms; positions come from `getBoundingClientRect`/`clientX/Y`, so it works the
 * same for the reader's own `.content` and for a page article in light DOM (`for` mode). Inline positions are
 * written through CSSOM only (a strict CSP blocks `style` attributes); nothing needs `img-src data:`.
 * Pointer moves are coalesced to one update per animation frame, reading layout first, then writing.
 */
export type ReadingAid = 'ruler' | 'crosshair' | 'caption' | 'largeCursor';
export const READING_AIDS: readonly ReadingAid[] = ['ruler', 'crosshair', 'caption', 'largeCursor'];

export interface ReadingAidsOptions {
  /** Escape (while any aid is on) turned every aid off; `wereOn` lists those that were on. */
  onEscape?: (wereOn: ReadingAid[]) => void;
  /** height of the ruler's clear band, in lines (default 3, clamped to 1–5) */
  rulerLines?: number;
}

/** keys that move a caret (caret browsing, F7) */
const CARET_KEYS = /^(Arrow(Up|Down|Left|Right)|Home|End|Page(Up|Down))$/;
/** what the big cursor shows as a hand */
const ACTIONABLE = 'a[href],button,summary,label,select,input,textarea,[role="button"],[role="link"],[tabindex]:not([tabindex="-1"])';
const SVG = 'http://www.w3.org/2000/svg';
/** the large cursor: viewBox, path and hotspot (in viewBox units); a CSS `cursor: url(data:…)` would need img-src data: */
const CURSORS = {
  arrow: { box: '0 0 28 40', scale: 1.6, hot: [2, 2], d: 'M2 2 L2 33 L9.5 26 L14.5 37.5 L20 35 L15 23.8 L25 23.8 Z' },
  hand: {
    box: '0 0 32 40',
    scale: 1.6,
    hot: [12.5, 2],
    d: 'M10 4.5 a2.5 2.5 0 0 1 5 0 V17 l1-.3 V14 a2.5 2.5 0 0 1 5 0 v3.3 l1-.2 V15.5 a2.5 2.5 0 0 1 5 0 v2.2 a2.5 2.5 0 0 1 5 0 V27 c0 6-4 10-9.5 10 h-4 c-3.6 0-5.6-1.6-7.4-4.4 L2.8 25 a2.6 2.6 0 0 1 4-3.2 L10 25 Z',
  },
} as const;
type CursorShape = keyof typeof CURSORS;

interface Point {
  x: number;
  y: number;
}
/** what the aids follow: the pointer, a focused element, or the caret */
type Anchor = { kind: 'point'; x: number; y: number } | { kind: 'element'; element: Element } | { kind: 'caret'; range: Range };

const isDocumentOrShadow = (node: Node): node is Document | ShadowRoot => node.nodeType === Node.DOCUMENT_NODE || node.nodeType === Node.DOCUMENT_FRAGMENT_NODE;

export class ReadingAids {
  private readonly on = new Set<ReadingAid>();
  private readonly parts: Partial<Record<ReadingAid, HTMLElement[]>> = {};
  private anchor: Anchor | undefined;
  /** pointer position while it is inside the window (for the crosshair and the large cursor) */
  private pointer: (Point & { touch: boolean }) | undefined;
  /** the last key moved the caret (caret browsing, an editable field): the caret is what to follow */
  private caretKey = false;
  private captionOverride: string | undefined;
  private frame = 0;
  private listening = false;
  private captionObserver: ResizeObserver | undefined;
  private captionSpace: { content: HTMLElement; padding: string; priority: string; scrollPadding: string } | undefined;
  private cursorSheet: { root: Document | ShadowRoot; sheet: CSSStyleSheet; content: HTMLElement } | undefined;
  private readonly rulerLines: number;

  constructor(
    private readonly layer: HTMLElement,
    private readonly content: () => HTMLElement,
    private readonly options: ReadingAidsOptions = {},
  ) {
    this.rulerLines = Math.min(5, Math.max(1, options.rulerLines ?? 3));
  }

  /** the aids that are on */
  get active(): ReadingAid[] {
    return READING_AIDS.filter((aid) => this.on.has(aid));
  }

  isOn(aid: ReadingAid): boolean {
    return this.on.has(aid);
  }

  set(aid: ReadingAid, on: boolean): void {
    if (!READING_AIDS.includes(aid) || on === this.on.has(aid)) return;
    if (on) {
      this.on.add(aid);
      this.parts[aid] = this.create(aid);
      this.layer.append(...this.parts[aid]!);
      if (aid === 'caption') this.reserveCaptionSpace();
      if (aid === 'largeCursor') this.hideRealCursor();
      this.anchor ??= this.startingAnchor();
      this.listen(true);
      this.schedule();
    } else {
      this.on.delete(aid);
      for (const part of this.parts[aid] ?? []) part.remove();
      delete this.parts[aid];
      if (aid === 'caption') this.releaseCaptionSpace();
      if (aid === 'largeCursor') this.showRealCursor();
      if (this.on.size === 0) this.stop();
    }
  }

  /** The caption shows `text` (the sentence being read aloud) until called with `undefined`: then it follows the pointer/focus again. */
  showCaption(text: string | undefined): void {
    // ascii white space only: a full-width space (第一条\u3000为了…) is the text's own, as in units.ts
    this.captionOverride = text?.replace(/[ \t\n\r\f]+/g, ' ').trim() || undefined;
    if (this.on.has('caption')) this.schedule();
  }

  destroy(): void {
    for (const aid of this.active) this.set(aid, false);
    this.stop();
  }

  // ——— parts ———

  private create(aid: ReadingAid): HTMLElement[] {
    const part = (...classes: string[]) => {
      const el = document.createElement('div');
      el.className = ['zw-aid', ...classes].join(' ');
      // the layer only draws: screen readers have the text already and nothing here takes input
      el.setAttribute('aria-hidden', 'true');
      return el;
    };
    switch (aid) {
      case 'ruler':
        return [part('zw-aid-dim', 'zw-aid-dim-above'), part('zw-aid-band'), part('zw-aid-dim', 'zw-aid-dim-below')];
      case 'crosshair':
        return [part('zw-aid-line', 'zw-aid-line-x'), part('zw-aid-line', 'zw-aid-line-y')];
      case 'caption': {
        // aria-hidden: the caption repeats text the screen reader already reaches in the content (or hears
        // from speech); exposing it too would read every sentence twice and announce each pointer move
        const caption = part('zw-aid-caption');
        caption.hidden = true;
        caption.lang = this.content().closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'zh-CN';
        return [caption];
      }
      case 'largeCursor': {
        const cursor = part('zw-aid-cursor');
        cursor.hidden = true;
        const svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('focusable', 'false');
        svg.appendChild(document.createElementNS(SVG, 'path'));
        cursor.appendChild(svg);
        this.shapeCursor(cursor, 'arrow');
        return [cursor];
      }
    }
  }

  private shapeCursor(cursor: HTMLElement, shape: CursorShape): void {
    if (cursor.dataset.shape === shape) return;
    const { box, scale, d } = CURSORS[shape];
    const [, , w, h] = box.split(' ').map(Number);
    const svg = cursor.firstElementChild!;
    svg.setAttribute('viewBox', box);
    svg.setAttribute('width', String(w * scale));
    svg.setAttribute('height', String(h * scale));
    svg.firstElementChild!.setAttribute('d', d);
    cursor.dataset.shape = shape;
  }

  // ——— listeners ———

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const passive = { passive: true, capture: true } as const;
    const root = this.content().getRootNode();
    const listeners: [EventTarget, string, (event: never) => void, AddEventListenerOptions | boolean][] = [
      [document, 'pointermove', this.onPointer, passive],
      [document, 'pointerdown', this.onPointer, passive],
      [document, 'pointerout', this.onPointerOut, passive],
      [document, 'focusin', this.onFocus, true],
      [document, 'selectionchange', this.onSelection, false],
      [document, 'keydown', this.onKey, false], // bubbling: after whatever handled (and prevented) Escape first
      [window, 'scroll', this.onScroll, passive],
      [window, 'resize', this.onScroll, passive],
      [window, 'blur', this.onBlur, false],
    ];
    // content in a shadow root: scroll events of a scroller inside it are not composed, and a focus move within
    // that one tree (toolbar → content) never leaves it (target and relatedTarget retarget to the same host)
    if (root !== document && isDocumentOrShadow(root)) listeners.push([root, 'scroll', this.onScroll, passive], [root, 'focusin', this.onFocus, true]);
    for (const [target, type, listener, options] of listeners) {
      if (on) target.addEventListener(type, listener as EventListener, options);
      else target.removeEventListener(type, listener as EventListener, options);
    }
  }

  private stop(): void {
    this.listen(false);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.anchor = undefined;
    this.pointer = undefined;
    this.captionOverride = undefined;
  }

  private readonly onPointer = (event: PointerEvent) => {
    const touch = event.pointerType === 'touch';
    this.pointer = { x: event.clientX, y: event.clientY, touch };
    this.anchor = { kind: 'point', x: event.clientX, y: event.clientY };
    this.caretKey = false;
    this.schedule();
  };

  private readonly onPointerOut = (event: PointerEvent) => {
    if (event.relatedTarget === null) this.onBlur(); // left the window
  };

  private readonly onBlur = () => {
    this.pointer = undefined;
    this.schedule();
  };

  private readonly onFocus = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || !this.content().contains(target)) return;
    this.anchor = { kind: 'element', element: target };
    this.schedule();
  };

  private readonly onSelection = () => {
    // only after a caret key: a click, a drag or a focus change moves the selection too, and has its anchor already
    if (!this.caretKey) return;
    const content = this.content();
    const root = content.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
    const selection = ('getSelection' in root && typeof root.getSelection === 'function' ? root.getSelection() : null) ?? document.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!content.contains(range.endContainer)) return;
    const caret = document.createRange();
    caret.setStart(range.endContainer, range.endOffset);
    this.anchor = { kind: 'caret', range: caret };
    this.schedule();
  };

  private readonly onKey = (event: KeyboardEvent) => {
    this.caretKey = CARET_KEYS.test(event.key);
    if (event.key !== 'Escape' || this.on.size === 0) return;
    // Escape there closes that first (a dialog, a list, a field being edited): one Escape, one thing left
    if (escapeOwnedElsewhere(event)) return;
    const wereOn = this.active;
    for (const aid of wereOn) this.set(aid, false);
    this.options.onEscape?.(wereOn);
  };

  private readonly onScroll = () => this.schedule();

  private schedule(): void {
    if (this.frame || this.on.size === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  // ——— one frame: read everything, then write ———

  private update(): void {
    if (this.on.size === 0) return;
    const content = this.content();
    const anchor = this.anchor;
    const place = anchor ? this.locate(anchor, content) : undefined;
    const lineHeight = lineHeightOf(place?.unit ?? content);

    const ruler = this.on.has('ruler') && place ? { top: place.lineY - (lineHeight * this.rulerLines) / 2, height: lineHeight * this.rulerLines } : undefined;
    const cross = this.on.has('crosshair') ? (anchor?.kind === 'point' ? (this.pointer ?? undefined) : place && { x: place.x, y: place.lineY }) : undefined;
    const captionText = this.on.has('caption') ? (this.captionOverride ?? (place?.unit ? this.sentenceAt(place) : undefined)) : undefined;
    let cursor: { x: number; y: number; shape: CursorShape } | undefined;
    if (this.on.has('largeCursor') && this.pointer && !this.pointer.touch) {
      const hit = hitTest(content, this.pointer);
      if (hit && content.contains(hit)) cursor = { ...this.pointer, shape: hit.closest(ACTIONABLE) ? 'hand' : 'arrow' };
    }

    const [above, band, below] = this.parts.ruler ?? [];
    if (band) {
      above.hidden = band.hidden = below.hidden = !ruler;
      if (ruler) {
        const height = `${Math.round(ruler.height)}px`;
        if (band.style.height !== height) band.style.height = height;
        band.style.transform = `translateY(${ruler.top}px)`;
        above.style.transform = `translateY(calc(${ruler.top}px - 100%))`;
        below.style.transform = `translateY(${ruler.top + ruler.height}px)`;
      }
    }
    const [lineX, lineY] = this.parts.crosshair ?? [];
    if (lineX) {
      lineX.hidden = lineY.hidden = !cross;
      if (cross) {
        lineX.style.transform = `translateY(${cross.y}px)`;
        lineY.style.transform = `translateX(${cross.x}px)`;
      }
    }
    const [caption] = this.parts.caption ?? [];
    if (caption) {
      caption.hidden = !captionText;
      if (captionText && caption.textContent !== captionText) caption.textContent = captionText;
    }
    const [big] = this.parts.largeCursor ?? [];
    if (big) {
      big.hidden = !cursor;
      if (cursor) {
        this.shapeCursor(big, cursor.shape);
        const { hot, scale } = CURSORS[cursor.shape];
        big.style.transform = `translate(${cursor.x - hot[0] * scale}px, ${cursor.y - hot[1] * scale}px)`;
      }
    }
  }

  /** Where the anchor is: the text unit there, the middle of its line and a horizontal position. */
  private locate(anchor: Anchor, content: HTMLElement): { unit?: Element; lineY: number; x: number; at: Anchor } | undefined {
    if (anchor.kind === 'point') {
      const hit = hitTest(content, anchor);
      const unit = hit && content.contains(hit) ? unitAt(hit, content) : undefined;
      const line = unit ? lineAt(unit, anchor.y) : undefined;
      return { unit, lineY: line ? (line.top + line.bottom) / 2 : anchor.y, x: anchor.x, at: anchor };
    }
    if (anchor.kind === 'element') {
      if (!anchor.element.isConnected || !content.contains(anchor.element)) return undefined;
      const first = firstLine(anchor.element);
      if (!first) return undefined;
      const small = first.width < 200;
      return { unit: unitAt(anchor.element, content), lineY: (first.top + first.bottom) / 2, x: small ? first.left + first.width / 2 : first.left, at: anchor };
    }
    const rect = caretRect(anchor.range);
    if (!rect) return undefined;
    const container = anchor.range.startContainer;
    const element = container instanceof Element ? container : container.parentElement;
    return { unit: element ? unitAt(element, content) : undefined, lineY: (rect.top + rect.bottom) / 2, x: rect.left, at: anchor };
  }

  /**
   * The sentence (or, on a narrow screen, the clause) of the unit under the anchor, in a size the strip can show:
   * the unit's text as speech reads it (units.ts), so the caption and the voice say the same words.
   */
  private sentenceAt(place: { unit?: Element; at: Anchor }): string | undefined {
    const unit = place.unit!;
    const index = unitText(unit);
    const width = document.documentElement.clientWidth - 32;
    const size = parseFloat(getComputedStyle(this.parts.caption![0]).fontSize) || 32;
    // three lines of the strip: a clause at a time on a phone, a sentence on a desktop
    const capacity = Math.max(16, Math.min(120, Math.floor(width / size) * 3));
    const utterances = splitUtterances(index.text, capacity);
    if (utterances.length === 0) return undefined;
    let chosen = utterances[0];
    if (utterances.length > 1 && place.at.kind !== 'element') {
      const caret = place.at.kind === 'caret' ? caretRect(place.at.range) : undefined;
      const at = place.at.kind === 'point' ? place.at : caret && { x: caret.left, y: (caret.top + caret.bottom) / 2 };
      if (at) {
        let best = Infinity;
        for (const u of utterances.slice(0, 400)) {
          const d = distance(
            textRanges(index, u.start, u.end).flatMap((r) => [...r.getClientRects()]),
            at.x,
            at.y,
          );
          if (d < best) [best, chosen] = [d, u];
          if (d === 0) break;
        }
      }
    } else if (utterances.length > 1 && place.at.kind === 'element' && place.at.element !== unit && unit.contains(place.at.element)) {
      // a link inside a paragraph: the sentence it is in
      const element = place.at.element;
      chosen = utterances.find((u) => textRanges(index, u.start, u.end).some((r) => r.intersectsNode(element))) ?? chosen;
    }
    return chosen.text;
  }

  /** Before the first move: the focused element if it is in the content, else the first unit in view. */
  private startingAnchor(): Anchor | undefined {
    const content = this.content();
    let focused: Element | null = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (focused && content.contains(focused) && focused !== content) return { kind: 'element', element: focused };
    const units = content.querySelectorAll(UNIT_SELECTOR);
    const height = window.innerHeight;
    for (let i = 0; i < units.length && i < 2000; i++) {
      if (!isUnit(units[i])) continue;
      const rect = units[i].getBoundingClientRect();
      if (rect.height > 0 && rect.top >= 0 && rect.top < height && unitText(units[i]).text) return { kind: 'element', element: units[i] };
    }
    return undefined;
  }

  // ——— the caption's room and the real cursor ———

  /** The caption must never hide the last lines for good: the content gets that much more bottom padding to scroll them above it. */
  private reserveCaptionSpace(): void {
    const content = this.content();
    const base = getComputedStyle(content).paddingBottom || '0px';
    const html = document.documentElement;
    this.captionSpace = {
      content,
      padding: content.style.getPropertyValue('padding-bottom'),
      priority: content.style.getPropertyPriority('padding-bottom'),
      scrollPadding: html.style.getPropertyValue('scroll-padding-bottom'),
    };
    content.style.setProperty('--zw-caption-space', '0px');
    content.style.setProperty('padding-bottom', `calc(${base} + var(--zw-caption-space, 0px))`, 'important');
    // focus and scrollIntoView (speech keeps the sentence in view) stop above the strip too
    html.style.setProperty('scroll-padding-bottom', 'var(--zw-caption-space-page, 0px)');
    const caption = this.parts.caption![0];
    const measure = () => {
      const space = caption.hidden ? 0 : Math.ceil(caption.getBoundingClientRect().height);
      content.style.setProperty('--zw-caption-space', `${space}px`);
      html.style.setProperty('--zw-caption-space-page', `${space}px`);
    };
    if (typeof ResizeObserver === 'function') {
      this.captionObserver = new ResizeObserver(measure);
      this.captionObserver.observe(caption);
    }
  }

  private releaseCaptionSpace(): void {
    this.captionObserver?.disconnect();
    this.captionObserver = undefined;
    const saved = this.captionSpace;
    if (!saved) return;
    this.captionSpace = undefined;
    const { content } = saved;
    content.style.removeProperty('--zw-caption-space');
    if (saved.padding) content.style.setProperty('padding-bottom', saved.padding, saved.priority);
    else content.style.removeProperty('padding-bottom');
    const html = document.documentElement;
    html.style.removeProperty('--zw-caption-space-page');
    if (saved.scrollPadding) html.style.setProperty('scroll-padding-bottom', saved.scrollPadding);
    else html.style.removeProperty('scroll-padding-bottom');
  }

  /** The real pointer is hidden over the content only (a constructable sheet in the content's tree: CSSOM, no `<style>`). */
  private hideRealCursor(): void {
    const content = this.content();
    const root = content.getRootNode();
    if (!isDocumentOrShadow(root) || !('adoptedStyleSheets' in root)) return;
    let sheet: CSSStyleSheet;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync('[data-zw-large-cursor], [data-zw-large-cursor] * { cursor: none !important; }');
    } catch {
      return; // no constructable sheets (Chromium < 73): the big cursor shows next to the real one
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    content.setAttribute('data-zw-large-cursor', '');
    this.cursorSheet = { root, sheet, content };
  }

  private showRealCursor(): void {
    const saved = this.cursorSheet;
    if (!saved) return;
    this.cursorSheet = undefined;
    saved.root.adoptedStyleSheets = saved.root.adoptedStyleSheets.filter((s) => s !== saved.sheet);
    saved.content.removeAttribute('data-zw-large-cursor');
  }
}

// ——— geometry and text helpers (reads only) ———

function hitTest(content: Element, point: Point): Element | null {
  const root = content.getRootNode();
  return isDocumentOrShadow(root) ? root.elementFromPoint(point.x, point.y) : null;
}

function lineHeightOf(element: Element): number {
  const style = getComputedStyle(element);
  const line = parseFloat(style.lineHeight);
  return Number.isFinite(line) && line > 0 ? line : (parseFloat(style.fontSize) || 16) * 1.5;
}

/** The text line of `unit` at height `y` (its line boxes' rectangles), if the pointer is on one. */
function lineAt(unit: Element, y: number): DOMRect | undefined {
  const range = document.createRange();
  range.selectNodeContents(unit);
  for (const rect of range.getClientRects()) if (rect.height > 0 && y >= rect.top && y < rect.bottom) return rect;
  return undefined;
}

function firstLine(element: Element): DOMRect | undefined {
  const range = document.createRange();
  range.selectNodeContents(element);
  const first = [...range.getClientRects()].find((r) => r.height > 0 && r.width > 0);
  const box = element.getBoundingClientRect();
  if (!first) return box.height > 0 ? box : undefined;
  // the line across the element's whole width (a line box starts at the element's start edge)
  return new DOMRect(box.left, first.top, box.width, first.height);
}

function caretRect(range: Range): DOMRect | undefined {
  if (!range.startContainer.isConnected) return undefined;
  const rect = [...range.getClientRects()][0] ?? range.getBoundingClientRect();
  if (rect.height > 0) return rect;
  const parent = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  return parent ? firstLine(parent) : undefined;
}

/** how far (px) the point is from the nearest of `rects`; 0 inside one */
function distance(rects: Iterable<DOMRect>, x: number, y: number): number {
  let best = Infinity;
  for (const r of rects) {
    const dx = x < r.left ? r.left - x : x > r.right ? x - r.right : 0;
    const dy = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0;
    best = Math.min(best, dy * 1000 + dx); // the line first, then along it
  }
  return best;
}

/**
 * Adopted into the reader's shadow root next to its own styles (the layer lives there). Every part starts
 * from `all: initial`, so page CSS that reaches the host cannot change it. Nothing animates but the ruler
 * gliding between lines, and not under `prefers-reduced-motion`. Under forced colours the parts use system
 * colours (the dim becomes two Highlight lines: a translucent veil over the user's colours would lower their contrast).
 * Custom properties: `--zw-ruler-dim`, `--zw-crosshair-color`, `--zw-caption-text`, `--zw-caption-surface`.
 *
 * A constructable sheet, not Lit's css``: this module is built apart from the drop-in, and a second copy of Lit
 * would ask Trusted Types for a second 'lit-html' policy, which a strict CSP refuses (the aids would never load).
 * (The tag below only marks the text for the build's CSS minifier.)
 */
export function aidsStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(AIDS_CSS);
  }
  return sheet;
}
let sheet: CSSStyleSheet | undefined;
const css = (strings: TemplateStringsArray) => strings.raw.join('');
const AIDS_CSS = css`
  .zw-aid {
    all: initial;
    position: fixed;
    top: 0;
    left: 0;
    display: block;
    pointer-events: none;
    user-select: none;
    -webkit-user-select: none;
    box-sizing: border-box;
    forced-color-adjust: none;
    will-change: transform;
  }
  .zw-aid[hidden] {
    display: none;
  }
  /* one order whatever the order they were turned on in: the caption and the cursor are never dimmed or crossed */
  .zw-aid-dim,
  .zw-aid-band {
    z-index: 1;
  }
  .zw-aid-line {
    z-index: 2;
  }
  .zw-aid-caption {
    z-index: 3;
  }
  .zw-aid-cursor {
    z-index: 4;
  }
  .zw-aid-dim,
  .zw-aid-band {
    right: 0;
    transition: transform 90ms ease-out;
  }
  .zw-aid-dim {
    height: 100vh;
    background: var(--zw-ruler-dim, rgba(0, 0, 0, 0.55));
  }
  .zw-aid-band {
    box-shadow:
      inset 0 2px 0 var(--_focus, #1a5fd0),
      inset 0 -2px 0 var(--_focus, #1a5fd0);
  }
  .zw-aid-line {
    background: var(--zw-crosshair-color, #d6001c);
    /* a light halo keeps the line visible on dark themes and dark pictures */
    box-shadow: 0 0 0 1px #ffffff;
  }
  .zw-aid-line-x {
    right: 0;
    height: 2px;
    margin-top: -1px;
  }
  .zw-aid-line-y {
    bottom: 0;
    width: 2px;
    margin-left: -1px;
  }
  .zw-aid-caption {
    top: auto;
    bottom: 0;
    right: 0;
    max-height: 50vh;
    overflow: hidden;
    padding: 12px max(16px, env(safe-area-inset-right)) calc(12px + env(safe-area-inset-bottom)) max(16px, env(safe-area-inset-left));
    background: var(--zw-caption-surface, #000000);
    color: var(--zw-caption-text, #ffff00);
    border-top: 3px solid var(--zw-caption-text, #ffff00);
    font-family: var(--_font, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    /* ≥ 32 px, growing with the reader's text size, but never so large that a phone shows two characters a line */
    font-size: clamp(32px, calc(32px * var(--zw-text-scale, 1)), max(32px, 9vw));
    font-weight: 700;
    line-height: 1.4;
    text-align: center;
    white-space: normal;
    overflow-wrap: anywhere;
    line-break: strict;
    will-change: auto;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
  }
  .zw-aid-cursor svg {
    display: block;
    overflow: visible;
  }
  .zw-aid-cursor path {
    fill: #000000;
    stroke: #ffffff;
    stroke-width: 2px;
    stroke-linejoin: round;
    paint-order: stroke;
  }
  @media (prefers-reduced-motion: reduce) {
    .zw-aid {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .zw-aid-dim {
      background: transparent;
    }
    .zw-aid-dim-above {
      border-bottom: 3px solid Highlight;
    }
    .zw-aid-dim-below {
      border-top: 3px solid Highlight;
    }
    .zw-aid-band {
      box-shadow: none;
    }
    .zw-aid-line {
      background: Highlight;
      box-shadow: 0 0 0 1px Canvas;
    }
    .zw-aid-caption {
      background: Canvas;
      color: CanvasText;
      border-top-color: CanvasText;
    }
    .zw-aid-cursor path {
      fill: CanvasText;
      stroke: Canvas;
    }
  }
`;
