/**
 * Utterances for read-aloud: Chrome's Google voices stop silently after ~15 s of one utterance, so text is
 * spoken in sentences or clauses of at most `max` characters, queued.
 *
 * Splits at sentence ends (。！？!?；; and a full stop before white space) and line ends, always; a sentence
 * still longer than `max` then at clause marks (，、,：:…), then at white space, then between any two characters
 * that may start/end a line, and only as a last resort hard at `max`. Never inside a number (3.5%, 1,000,
 * 10:30), a date (2021年3月1日), a 文号 (穗商务函〔2021〕12号) or an ascii word/URL, unless that token alone is
 * longer than `max`. Closing quotes and brackets stay with the sentence they close.
 */
export interface Utterance {
  /** the utterance, without surrounding white space */
  text: string;
  /** offsets of `text` in the input: `input.slice(start, end) === text` */
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?；;]/;
const CLAUSE_END = /[，、,：:…]/;
const CLOSER = /[”’」』）)】〕》〉\]｝}"'»]/;
const OPENER = /[“‘「『（(【〔《〈[｛{«]/;
// punctuation that must not start a piece cut between characters
const NO_START = /[。！？!?；;，、,：:….%％·）)】〕》〉」』”’"'\]｝}»]/;
const SPACE = /\s/;
const ASCII_END = /[!?;]/;
const ALNUM = /[0-9A-Za-z０-９]/;
const ASCII_GLUED = /[0-9A-Za-z/]/;

const D = '[0-9０-９]';
/** tokens never cut (except when longer than `max` on their own) */
const ATOMS = new RegExp(
  [
    // 文号: 机关代字〔年份〕序号号
    `[\\u3400-\\u9fff]{0,8}[〔［\\[【(（]\\s*${D}{4}\\s*[〕］\\]】)）]\\s*第?\\s*${D}+\\s*号`,
    // dates: 2021年3月1日, 3月1日, 2021年3月
    `${D}{1,4}\\s*年\\s*${D}{1,2}\\s*月(?:\\s*${D}{1,2}\\s*日)?`,
    `${D}{1,2}\\s*月\\s*${D}{1,2}\\s*日`,
    // URLs and e-mail addresses
    `(?:https?:\\/\\/|www\\.)[^\\s\\u3000-\\u303f\\uff00-\\uffef\\u4e00-\\u9fff]+`,
    // numbers: 3.5%, 1,000, 10:30, 2021-03-01, 1/2, −5 (before words: a word would take 10 of 10:30)
    `[+\\-−]?${D}+(?:\\s?[.,:：/\\-–]\\s?${D}+)*\\s*[%％‰]?`,
    // ascii words (with digits, dots, hyphens, apostrophes: e.g., COVID-19, 5G, don't)
    `[A-Za-z0-9][A-Za-z0-9'’\\-_.@]*[A-Za-z0-9]`,
  ].join('|'),
  'g',
);

const enum Level {
  Never = 0,
  Sentence = 1,
  Clause = 2,
  Space = 3,
  Character = 4,
}

/** `text` as utterances of at most `max` characters (UTF-16 code units), in order, covering every non-white-space character exactly once. */
export function splitUtterances(text: string, max = 120): Utterance[] {
  max = Math.max(2, Math.floor(max));
  const n = text.length;
  const inside = new Uint8Array(n + 1); // inside[p]: a cut before text[p] would split a token
  for (const m of text.matchAll(ATOMS)) {
    for (let p = m.index! + 1; p < m.index! + m[0].length; p++) inside[p] = 1;
  }
  const level = new Uint8Array(n + 1);
  for (let p = 1; p < n; p++) level[p] = inside[p] ? Level.Never : cutLevel(text, p);
  // the end of a run of marks (plus closers) is the cut; not in the middle of 。”
  const extend = (p: number) => {
    while (p < n && CLOSER.test(text[p])) p++;
    return p;
  };
  for (let p = 1; p < n; p++) {
    if (level[p] === Level.Sentence || level[p] === Level.Clause) {
      const end = extend(p);
      if (end !== p) {
        // move the cut past the closers
        const l = level[p];
        for (let q = p; q < end; q++) if (level[q] === l) level[q] = Level.Never;
        if (end < n && !inside[end]) level[end] = Math.min(level[end] || l, l);
      }
    }
  }

  const out: Utterance[] = [];
  const push = (start: number, end: number) => {
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    if (end > start) out.push({ text: text.slice(start, end), start, end });
  };
  let from = 0;
  for (let p = 1; p <= n; p++) {
    if (p < n && level[p] !== Level.Sentence) continue;
    splitLong(from, p);
    from = p;
  }
  return out;

  function splitLong(start: number, end: number) {
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    while (end - start > max) {
      const limit = start + max;
      let cut = 0;
      for (const wanted of [Level.Clause, Level.Space, Level.Character]) {
        for (let p = limit; p > start; p--) {
          if (level[p] === wanted) {
            cut = p;
            break;
          }
        }
        if (cut) break;
      }
      // last resort: hard at max, not between the halves of a surrogate pair
      if (!cut) cut = isLowSurrogate(text.charCodeAt(limit)) && isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
      push(start, cut);
      start = cut;
      while (start < end && SPACE.test(text[start])) start++;
    }
    push(start, end);
  }
}

/**
 * An ascii ?!; glued to what follows is a URL or text damaged by a bad conversion, not a sentence end:
 * 穗府办函?021?7号, 依?/p>, 紧?ldquo;十四 (an entity that lost its &).
 */
function damaged(text: string, p: number): boolean {
  const before = text[p - 1];
  const after = text[p];
  if (!ASCII_END.test(before)) return false;
  return ASCII_GLUED.test(after) || (before === ';' && /[A-Za-z]/.test(text[p - 2] ?? '') && !SPACE.test(after) && !CLOSER.test(after));
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** How good a cut before text[p] is (not yet checking tokens or closers). */
function cutLevel(text: string, p: number): Level {
  const before = text[p - 1];
  const after = text[p];
  if (before === '\n' || before === '\r' || after === '\n' || after === '\r') return Level.Sentence;
  if (SENTENCE_END.test(before) && !SENTENCE_END.test(after) && !damaged(text, p)) return Level.Sentence;
  if (before === '.' && SPACE.test(after)) return Level.Sentence;
  if (CLAUSE_END.test(before) && !CLAUSE_END.test(after) && !SENTENCE_END.test(after)) return Level.Clause;
  if (SPACE.test(after) && !SPACE.test(before)) return Level.Space;
  if (SPACE.test(after) || SPACE.test(before)) return Level.Never;
  if (ALNUM.test(before) && ALNUM.test(after)) return Level.Never;
  if (NO_START.test(after) || OPENER.test(before) || isLowSurrogate(text.charCodeAt(p))) return Level.Never;
  return Level.Character;
}
