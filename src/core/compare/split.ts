// Clause splitting for Chinese policy texts as pasted from CMS pages: 第X编/章/节/条, outline numbering
// (一、 （一） 1. （1） ①), nesting by the order in which numbering styles appear, paragraph fallback.
// Pure, no DOM, linear time (one pass over lines, no backtracking regex, no Intl.Segmenter).
import type { Clause, ClauseKind } from './types.js';
import { chineseNumber, digitValue, isChineseNumeral } from './numerals.js';
import { BLANKS, isBlank } from './similarity.js';

export { chineseNumber } from './numerals.js';

/** A clause as given by data (`versions[].clauses`). */
export interface ClauseItem {
  id: string;
  number?: string;
  heading?: string;
  text: string;
}

// Circled numbers (①-⑳, ㉑-㉟, ㊱-㊿) keep their shape in refs: NFKC would fold ① into a bare "1" and make
// it collide with 1.
const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/;

/** The number path segment normalised: NFKC (except circled numbers), no whitespace, no trailing 、.，: */
function refSegment(s: string): string {
  let out = '';
  if (CIRCLED.test(s)) for (const ch of s) out += CIRCLED.test(ch) ? ch : ch.normalize('NFKC');
  else out = s.normalize('NFKC');
  out = out.replace(BLANKS, '');
  let end = out.length;
  while (end > 0 && '、.,，．'.includes(out[end - 1])) end--;
  return out.slice(0, end);
}

/**
 * The normalisation used for clause ids and for matching clause references from data: NFKC (full-width
 * brackets, digits and punctuation → half-width), all whitespace removed (incl. U+3000 and NBSP), trailing
 * 、 . ． ， removed from each `/`-separated segment. `clauseRef('（ 二 ）') === clauseRef('(二)')`,
 * `clauseRef('一、／（二）') === '一/(二)'`.
 */
export function clauseRef(s: string): string {
  return String(s ?? '') // data is untrusted: a missing ref is '' rather than a throw
    .replace(/／/g, '/')
    .split('/')
    .map(refSegment)
    .join('/');
}

// ---------------------------------------------------------------------------------------------------
// Recognising a number at the start of a line

/** Past the blank characters (whitespace and invisible format characters) from `i`. */
function skipSpaces(s: string, i: number): number {
  while (isBlank(s[i])) i++;
  return i;
}

/** Rank of structural headings and articles: an outer rank closes everything of its rank or deeper. */
const RANK: Record<string, number> = { part: 0, chapter: 1, section: 2, article: 3 };
const UNIT_KIND: Record<string, ClauseKind> = { 编: 'part', 章: 'chapter', 节: 'section', 条: 'article' };

/**
 * What follows 「第X条」 when it is a reference in a sentence, not the start of an article: 规定, 所称/所列/所述/所指/
 * 所规定, 的, 之, (至/到/和/或/及/与)第, 中的/中规定/中所, and punctuation. Sticky: set lastIndex, then test.
 */
const REFERENCE_FOLLOWER = /规定|所[称列述指]|所规定|[的之]|[至到和或及与]?第|中(?:的|规定|所)|[、，,。；;）)”》]/y;

interface Marker {
  kind: ClauseKind;
  /** Numbering style (e.g. `cn`, `paren-ar`); headings and articles use their kind. */
  style: string;
  /** The number as written, whitespace removed (「（一）、」, 「第五条」). */
  number: string;
  /** The number without its trailing delimiter, for ids (「（一）」, 「第五条」). */
  core: string;
  /** Where the clause body starts in the line. */
  end: number;
}

/** Reads a run of numeral characters of one family (Chinese or Arabic), allowing spaces between them. */
function readNumeral(s: string, i: number, maxLength: number, allowInnerSpaces: boolean): { value: string; end: number; arabic: boolean } | undefined {
  let value = '';
  let arabic: boolean | undefined;
  let j = i;
  while (j < s.length) {
    const code = s.charCodeAt(j);
    const isDigit = digitValue(code) >= 0;
    const isCn = !isDigit && isChineseNumeral(s[j]);
    if (isDigit || isCn) {
      if (arabic === undefined) arabic = isDigit;
      else if (arabic !== isDigit) return undefined; // 1十: neither family
      value += s[j];
      if (value.length > maxLength) return undefined;
      j++;
    } else if (allowInnerSpaces && value && isBlank(s[j])) {
      const k = skipSpaces(s, j);
      if (k < s.length && (digitValue(s.charCodeAt(k)) >= 0 || isChineseNumeral(s[k]))) j = k;
      else break;
    } else break;
  }
  if (!value || chineseNumber(value) === undefined) return undefined;
  // positional Chinese (二〇一九, 一一) is a year or a code, never numbering
  if (!arabic && value.length > 1 && !/[十百千万]/.test(value)) return undefined;
  return { value, end: j, arabic: arabic! };
}

const isDigitAt = (s: string, i: number) => i < s.length && digitValue(s.charCodeAt(i)) >= 0;

/** 第X编/章/节/条 (and 第X部分) at `i`, unless it is a reference such as 「第三条规定的」. */
function structureMarker(s: string, start: number): Marker | undefined {
  const numeral = readNumeral(s, skipSpaces(s, start + 1), 12, true);
  if (!numeral) return undefined;
  let j = skipSpaces(s, numeral.end);
  let kind: ClauseKind | undefined = UNIT_KIND[s[j]];
  let unit = s[j];
  if (!kind && s.startsWith('部分', j)) {
    kind = 'part';
    unit = '部分';
  }
  if (!kind) return undefined;
  j += unit.length;
  let suffix = '';
  // 第一百二十条之一: an article inserted by a revision
  if (kind === 'article' && s[j] === '之' && j + 1 < s.length && isChineseNumeral(s[j + 1])) {
    const sub = readNumeral(s, j + 1, 4, false);
    if (sub) {
      suffix = `之${sub.value}`;
      j = sub.end;
    }
  }
  REFERENCE_FOLLOWER.lastIndex = j;
  if (!isBlank(s[j]) && REFERENCE_FOLLOWER.test(s)) return undefined;
  if (s[j] === '（' || s[j] === '(') {
    const item = markerAt(s, j); // 第三条（一）项: a reference to an item
    if (item && (s[item.end] === '项' || s[item.end] === '款')) return undefined;
  }
  const core = `第${numeral.value}${unit}${suffix}`;
  let number = core;
  if (j < s.length && '：:．.'.includes(s[j]) && !isDigitAt(s, j + 1)) number += s[j++];
  return { kind, style: kind, number, core, end: j };
}

/** A delimiter after an outline number: 、 . ． (same style) or ) ） (a style of its own). */
function delimiterAt(s: string, i: number): 'dun' | 'rp' | undefined {
  const ch = s[i];
  if (ch === '、' || ch === '.' || ch === '．') return 'dun';
  if (ch === ')' || ch === '）') return 'rp';
  return undefined;
}

/** The number at the start of `s` from `start` (leading spaces already skipped), if any. */
function markerAt(s: string, start: number): Marker | undefined {
  if (start >= s.length) return undefined;
  const ch = s[start];
  const code = s.charCodeAt(start);
  if (ch === '第') return structureMarker(s, start);
  const written = (end: number) => s.slice(start, end).replace(BLANKS, '');
  // （一） (一) （1） (1), optionally followed by 、 or . as damaged CMS text has it: 「(一)、《…》」
  if (ch === '(' || ch === '（') {
    const numeral = readNumeral(s, skipSpaces(s, start + 1), 4, true);
    if (!numeral || (numeral.arabic && numeral.value.length > 3)) return undefined; // （2021）
    let j = skipSpaces(s, numeral.end);
    if (s[j] !== ')' && s[j] !== '）') return undefined;
    j++;
    const core = written(j);
    if (delimiterAt(s, j) === 'dun' && !isDigitAt(s, j + 1)) j++;
    return { kind: 'item', style: numeral.arabic ? 'paren-ar' : 'paren-cn', number: written(j), core, end: j };
  }
  // 一、 一. 十一、 1. 1． 1、 1) 1）: the delimiter is required, and a digit right after it means a decimal or a list in a sentence (1.5倍, 1、2级)
  // Longest: 3 Arabic digits (2019年 is never numbering), 6 Chinese characters (一百九十九).
  const isDigit = digitValue(code) >= 0;
  if (isDigit || isChineseNumeral(ch)) {
    const numeral = readNumeral(s, start, isDigit ? 3 : 6, false);
    if (!numeral) return undefined;
    let j = skipSpaces(s, numeral.end);
    const delimiter = delimiterAt(s, j);
    if (!delimiter || isDigitAt(s, j + 1)) return undefined;
    j++;
    const core = written(delimiter === 'rp' ? j : numeral.end); // 1) keeps its bracket: 1) and 1. are different styles
    return { kind: 'item', style: (numeral.arabic ? 'ar' : 'cn') + (delimiter === 'rp' ? '-rp' : ''), number: written(j), core, end: j };
  }
  // ①…㊿; ⑴…⒇ are (1)…(20); ⒈…⒛ are 1.…20.; ㈠…㈩ are (一)…(十)
  const style = CIRCLED.test(ch)
    ? 'circled'
    : code >= 0x2474 && code <= 0x2487
      ? 'paren-ar'
      : code >= 0x2488 && code <= 0x249b
        ? 'ar'
        : code >= 0x3220 && code <= 0x3229
          ? 'paren-cn'
          : undefined;
  if (!style) return undefined;
  let j = start + 1;
  if (delimiterAt(s, j) === 'dun' && !isDigitAt(s, j + 1)) j++;
  return { kind: 'item', style, number: s.slice(start, j), core: ch, end: j };
}

/** Classifies a number given by data (「第五条」, 「（二）」, 「1.」) with the same rules as text. */
function classifyNumber(number: string): Marker | undefined {
  const start = skipSpaces(number, 0);
  const marker = markerAt(number, start);
  if (!marker) return undefined;
  let j = skipSpaces(number, marker.end);
  while (j < number.length && '、.,，．：:'.includes(number[j])) j = skipSpaces(number, j + 1);
  return j >= number.length ? marker : undefined;
}

/** The shape of an unrecognised number (附件1 → 附件0), so that nesting still follows its style. */
function shapeOf(number: string): string {
  return clauseRef(number)
    .replace(/[0-9〇零一二两三四五六七八九十百千万]+/g, '0')
    .replace(/[A-Za-z]+/g, 'a');
}

// ---------------------------------------------------------------------------------------------------
// Nesting

interface Open {
  clause: Clause;
  style: string;
  rank?: number;
}

/**
 * Closes the open clauses (outermost first) that a clause of this style and rank ends, and returns them
 * (the same array) as its enclosing clauses. Headings and articles close everything of their rank or deeper
 * (章 > 节 > 条) and every outline item (structure never nests inside 一、/（一）: a 办法 attached after a
 * notice's outline starts at the top); an outline style already open closes back to its level (a
 * sibling), a new style nests one level deeper — levels follow the order in which styles appear, as
 * Word's outline detection does.
 */
function place(open: Open[], style: string, rank: number | undefined): Open[] {
  const cut = rank === undefined ? open.map((o) => o.style).lastIndexOf(style) : open.findIndex((o) => o.rank === undefined || o.rank >= rank);
  if (cut >= 0) open.length = cut;
  return open;
}

function idPath(open: Open[], kind: ClauseKind, core: string): string {
  const own = clauseRef(core);
  if (kind === 'article') return own;
  // an item is identified within its article; headings by headings only
  const from = kind === 'item' ? Math.max(0, open.map((o) => o.clause.kind).lastIndexOf('article')) : 0;
  const path = open.slice(from).filter((o) => kind === 'item' || o.clause.kind !== 'item');
  return [...path.map((o) => clauseRef(o.clause.number)), own].join('/');
}

/** Makes ids unique in a version: a repeated id gets 「#2」, 「#3」… (skipping ids already taken). */
function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    let n = seen.get(id);
    if (n === undefined) {
      seen.set(id, 1);
      return id;
    }
    let candidate: string;
    do candidate = `${id}#${++n}`;
    while (seen.has(candidate));
    seen.set(id, n);
    seen.set(candidate, 1);
    return candidate;
  };
}

// ---------------------------------------------------------------------------------------------------
// Splitting text

/** A short line that can be the title of a heading written on the line after it (「第一章」 / 「总则」). */
function isTitleLine(line: string): boolean {
  return line.length <= 24 && !/[。；;：:，,]/.test(line);
}

/** A bracketed title right after an article's number: 「【立法目的】」, 「（目的和依据）」. */
function articleHeading(body: string): { heading: string; rest: string } | undefined {
  const open = body[0];
  const close = open === '【' ? '】' : open === '（' ? '）' : open === '(' ? ')' : undefined;
  if (!close) return undefined;
  const end = body.indexOf(close, 1);
  if (end < 0 || end > (open === '【' ? 40 : 24)) return undefined;
  const heading = body.slice(1, end).trim();
  if (!heading || (open !== '【' && (/[。，；：、,;:]/.test(heading) || chineseNumber(heading) !== undefined))) return undefined;
  return { heading, rest: body.slice(end + 1).trim() };
}

/**
 * Splits a policy text into clauses. Never throws and never drops text: every non-whitespace character
 * of the input is in some clause's number, heading or text, in order (only the brackets around an
 * article's title, 【立法目的】, are left out of its `heading`, and invisible format characters such as
 * U+200B are dropped where spaces are: at a line's start and inside a number).
 */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  const open: Open[] = [];
  const uniqueId = uniqueIds();
  let current: Clause | undefined;
  let awaitingTitle = false;
  let paragraphs = 0;
  const source = String(text ?? '');
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = lineStart;
    while (lineEnd < source.length) {
      const c = source.charCodeAt(lineEnd);
      if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) break;
      lineEnd++;
    }
    const line = source.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const start = skipSpaces(line, 0);
    if (start >= line.length) continue;
    const marker = markerAt(line, start);
    if (!marker) {
      const content = line.slice(start).trimEnd();
      if (!current) {
        paragraphs++;
        clauses.push({ id: uniqueId(`第${paragraphs}段`), number: '', kind: 'paragraph', depth: 0, parents: [], text: content, index: clauses.length });
      } else if (awaitingTitle && isTitleLine(content)) current.heading = content;
      else current.text = current.text ? `${current.text}\n${content}` : content;
      awaitingTitle = false;
      continue;
    }
    const rank = RANK[marker.kind];
    place(open, marker.style, rank);
    const body = line.slice(skipSpaces(line, marker.end)).trimEnd();
    const clause: Clause = {
      id: uniqueId(idPath(open, marker.kind, marker.core)),
      number: marker.number,
      kind: marker.kind,
      depth: open.length,
      parents: open.map((o) => o.clause.number),
      text: body,
      index: clauses.length,
    };
    awaitingTitle = false;
    if (marker.kind === 'part' || marker.kind === 'chapter' || marker.kind === 'section') {
      clause.text = '';
      if (body) clause.heading = body;
      else awaitingTitle = true;
    } else if (marker.kind === 'article') {
      const titled = articleHeading(body);
      if (titled) {
        clause.heading = titled.heading;
        clause.text = titled.rest;
      }
    }
    open.push({ clause, style: marker.style, rank });
    clauses.push(clause);
    current = clause;
  }
  return clauses;
}

/**
 * Clauses given by data: ids, numbers, headings and texts kept as given; kind and depth inferred from the
 * number's shape with the same classifier as text (no number → an unnumbered paragraph at depth 0, which
 * leaves the nesting of the numbered clauses around it alone).
 */
export function clausesFromList(items: readonly ClauseItem[]): Clause[] {
  const open: Open[] = [];
  return items.map((item, index) => {
    const number = item.number ?? '';
    const base = { id: item.id, number, text: item.text ?? '', index, ...(item.heading !== undefined ? { heading: item.heading } : {}) };
    if (!number.trim()) return { ...base, kind: 'paragraph' as const, depth: 0, parents: [] };
    const marker = classifyNumber(number);
    const kind: ClauseKind = marker ? marker.kind : 'item';
    const style = marker ? marker.style : `other:${shapeOf(number)}`;
    const rank = RANK[kind];
    place(open, style, rank);
    const clause: Clause = { ...base, kind, depth: open.length, parents: open.map((o) => o.clause.number) };
    open.push({ clause, style, rank });
    return clause;
  });
}
