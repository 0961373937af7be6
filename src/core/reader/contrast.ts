/**
 * WCAG 2.x contrast from CSS colour strings, as the themes' tests and the rendered-colour checks need it.
 * Pure: reads only the strings `getComputedStyle` writes (`rgb()`, `rgba()`) and the hex the themes use.
 */
export type Rgba = [r: number, g: number, b: number, a: number];

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// rgb(1, 2, 3) / rgba(1, 2, 3, 0.5) / rgb(1 2 3 / 50%): the legacy and the space-separated forms
const FUNCTIONAL = /^rgba?\(\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/i;

const channel = (s: string) => (s.endsWith('%') ? (parseFloat(s) * 255) / 100 : parseFloat(s));
const alpha = (s: string | undefined) => (s === undefined ? 1 : s.endsWith('%') ? parseFloat(s) / 100 : parseFloat(s));
const inRange = (n: number, max: number) => Number.isFinite(n) && n >= 0 && n <= max;

/** `[r, g, b, a]` (0–255, alpha 0–1) of `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()`; undefined for anything else. */
export function parseCssColor(s: string): Rgba | undefined {
  const value = s.trim();
  const hex = HEX.exec(value);
  if (hex) {
    let digits = hex[1];
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    const n = (i: number) => parseInt(digits.slice(i * 2, i * 2 + 2), 16);
    return [n(0), n(1), n(2), digits.length === 8 ? Math.round((n(3) / 255) * 1000) / 1000 : 1];
  }
  const fn = FUNCTIONAL.exec(value);
  if (!fn) return undefined;
  const rgba: Rgba = [channel(fn[1]), channel(fn[2]), channel(fn[3]), alpha(fn[4])];
  return rgba.slice(0, 3).every((c) => inRange(c, 255)) && inRange(rgba[3], 1) ? rgba : undefined;
}

const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of an sRGB colour (alpha ignored). */
export function relativeLuminance(rgb: readonly number[]): number {
  return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

/** WCAG contrast ratio (1–21) of two colours, each a CSS string or channels; opaque colours expected. */
export function contrastRatio(a: string | readonly number[], b: string | readonly number[]): number {
  const rgb = (c: string | readonly number[]) => {
    const parsed = typeof c === 'string' ? parseCssColor(c) : c;
    if (!parsed) throw new Error(`not a colour: ${String(c)}`);
    return parsed;
  };
  const [la, lb] = [relativeLuminance(rgb(a)), relativeLuminance(rgb(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
