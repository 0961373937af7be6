/**
 * "下载图片" of `<zw-infographic>`: turns what the browser laid out for an
 * element into a standalone SVG, and that SVG into a PNG. Loaded on first use
 * (a dynamic import): most readers never download.
 *
 * Why not a DOM screenshot library: they cannot see into shadow roots, weigh
 * tens of KB, and copy the page into a `<foreignObject>` full of inline
 * `style` attributes, which a strict CSP forbids. Here we only *read* the live layout
 * (getBoundingClientRect, Range.getClientRects, getComputedStyle) and write
 * SVG markup made of presentation attributes: no `style` attribute, no
 * `<style>`, no script, so CSP never gets in the way and any SVG viewer can
 * open the file.
 */

import { escapeMarkup, withoutMarkupInvalid } from '../../core/markup.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Appended to every font-family so a downloaded SVG still finds a Chinese font on another machine. */
const CJK = `"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif`;
/** SVG presentation properties copied from the computed style onto cloned inline `<svg>` charts. */
const SVG_PROPS =
  'fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-dasharray stroke-linecap stroke-linejoin paint-order font-family font-size font-weight font-style text-anchor dominant-baseline letter-spacing visibility opacity stop-color stop-opacity'.split(
    ' ',
  );
/** The ones that are not inherited, with their initial values (the others are compared with the parent's). */
const NOT_INHERITED: Record<string, string> = { opacity: '1', 'stop-color': 'rgb(0, 0, 0)', 'stop-opacity': '1' };
const CORNERS = ['top-left', 'top-right', 'bottom-right', 'bottom-left'];
const SIDES = ['top', 'right', 'bottom', 'left'];

export interface ExportOptions {
  /** Colour under everything (padding included); default: the first opaque background of the element or its ancestors, else white. `transparent` for none. */
  background?: string;
  /** Space around the element, in CSS px. Default 0. */
  padding?: number;
  /** The SVG `<title>`; default: the first heading inside the element, else the page title. */
  title?: string;
}

export interface SvgExport {
  svg: string;
  /** Whole CSS px: the element's box plus twice the padding. */
  width: number;
  height: number;
}

type Style = CSSStyleDeclaration;
type Box = { left: number; top: number; width: number; height: number };
type Border = { bw: number; style: string; color: string };

// ── Small pure helpers ──────────────────────────────────────────────────────

/** XML-escapes text and drops what XML 1.0 cannot hold (control characters, lone surrogates). */
const esc = escapeMarkup;
/** Two decimals are plenty at 2× and keep the output short and stable. */
const num = (v: number) => String(Math.round(v * 100) / 100);
const px = parseFloat;
const xywh = (x: number, y: number, w: number, h: number) => `x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"`;
/** A length property in px (0 for `auto`, `normal`…). */
const len = (s: Style, p: string) => px(s.getPropertyValue(p)) || 0;
/** Border + padding on one side: from the border box to the content box. */
const inset = (s: Style, side: string) => len(s, `border-${side}-width`) + len(s, `padding-${side}`);
const clear = (c: string) => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
const family = (s: Style) => `${s.fontFamily},${CJK}`;

/** A rectangle, or a path when the corners differ (a callout rounded on one side only). */
function shape(x: number, y: number, w: number, h: number, radii: number[], attrs: string): string {
  const [a, b, c, d] = radii.map((r) => Math.max(0, Math.min(r, w / 2, h / 2)));
  if (a === b && b === c && c === d) return `<rect ${xywh(x, y, w, h)}${a ? ` rx="${num(a)}"` : ''}${attrs}/>`;
  const arc = (r: number, ex: number, ey: number) => (r ? `A${num(r)} ${num(r)} 0 0 1 ${num(ex)} ${num(ey)}` : '');
  return `<path d="M${num(x + a)} ${num(y)}H${num(x + w - b)}${arc(b, x + w, y + b)}V${num(y + h - c)}${arc(c, x + w - c, y + h)}H${num(x + d)}${arc(d, x, y + h - d)}V${num(y + a)}${arc(a, x + a, y)}Z"${attrs}/>`;
}

/** Corner radii in px, percentages resolved against the box. */
function cornerRadii(s: Style, w: number, h: number): number[] {
  return CORNERS.map((k) => {
    const v = s.getPropertyValue(`border-${k}-radius`);
    return v.endsWith('%') ? (px(v) * Math.min(w, h)) / 100 : len(s, `border-${k}-radius`);
  });
}

/** The four borders (top, right, bottom, left); invisible ones have width 0. */
function borders(s: Style): Border[] {
  return SIDES.map((k) => {
    const [style, color] = ['style', 'color'].map((p) => s.getPropertyValue(`border-${k}-${p}`));
    return { bw: style === 'none' || style === 'hidden' || clear(color) ? 0 : len(s, `border-${k}-width`), style, color };
  });
}

/** 一、二、… is how Chinese documents number; any other style falls back to 1. 2. 3. */
function listLabel(type: string, n: number): string {
  if (type !== 'simp-chinese-informal' || n >= 100) return `${n}.`;
  const d = '〇一二三四五六七八九';
  return (n < 10 ? d[n] : (n > 19 ? d[Math.floor(n / 10)] : '') + '十' + (n % 10 ? d[n % 10] : '')) + '、';
}

/** The 1-based number of a list item in its list. */
function itemNumber(li: Element): number {
  let n = (li.parentElement as HTMLOListElement).start ?? 1;
  for (let p = li.previousElementSibling; p; p = p.previousElementSibling) n += +(p.tagName === 'LI');
  return n;
}

/** Copies the computed SVG presentation of `src` (and its subtree) onto `copy` as attributes, since page CSS does not travel. */
function inlinePresentation(src: Element, copy: Element, parent?: Style): void {
  const s = getComputedStyle(src);
  for (const p of SVG_PROPS) {
    // Local references only: a computed `url("https://page/#grad")` would point nowhere in a file.
    const v = s.getPropertyValue(p).replace(/url\("?[^#"]*(#[^")]*)"?\)/, 'url($1)');
    if (src.hasAttribute(p) || v !== (NOT_INHERITED[p] ?? parent?.getPropertyValue(p))) copy.setAttribute(p, v);
  }
  // A leftover `style` (say `fill: var(--c)`) would beat the attributes and mean nothing outside the page.
  copy.removeAttribute('style');
  const gone: Element[] = [];
  Array.from(src.children).forEach((child, i) => {
    const c = copy.children[i];
    if (/^(style|script)$/i.test(child.tagName) || child.getAttribute('data-export') === 'skip' || getComputedStyle(child).display === 'none') gone.push(c);
    else inlinePresentation(child, c, s);
  });
  gone.forEach((c) => c.remove());
}

/** Hidden, transparent, or "visually hidden" (the 1px clipped screen-reader text). */
function invisible(s: Style, r: DOMRect): boolean {
  return s.visibility !== 'visible' || s.opacity === '0' || (r.width <= 1 && r.height <= 1 && s.overflow !== 'visible');
}

/** The first opaque background of `element` or its ancestors (across shadow roots), else white. */
function backgroundOf(element: Element): string {
  for (let e: Element | null = element; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null)) {
    const bg = getComputedStyle(e).backgroundColor;
    if (!clear(bg)) return bg;
  }
  return '#fff';
}

// ── The serialiser ──────────────────────────────────────────────────────────

/** Walks the composed tree under one element and writes SVG shapes for what it shows, in viewport coordinates shifted by `origin`. */
class SvgWriter {
  readonly out: string[] = [];
  title?: string;
  private readonly metrics = new Map<string, [number, number]>();
  private readonly ctx = document.createElement('canvas').getContext('2d')!;
  private readonly range = document.createRange();
  private readonly rootFamily: string;
  private clips = 0;
  /** Start of the first line of text drawn since the last reset: where a list item's marker goes. */
  private first: [number, number] | undefined;

  constructor(
    private readonly ox: number,
    private readonly oy: number,
    rootStyle: Style,
    title?: string,
  ) {
    this.rootFamily = family(rootStyle);
    this.title = title;
  }

  get family(): string {
    return this.rootFamily;
  }

  walk(node: Node, inherited: Style): void {
    if (node.nodeType === Node.TEXT_NODE) return this.text(node as Text, inherited);
    if (!(node instanceof Element)) return;
    const s = getComputedStyle(node);
    if (s.display === 'none' || node.getAttribute('data-export') === 'skip') return;
    const contents = s.display === 'contents';
    const r = node.getBoundingClientRect();
    if (!contents && invisible(s, r)) return;
    if (!this.title && /^H[1-6]$/.test(node.tagName)) this.title = node.textContent?.trim();
    const close: string[] = [];
    if (+s.opacity < 1) {
      this.out.push(`<g opacity="${s.opacity}">`);
      close.push('</g>');
    }
    if (!contents) {
      // Inline boxes broken over lines get one box per line.
      for (const q of s.display === 'inline' ? Array.from(node.getClientRects()) : [r]) this.box(s, q);
      this.pseudo(node, s, r);
    }
    if (node instanceof SVGSVGElement) this.chart(node, s, r);
    else if (node instanceof HTMLImageElement) this.image(node, r);
    else if (!(node instanceof SVGElement)) this.children(node, s, r, contents, close);
    this.out.push(...close.reverse());
  }

  /** The composed children of an HTML element: a host shows its shadow root, a slot shows what is assigned to it. */
  private children(node: Element, s: Style, r: DOMRect, contents: boolean, close: string[]) {
    // Content that overflows a scroll box or a clipped box is cut like on screen.
    if (!contents && s.overflow !== 'visible' && (node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight)) {
      const id = `zw-export-clip-${++this.clips}`;
      this.out.push(
        `<clipPath id="${id}"><rect ${xywh(r.left - this.ox + len(s, 'border-left-width'), r.top - this.oy + len(s, 'border-top-width'), node.clientWidth, node.clientHeight)}/></clipPath><g clip-path="url(#${id})">`,
      );
      close.push('</g>');
    }
    const saved = this.first;
    this.first = undefined;
    const assigned = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [];
    for (const child of assigned.length ? assigned : (node.shadowRoot ?? node).childNodes) this.walk(child, s);
    if (s.display === 'list-item' && s.listStyleType !== 'none') this.marker(node, s, r);
    this.first = saved ?? this.first;
  }

  /** Background and borders of one box (viewport coordinates). */
  private box(s: Style, r: Box) {
    const x = r.left - this.ox;
    const y = r.top - this.oy;
    const { width: w, height: h } = r;
    if (!(w > 0 && h > 0)) return;
    const radii = cornerRadii(s, w, h);
    if (!clear(s.backgroundColor)) this.out.push(shape(x, y, w, h, radii, ` fill="${esc(s.backgroundColor)}"`));
    const sides = borders(s);
    // Collapsed table borders are shared: the cell's box ends in their middle, not outside them.
    const k = s.borderCollapse === 'collapse' && s.display.startsWith('table') ? 0.5 : 0;
    const [t] = sides;
    if (sides.every((o) => o.bw === t.bw && o.color === t.color && o.style === t.style)) {
      // One stroke along the middle of the border keeps the rounded corners (dashed and dotted come out solid).
      if (!t.bw) return;
      const i = t.bw * (0.5 - k);
      this.out.push(
        shape(
          x + i,
          y + i,
          w - 2 * i,
          h - 2 * i,
          radii.map((v) => v - i),
          ` fill="none" stroke="${esc(t.color)}" stroke-width="${num(t.bw)}"`,
        ),
      );
    } else this.borderStrips(sides, x, y, w, h, k);
  }

  /** Sides that differ (a left accent line, a bottom rule): one filled strip each, square-cornered. */
  private borderStrips([t, rt, b, l]: Border[], x: number, y: number, w: number, h: number, k: number) {
    const strip = (o: Border, sx: number, sy: number, sw: number, sh: number) => o.bw && this.out.push(`<rect ${xywh(sx, sy, sw, sh)} fill="${esc(o.color)}"/>`);
    strip(t, x, y - k * t.bw, w, t.bw);
    strip(rt, x + w - (1 - k) * rt.bw, y, rt.bw, h);
    strip(b, x, y + h - (1 - k) * b.bw, w, b.bw);
    strip(l, x - k * l.bw, y, l.bw, h);
  }

  /** Where the baseline sits in a measured line box: from the font's ascent and descent. */
  private baseline(s: Style, h: number) {
    const font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    let m = this.metrics.get(font);
    if (!m) {
      this.ctx.font = font;
      const t = this.ctx.measureText('国Hg');
      // Browsers before 2020 lack font metrics: typical CJK proportions then.
      m = [t.fontBoundingBoxAscent ?? px(s.fontSize) * 0.88, t.fontBoundingBoxDescent ?? px(s.fontSize) * 0.12];
      this.metrics.set(font, m);
    }
    // Range rects span the font's ascent + descent; centre in case of rounding.
    return (h - m[0] - m[1]) / 2 + m[0];
  }

  /** Font and colour attributes of a `<text>`; the family only where it differs from the root's. */
  private fontAttrs(s: Style, color = s.color) {
    const fam = family(s);
    return `${fam === this.rootFamily ? '' : ` font-family="${esc(fam)}"`} font-size="${num(px(s.fontSize))}"${s.fontWeight === '400' ? '' : ` font-weight="${s.fontWeight}"`}${s.fontStyle === 'normal' ? '' : ` font-style="${s.fontStyle}"`} fill="${esc(color)}"`;
  }

  /**
   * A text node, one `<text>` per line fragment. Each character is measured
   * on its own, because only the browser knows where it broke the lines
   * (CJK breaks between any two characters); `textLength` then pins each
   * fragment to the measured width, so justified lines and slightly
   * different fonts elsewhere still fit.
   */
  private text(node: Text, s: Style) {
    const data = node.data;
    // The fragment so far: its text, its first character's box, the right edge of its last visible one, how many.
    let frag: { s: string; a: DOMRect; right: number; n: number } | undefined;
    for (let i = 0; i < data.length;) {
      const ch = String.fromCodePoint(data.codePointAt(i)!);
      const r = this.charBox(node, i, ch.length);
      i += ch.length;
      const space = /^[ \t\n\r\f]$/.test(ch);
      if (!r) {
        // Collapsed white space renders nothing; a zero-width joiner or combining mark stays with its base.
        if (!space && frag) frag.s += ch;
        continue;
      }
      // Same line: the boxes overlap vertically and the text goes on rightwards.
      if (!frag || r.top >= frag.a.bottom - 1 || r.bottom <= frag.a.top + 1 || r.left < frag.right - 1) {
        if (frag) this.fragment(frag, s);
        frag = undefined;
        if (space) continue; // a line never starts with a collapsible space
        frag = { s: '', a: r, right: r.right, n: 0 };
      }
      frag.s += space ? ' ' : ch;
      if (!space) {
        frag.right = r.right;
        frag.n++;
      }
    }
    if (frag) this.fragment(frag, s);
  }

  /** The box of the characters [i, i + n) of a text node, if they render. */
  private charBox(node: Text, i: number, n: number): DOMRect | undefined {
    this.range.setStart(node, i);
    this.range.setEnd(node, i + n);
    return Array.from(this.range.getClientRects()).find((q) => q.width > 0);
  }

  /** One line fragment of text. */
  private fragment(frag: { s: string; a: DOMRect; right: number; n: number }, s: Style) {
    const t = frag.s.trimEnd();
    if (!t) return;
    const { a, right, n } = frag;
    const x = a.left - this.ox;
    const y = a.top + this.baseline(s, a.height) - this.oy;
    this.first ??= [x, y];
    const deco = /underline|line-through/.exec(s.textDecorationLine);
    this.out.push(
      `<text x="${num(x)}" y="${num(y)}"${n > 1 ? ` textLength="${num(right - a.left)}" lengthAdjust="spacing"` : ''}${this.fontAttrs(s)}${deco ? ` text-decoration="${deco}"` : ''}>${esc(t)}</text>`,
    );
  }

  /**
   * The bullet or number of a list item, since `::marker` cannot be measured.
   * Placed like Chromium does: an outside marker ends at the item's border box,
   * a bullet centred 0.9em before it, a number followed by a space, `、` by nothing.
   */
  private marker(li: Element, s: Style, r: DOMRect) {
    const m = getComputedStyle(li, '::marker');
    const size = px(m.fontSize);
    const [fx, y] = this.first ?? [r.left - this.ox, r.top - this.oy + size];
    const left = s.listStylePosition === 'inside' ? fx : r.left - this.ox;
    const type = s.listStyleType;
    if (/disc|circle|square/.test(type)) {
      this.out.push(
        `<circle cx="${num(left - size * 0.9)}" cy="${num(y - size / 3)}" r="${num(size / 6)}" ${type === 'circle' ? 'fill="none" stroke' : 'fill'}="${esc(m.color)}"/>`,
      );
      return;
    }
    const label = listLabel(type, itemNumber(li));
    this.out.push(`<text x="${num(left - (label.endsWith('、') ? 0 : size * 0.28))}" y="${num(y)}" text-anchor="end"${this.fontAttrs(m, m.color)}>${esc(label)}</text>`);
  }

  /**
   * Absolutely positioned `::before`/`::after` boxes (timeline dots, connector
   * lines) are drawn from their computed geometry; generated *text* is not
   * measurable and is left out.
   */
  private pseudo(el: Element, s: Style, r: DOMRect) {
    if (s.position === 'static') return;
    for (const which of ['::before', '::after']) {
      const p = getComputedStyle(el, which);
      if (/^(none|normal)$/.test(p.content) || p.display === 'none' || p.position !== 'absolute') continue;
      this.box(p, pseudoBox(p, s, r));
    }
  }

  /** An inline `<svg>` chart: a clone with the computed presentation inlined. */
  private chart(src: SVGSVGElement, s: Style, r: DOMRect) {
    const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
    const copy = doc.importNode(src, true) as Element;
    inlinePresentation(src, copy);
    // Chart text is data and may hold what XML cannot (U+0000, other C0 controls, lone surrogates): XMLSerializer writes
    // it as it is, and the file would no longer parse, nor rasterise to PNG. Dropped, as escapeMarkup does for the rest.
    const texts = doc.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) node.nodeValue = withoutMarkupInvalid(node.nodeValue ?? '');
    const left = inset(s, 'left');
    const top = inset(s, 'top');
    const sizes = { x: r.left - this.ox + left, y: r.top - this.oy + top, width: r.width - left - inset(s, 'right'), height: r.height - top - inset(s, 'bottom') };
    for (const [k, v] of Object.entries(sizes)) copy.setAttribute(k, num(v));
    if (s.overflow === 'visible') copy.setAttribute('overflow', 'visible');
    this.out.push(new XMLSerializer().serializeToString(copy));
  }

  /** A standalone SVG can link the image; a PNG only gets it when it is a data: URL (images cannot load from SVG-as-image). */
  private image(img: HTMLImageElement, r: DOMRect) {
    this.out.push(`<image ${xywh(r.left - this.ox, r.top - this.oy, r.width, r.height)} href="${esc(img.currentSrc)}" preserveAspectRatio="none"/>`);
  }
}

/** The border box of an absolutely positioned pseudo-element `p` of a box `r` with style `s` (viewport coordinates). */
function pseudoBox(p: Style, s: Style, r: DOMRect): Box {
  const extra = (a: string, b: string) => (p.boxSizing === 'border-box' ? 0 : inset(p, a) + inset(p, b));
  const w = px(p.width) + extra('left', 'right');
  const h = px(p.height) + extra('top', 'bottom');
  // The containing block is the owner's padding box.
  const bl = len(s, 'border-left-width');
  const bt = len(s, 'border-top-width');
  const x = p.left !== 'auto' ? px(p.left) : r.width - bl - len(s, 'border-right-width') - px(p.right) - w;
  const y = p.top !== 'auto' ? px(p.top) : r.height - bt - len(s, 'border-bottom-width') - px(p.bottom) - h;
  return { left: r.left + bl + x + len(p, 'margin-left'), top: r.top + bt + y + len(p, 'margin-top'), width: w, height: h };
}

/**
 * Serialises what the browser laid out for `element` (and its composed tree:
 * shadow roots, slotted content) as a standalone SVG document: box
 * backgrounds and borders, text line by line, list markers, inline SVG
 * charts. Skips `display:none`, `visibility:hidden`, `data-export="skip"` and
 * visually hidden (1px clipped) content. The element must be laid out (not
 * hidden); coordinates start at its top-left corner plus `padding`.
 */
export function elementToSvg(element: Element, options: ExportOptions = {}): SvgExport {
  const pad = options.padding ?? 0;
  const root = element.getBoundingClientRect();
  const width = Math.ceil(root.width + 2 * pad);
  const height = Math.ceil(root.height + 2 * pad);
  const rootStyle = getComputedStyle(element);
  // Every coordinate is taken from the viewport, then shifted by this origin.
  const writer = new SvgWriter(root.left - pad, root.top - pad, rootStyle, options.title);
  writer.walk(element, rootStyle);
  const background = options.background ?? backgroundOf(element);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(writer.family)}">` +
    `<title>${esc(writer.title ?? document.title)}</title>` +
    (clear(background) ? '' : `<rect width="${width}" height="${height}" fill="${esc(background)}"/>`) +
    writer.out.join('') +
    '</svg>';
  return { svg, width, height };
}

/**
 * Rasterises an SVG string to a PNG at `scale`× (crisp on phones and in
 * print). The SVG is loaded as an image, so it may only use system fonts and
 * inline data. Loads it from a data: URL (what CSPs most often allow in
 * `img-src`), then, if that is refused, from a blob: URL.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  let url = '';
  try {
    const img = await loadImage(`data:image/svg+xml,${encodeURIComponent(svg)}`).catch(() => {
      url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      return loadImage(url);
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    if (url) URL.revokeObjectURL(url);
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('svgToPng: could not load the SVG as an image (bad markup? CSP img-src?)'));
    img.src = src;
  });
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => {
    try {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('svgToPng: no PNG (canvas too large?)'))), 'image/png');
    } catch (error) {
      // toBlob throws a SecurityError when something cross-origin tainted the canvas.
      reject(new Error(`svgToPng: tainted canvas (${(error as Error).message})`));
    }
  });
}

/** Saves a Blob under `filename` through a temporary `<a download>`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers (Firefox, iOS Safari) still read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
