/**
 * JSON text as content staff and CMS templates write it: where a syntax error
 * is (line, column), and where each value sits in the text (for "定位").
 */

/** Where a value (and its key) sits in the text. */
export interface JsonSpan {
  start: number;
  end: number;
  keyStart?: number;
}

export interface JsonErrorPlace {
  line: number;
  column: number;
  offset: number;
}

/** Line and column (1-based) of a JSON.parse error, from the engine's message or, failing that, our own scan. */
export function jsonErrorPlace(text: string, error: unknown): JsonErrorPlace {
  const message = error instanceof Error ? error.message : '';
  const lineCol = /line (\d+) column (\d+)/i.exec(message);
  if (lineCol) {
    const line = Number(lineCol[1]);
    const column = Number(lineCol[2]);
    return { line, column, offset: offsetOf(text, line, column) };
  }
  const position = /position (\d+)/i.exec(message);
  const offset = position ? Number(position[1]) : (locateJson(text).errorAt ?? text.length);
  return { ...lineColumnOf(text, offset), offset };
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

class ScanError extends Error {
  constructor(readonly at: number) {
    super('JSON syntax');
  }
}

/**
 * A small strict JSON reader that records where every value is, so "定位"
 * can select the field an issue points at. Also finds the first syntax error
 * on engines whose JSON.parse message gives no position.
 */
export function locateJson(text: string): { spans?: Map<string, JsonSpan>; errorAt?: number } {
  const spans = new Map<string, JsonSpan>();
  let i = 0;
  const fail = (): never => {
    throw new ScanError(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        try {
          return JSON.parse(text.slice(start, i)) as string;
        } catch {
          i = start;
          return fail();
        }
      }
      if (c === '\\') i += 2;
      else if (c < ' ') fail();
      else i++;
    }
    return fail();
  };
  const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const value = (path: string): void => {
    space();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') i++;
      else
        for (;;) {
          space();
          const keyStart = i;
          const key = string();
          space();
          if (text[i] !== ':') fail();
          i++;
          const child = `${path}/${pointerSegment(key)}`;
          value(child);
          spans.get(child)!.keyStart = keyStart;
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
  };

  try {
    value('');
    space();
    if (i < text.length) fail();
    return { spans };
  } catch (error) {
    if (error instanceof ScanError) return { errorAt: error.at };
    return {}; // e.g. absurdly deep nesting: no positions, nothing worse
  }
}
