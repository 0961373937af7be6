/**
 * Search folding for the directory: the text the index stores and the query are both folded, so
 * variants that people and CMSs mix up match each other:
 *  - full-width ASCII forms → half-width (ＡＢＣ１２，：→ abc12,:), letters lower-cased (ASCII, Latin, Greek, Cyrillic);
 *  - white space (incl. U+3000 and zero-width spaces) and the bracket variants 〔〕[]［］()（）【】 removed,
 *    so 鲁商字〔2019〕12号 = 鲁商字[2019]12号 = 鲁商字（2019）12号 = 鲁商字 2019 12号 = 鲁商字201912号.
 * Folding maps one UTF-16 code unit to at most one code unit (surrogate pairs pass through), so every
 * folded character has exactly one original position: highlighting maps matches back cheaply.
 */

/** Code unit → folded code unit; 0 = removed. Idempotent: FOLD[FOLD[c]] = FOLD[c] for kept characters. */
export const FOLD: Uint16Array = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  const lower = (c: number) => {
    const l = String.fromCharCode(c).toLowerCase();
    return l.length === 1 ? l.charCodeAt(0) : c;
  };
  for (let c = 0; c < 65536; c++) {
    const v = t[c];
    if (v < 0x530 && c < 0x530) t[c] = lower(v);
    else if (c >= 0xff01 && c <= 0xff5e) t[c] = lower(v);
  }
  const removed =
    '\t\n\v\f\r \u0085\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff〔〕[]［］()（）【】';
  for (let i = 0; i < removed.length; i++) t[removed.charCodeAt(i)] = 0;
  t[0] = 0;
  for (let c = 0; c < 65536; c++) {
    let v = t[c];
    while (v !== 0 && t[v] !== v) v = t[v];
    t[c] = v;
  }
  return t;
})();

let scratch = new Uint16Array(256);

/** Folds `s` into the shared scratch buffer; returns the folded length (the buffer may be reallocated: read `scratch` after). */
function foldToScratch(s: string): number {
  if (scratch.length < s.length) scratch = new Uint16Array(Math.max(s.length, scratch.length * 2));
  const out = scratch;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f !== 0) out[n++] = f;
  }
  return n;
}

function scratchString(n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, scratch.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return s;
}

/** The folded form of `s` (see the module comment). Returns `s` itself when folding changes nothing. */
export function foldText(s: string): string {
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (FOLD[c] !== c || c === 0) break;
    i++;
  }
  if (i === s.length) return s;
  return scratchString(foldToScratch(s));
}

/** The folded text and, per folded code unit, its index in `s`. */
export function foldWithOffsets(s: string): { folded: string; starts: number[] } {
  const starts: number[] = [];
  let folded = '';
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f === 0) continue;
    starts.push(i);
    folded += String.fromCharCode(f);
  }
  return { folded, starts };
}

/**
 * The ranges `[start, end)` of the ORIGINAL `text` covering each (non-overlapping) match of the folded
 * `query`, for highlighting with `<mark>`. A range may contain removed characters (鲁商字〔2019〕12 for `鲁商字2019 12`).
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const q = foldText(query);
  if (!q || !text) return [];
  const { folded, starts } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) ranges.push([starts[at], starts[at + q.length - 1] + 1]);
  return ranges;
}

/**
 * Whether the folded form of `text` contains `folded` (an already folded, non-empty query), without
 * building the folded string: the slow path of index verification for fields that folding changes.
 */
export function foldedIncludes(text: string, folded: string): boolean {
  const m = folded.length;
  const n = foldToScratch(text);
  if (n < m) return false;
  const buf = scratch;
  const first = folded.charCodeAt(0);
  outer: for (let i = 0; i <= n - m; i++) {
    if (buf[i] !== first) continue;
    for (let j = 1; j < m; j++) if (buf[i + j] !== folded.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}
