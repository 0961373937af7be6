/**
 * JSON text as content staff and CMS templates write it: where a syntax error
 * is (line, column), what the commonest mistake there is called (Chinese
 * quotes and full-width punctuation from Word, a trailing or missing comma…),
 * and where each value sits in the text (for "定位").
 */

/** Where a value (and its key) sits in the text. */
export interface JsonSpan {
  start: number;
  end: number;
  keyStart?: number;
}

/**
 * A named syntax mistake, the commonest ones in text copied out of Word or typed with a Chinese IME:
 * - `chinese-quote`: “ ” ‘ ’ (or a full-width ＂) where JSON needs a straight double quote;
 * - `fullwidth-punctuation`: ，：；、｛｝［］ or a full-width space where JSON needs , : { } [ or a space;
 * - `trailing-comma`: a comma after the last item, before } or ] (the place is the comma);
 * - `missing-comma`: no comma between two items (the place is the end of the first item, where the comma belongs);
 * - `unquoted-key`: a key written without quotes;
 * - `single-quote`: 'text' instead of "text".
 */
export type JsonSyntaxHint = 'chinese-quote' | 'fullwidth-punctuation' | 'trailing-comma' | 'missing-comma' | 'unquoted-key' | 'single-quote';

export interface JsonErrorPlace {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the editor's caret. */
  column: number;
  offset: number;
  /** The mistake, when it is one of the common ones. */
  hint?: JsonSyntaxHint;
  /** The offending character at the place (for `missing-comma`, the first character of the item after the missing comma). */
  found?: string;
}

/**
 * Line, column and, for the common mistakes, a hint of a JSON syntax error. Our own scanner finds the
 * place, so every engine gives the same answer; if it cannot (absurdly deep nesting) the engine's
 * JSON.parse message is read instead. Returns the end of the text if `text` is in fact valid JSON.
 */
export function jsonErrorPlace(text: string, error?: unknown): JsonErrorPlace {
  const diagnosis = diagnoseJson(text);
  if (diagnosis) return diagnosis;
  const message = error instanceof Error ? error.message : '';
  const lineCol = /line (\d+) column (\d+)/i.exec(message);
  if (lineCol) {
    const line = Number(lineCol[1]);
    const column = Number(lineCol[2]);
    return { line, column, offset: offsetOf(text, line, column) };
  }
  const position = /position (\d+)/i.exec(message);
  const offset = Math.min(text.length, position ? Number(position[1]) : text.length);
  return { ...lineColumnOf(text, offset), offset };
}

/** The first syntax error of `text` with its hint, or `undefined` when `text` is valid JSON (or too deep to scan). */
export function diagnoseJson(text: string): JsonErrorPlace | undefined {
  const result = scan(text);
  if (!('failure' in result)) return undefined;
  const { offset, hint, found } = nameMistake(text, result.failure);
  return { ...lineColumnOf(text, offset), offset, ...(hint ? { hint } : {}), ...(found ? { found } : {}) };
}

/** 1-based line and column of an offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/**
 * The range of the text an issue at `path` (a JSON Pointer) points at, for "定位": the value with its key;
 * for a missing field, the line that opens the object that should hold it — for a field missing from the
 * document itself, the document's first line (line 1), where staff look for the top-level fields.
 */
export function issueRange(text: string, spans: Map<string, JsonSpan>, path: string): { start: number; end: number } {
  const span = spans.get(path);
  if (span) return { start: span.keyStart ?? span.start, end: span.end };
  let parent = path;
  let holder: JsonSpan | undefined;
  while (!holder && parent) {
    parent = parent.slice(0, parent.lastIndexOf('/'));
    holder = spans.get(parent);
  }
  if (!holder || parent === '') {
    const firstLine = /^[^\r\n]*/.exec(text)![0];
    return { start: 0, end: firstLine.length };
  }
  // `"issuer": {`: the key and the opening brace of the object that lacks the field.
  return { start: holder.keyStart ?? holder.start, end: holder.start + 1 };
}

// ---------------------------------------------------------------------------
// The scanner

/** What the scanner was reading when it stopped. */
type Expected = 'value' | 'key' | 'colon' | 'comma-or-close' | 'string' | 'end';

interface Failure {
  at: number;
  expected: Expected;
  /** Just after the last complete value (where a missing comma belongs). */
  lastValueEnd: number;
  /** The last complete string (key or value), quotes included; or the unfinished one when `expected` is `string`. */
  lastString?: { start: number; end: number };
}

class ScanError extends Error {
  constructor(readonly failure: Failure) {
    super('JSON syntax');
  }
}

/**
 * A small strict JSON reader that records where every value is, so "定位"
 * can select the field an issue points at, and, on a syntax error, what it was
 * expecting there, so the mistake can be named.
 */
function scan(text: string): { spans: Map<string, JsonSpan> } | { failure: Failure } | { tooDeep: true } {
  const spans = new Map<string, JsonSpan>();
  let i = 0;
  let expected: Expected = 'value';
  let lastValueEnd = 0;
  let lastString: Failure['lastString'];
  const fail = (): never => {
    throw new ScanError({ at: i, expected, lastValueEnd, lastString });
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i++;
    const outer = expected;
    expected = 'string';
    lastString = { start, end: start };
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        lastString = { start, end: i };
        try {
          const value = JSON.parse(text.slice(start, i)) as string;
          expected = outer;
          return value;
        } catch {
          i = start; // a bad escape: the string as a whole is wrong
          return fail();
        }
      }
      if (c === '\\') i += 2;
      else if (c < ' ') {
        lastString = { start, end: i };
        fail();
      } else i++;
    }
    lastString = { start, end: i };
    return fail();
  };
  const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const value = (path: string): void => {
    expected = 'value';
    space();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      expected = 'key';
      space();
      if (text[i] === '}') i++;
      else
        for (;;) {
          expected = 'key';
          space();
          const keyStart = i;
          const key = string();
          expected = 'colon';
          space();
          if (text[i] !== ':') fail();
          i++;
          const child = `${path}/${pointerSegment(key)}`;
          value(child);
          spans.get(child)!.keyStart = keyStart;
          expected = 'comma-or-close';
          space();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') i++;
      else
        for (let index = 0; ; index++) {
          value(`${path}/${index}`);
          expected = 'comma-or-close';
          space();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
    } else if (c === '"') {
      string();
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else {
      numberPattern.lastIndex = i;
      if (!numberPattern.test(text)) fail();
      i = numberPattern.lastIndex;
    }
    spans.set(path, { start, end: i });
    lastValueEnd = i;
  };

  try {
    value('');
    expected = 'end';
    space();
    if (i < text.length) fail();
    return { spans };
  } catch (error) {
    if (error instanceof ScanError) return { failure: error.failure };
    return { tooDeep: true }; // e.g. absurdly deep nesting: no positions, nothing worse
  }
}

// ---------------------------------------------------------------------------
// Naming the mistake

const CHINESE_QUOTES = '“”‘’＂＇';
const FULLWIDTH_PUNCTUATION = '，：；、｛｝［］\u3000';
/** A Chinese quote used as a delimiter inside what JSON read as one string: followed by a separator or the end. */
const QUOTE_AS_DELIMITER = /[“”‘’](?=[ \t]*(?:[,:，：}\]]|$))/;

function nameMistake(text: string, failure: Failure): { offset: number; hint?: JsonSyntaxHint; found?: string } {
  const { at, expected, lastValueEnd, lastString } = failure;
  const c = at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : undefined;
  if (c && CHINESE_QUOTES.includes(c)) return { offset: at, hint: 'chinese-quote', found: c };

  // `"title”: "…"` or `"关于…”,⏎`: a straight quote opened the string, a Chinese one was meant to close it,
  // so the string ran on. The Chinese quote is the mistake, not where the scanner stopped.
  const ranOn = lastString && (expected === 'string' || ((expected === 'colon' || expected === 'comma-or-close') && /^[ \t]*$/.test(text.slice(lastString.end, at))));
  if (ranOn) {
    const inside = text.slice(lastString.start + 1, expected === 'string' ? lastString.end : lastString.end - 1);
    const pattern = expected === 'string' ? QUOTE_AS_DELIMITER : /[“”‘’](?=[ \t]*[,:，：])/;
    const quote = pattern.exec(inside);
    if (quote) return { offset: lastString.start + 1 + quote.index, hint: 'chinese-quote', found: quote[0] };
  }

  if (c && FULLWIDTH_PUNCTUATION.includes(c)) return { offset: at, hint: 'fullwidth-punctuation', found: c };

  if ((c === '}' || c === ']') && (expected === 'key' || expected === 'value')) {
    const comma = previousNonSpace(text, at);
    if (text[comma] === ',') return { offset: comma, hint: 'trailing-comma', found: ',' };
  }

  if (c === "'" && (expected === 'key' || expected === 'value')) return { offset: at, hint: 'single-quote', found: c };
  if (c && expected === 'key' && /[\p{L}_$]/u.test(c)) return { offset: at, hint: 'unquoted-key', found: c };

  // Two items with nothing between them. On the next line: any item's start (a key, a value, an unquoted key).
  // On the same line only an unmistakable item start: `"关于"五公开"的通知"` is an unescaped quote, not a missing comma.
  if (c && expected === 'comma-or-close') {
    const between = text.slice(lastValueEnd, at);
    const nextLine = between.includes('\n');
    if (/["{[]/.test(c) || (nextLine && /[\d\-'\p{L}_$]/u.test(c))) return { offset: lastValueEnd, hint: 'missing-comma', found: c };
  }
  return { offset: at, ...(c ? { found: c } : {}) };
}

/** Offset of the last non-whitespace character before `offset`. */
function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

/**
 * Where every value is, by JSON Pointer; or, for invalid JSON, the offset of the first syntax error
 * (also for engines whose JSON.parse message gives no position).
 */
export function locateJson(text: string): { spans?: Map<string, JsonSpan>; errorAt?: number } {
  const result = scan(text);
  if ('spans' in result) return { spans: result.spans };
  if ('failure' in result) return { errorAt: result.failure.at };
  return {};
}
