// Character-level diff of two clause texts that reads as words and phrases.
//
// Engine: jsdiff (`diff` 9), its Myers O(ND) on arrays (`diffArrays`, imported by module: its other modes stay
// out of the bundle). It never splits what we give it as one token and can give up (maxEditLength / timeout).
// We hand it user-perceived characters
// (a code point with its combining marks, variation selectors, skin tones and ZWJ-joined parts; a flag pair;
// CRLF), so no segment can ever hold half a surrogate pair — or half an emoji. jsdiff has no semantic
// clean-up, so it is done here: Chinese has no spaces, so we work on characters, absorb the tiny equal
// islands that scatter a rewrite into single characters, and slide pure insertions/deletions onto
// punctuation boundaries.
import { diffArrays } from 'diff/lib/diff/array.js';
import type { DiffSegment } from './types.js';

// A base code point (any, lone surrogates included) followed by what attaches to it.
const ATTACHED = '(?:[\\p{M}\\u{FE00}-\\u{FE0F}\\u{E0020}-\\u{E007F}]|\\p{Emoji_Modifier})';
const CHARACTER = new RegExp(`\\r\\n|\\p{RI}\\p{RI}|[^]${ATTACHED}*(?:\\u200D[^]${ATTACHED}*)*`, 'gu');

/** The text as user-perceived characters (an approximation of grapheme clusters that needs no Intl.Segmenter). */
export function characters(text: string): string[] {
  return text.match(CHARACTER) ?? [];
}

const DIGITS = /^[0-9\uff10-\uff19]$/;

/**
 * The diff's tokens: user-perceived characters, except that a run of digits is one token, so a changed number
 * reads whole (「[-2019-]{+2021+}年」, not 「20[-19-]{+21+}年」; 「[-10-]{+7+}个工作日」).
 */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const c of characters(text)) {
    const last = out.length - 1;
    if (last >= 0 && DIGITS.test(c) && DIGITS.test(out[last][out[last].length - 1])) out[last] += c;
    else out.push(c);
  }
  return out;
}

/**
 * jsdiff's Myers costs about D² steps of ~0.1 µs for unrelated text (a 500-character rewrite: ~60 ms), so the
 * diff runs in two levels: phrases first (runs ending at punctuation or a line break: few tokens, cheap),
 * then characters only inside the stretches of changed phrases. A stretch whose characters would need more
 * than CHARACTER_EDITS edits is a rewrite: it is shown as one deletion + one insertion, which is also what a
 * reader wants there. TIMEOUT_MS is a safety net for pathological input, not the normal path.
 */
const PHRASE_EDITS = 2000;
const CHARACTER_EDITS = 400;
const TIMEOUT_MS = 50;

type Op = DiffSegment['op'];
interface Equal {
  equal: string[];
}
interface Change {
  del: string[];
  ins: string[];
}
type Run = Equal | Change;
const isEqual = (run: Run): run is Equal => 'equal' in run;

/** Punctuation that ends a sentence, a clause or a list item (boundaries after them read best). */
const ENDS = '。；！？!?;';
const PAUSES = '，、：,:';
const CLOSES = '）)】」』”’》〉]';
const OPENS = '（(【「『“‘《〈[';
/** Best after the end of a sentence; good after a pause or a closing bracket, and before any of these marks. */
const BEST_AFTER = new Set([...ENDS]);
const GOOD_AFTER = new Set([...(PAUSES + CLOSES)]);
const GOOD_BEFORE = new Set([...(ENDS + PAUSES + CLOSES + OPENS)]);
// every mark above is \p{P} too
const isPunctuation = (c: string) => /^[\p{P}\p{S}]$/u.test(c);
const isBreak = (c: string) => c === '\n' || c === '\r\n' || c === '\r';

/** How good a place the boundary between characters a|b is for an edit to start or end. */
function boundaryScore(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 6;
  if (isBreak(a) || isBreak(b)) return 5;
  if (BEST_AFTER.has(a)) return 4;
  if (GOOD_AFTER.has(a) || GOOD_BEFORE.has(b)) return 3;
  if (/\s/u.test(a) || /\s/u.test(b)) return 2;
  return 0;
}

/**
 * The changes from `oldText` to `newText`: equal runs and, between them, a deletion followed by an insertion.
 * Adjacent segments never share an op; concatenating equal+delete gives the old text, equal+insert the new.
 */
export function diffText(oldText: string, newText: string): DiffSegment[] {
  if (oldText === newText) return oldText ? [{ op: 'equal', text: oldText }] : [];
  const a = tokens(oldText);
  const b = tokens(newText);
  // Common prefix and suffix first: most clause pairs differ in a few places, and this keeps Myers small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const runs: Run[] = [];
  if (start > 0) runs.push({ equal: a.slice(0, start) });
  runs.push(...diffPhrases(a.slice(start, endA), b.slice(start, endB)));
  if (endA < a.length) runs.push({ equal: a.slice(endA) });
  return flatten(slideToBoundaries(absorbIslands(normalise(runs))));
}

/** Phrases: characters up to and including punctuation or a line break. */
function phrases(chars: string[]): string[] {
  const out: string[] = [];
  let phrase = '';
  for (const c of chars) {
    phrase += c;
    if (isBreak(c) || isPunctuation(c)) {
      out.push(phrase);
      phrase = '';
    }
  }
  if (phrase) out.push(phrase);
  return out;
}

function diffPhrases(a: string[], b: string[]): Run[] {
  if (!a.length || !b.length) return [{ del: a, ins: b }];
  const pa = phrases(a);
  const pb = phrases(b);
  if (pa.length === 1 && pb.length === 1) return diffCharacters(a, b);
  const changes = diffArrays(pa, pb, { maxEditLength: PHRASE_EDITS, timeout: TIMEOUT_MS });
  if (!changes) return [{ del: a, ins: b }];
  const runs: Run[] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = () => {
    if (del.length || ins.length) runs.push(...diffCharacters(del, ins));
    del = [];
    ins = [];
  };
  for (const c of changes) {
    const chars = c.value.flatMap(tokens);
    if (c.removed) del = del.concat(chars);
    else if (c.added) ins = ins.concat(chars);
    else {
      flush();
      runs.push({ equal: chars });
    }
  }
  flush();
  return runs;
}

function diffCharacters(a: string[], b: string[]): Run[] {
  if (!a.length || !b.length) return [{ del: a, ins: b }];
  // Two long stretches with hardly a character pair in common are a rewrite: Myers would spend up to
  // CHARACTER_EDITS² steps to find chance single-character matches that absorbIslands then merges away.
  if (a.length >= REWRITE_MIN && b.length >= REWRITE_MIN && a.length + b.length <= REWRITE_SCAN && pairOverlap(a, b) < REWRITE_OVERLAP) return [{ del: a, ins: b }];
  const changes = diffArrays(a, b, { maxEditLength: CHARACTER_EDITS, timeout: TIMEOUT_MS });
  // gave up: one deletion + one insertion
  if (!changes) return [{ del: a, ins: b }];
  return changes.map((c) => (c.added ? { del: [], ins: c.value } : c.removed ? { del: c.value, ins: [] } : { equal: c.value }));
}

/**
 * Stretches of at least REWRITE_MIN characters each sharing under REWRITE_OVERLAP of their character pairs:
 * measured on 1,000 pairs of seed clauses, every stretch below 0.1 was an unrelated rewrite whose character
 * diff only kept chance islands (「…信息来[-…-]源[-…-]」), and skipping Myers there saves ~25% of the time.
 * Past REWRITE_SCAN characters the check is not worth its cost (Myers gives up on its own there).
 */
const REWRITE_MIN = 24;
const REWRITE_OVERLAP = 0.1;
const REWRITE_SCAN = 20000;

/** Dice coefficient of the two stretches' character-pair multisets (0…1). */
function pairOverlap(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (let k = 1; k < a.length; k++) {
    const pair = a[k - 1] + a[k];
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  let common = 0;
  for (let k = 1; k < b.length; k++) {
    const pair = b[k - 1] + b[k];
    const n = counts.get(pair);
    if (n) {
      common++;
      counts.set(pair, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length - 2);
}

/** Adjacent changes merged into one (deletion, insertion); empty runs dropped. */
function normalise(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (isEqual(run) ? !run.equal.length : !run.del.length && !run.ins.length) continue;
    const last = out[out.length - 1];
    if (last && isEqual(last) && isEqual(run)) last.equal = last.equal.concat(run.equal);
    else if (last && !isEqual(last) && !isEqual(run)) out[out.length - 1] = { del: last.del.concat(run.del), ins: last.ins.concat(run.ins) };
    else out.push(isEqual(run) ? { equal: run.equal } : { del: run.del, ins: run.ins });
  }
  return out;
}

const editSize = (c: Change) => Math.max(c.del.length, c.ins.length);

/**
 * Should this equal island between two changes become part of one larger change? Inside a rewrite, single
 * shared characters (的, 和, 政…) and short words are chance and scatter the change into fragments; but a
 * phrase that survives, a line break or punctuation is a natural boundary between two edits and is kept.
 * Chinese words are one to four characters, so the bar rises with the island's length.
 */
function absorbs(island: string[], left: Change, right: Change): boolean {
  if (island.some(isBreak) || island.every(isPunctuation)) return false;
  const n = island.length;
  const edits = Math.min(editSize(left), editSize(right));
  // 「[-社会]{+公众}关[-切]{+注}」 and 「[-加]强{+化}」 are one rewrite; 「[-2]{+3}次{+，并…}」 is two edits (a phrase starts at the ，)
  if (n === 1) return !touchesPunctuation(left, 'end') && !touchesPunctuation(right, 'start');
  if (n === 2) return n < edits;
  return 2 * n <= edits;
}
const touchesPunctuation = (c: Change, edge: 'start' | 'end') => [c.del, c.ins].some((chars) => chars.length > 0 && isPunctuation(chars[edge === 'start' ? 0 : chars.length - 1]));

function absorbIslands(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (isEqual(run)) {
      out.push(run);
      continue;
    }
    let change = run;
    // a growing change may now swallow the island before the previous change too: look back until it does not
    for (;;) {
      const island = out[out.length - 1];
      const left = out[out.length - 2];
      if (!island || !left || !isEqual(island) || isEqual(left) || !absorbs(island.equal, left, change)) break;
      out.length -= 2;
      change = { del: left.del.concat(island.equal, change.del), ins: left.ins.concat(island.equal, change.ins) };
    }
    out.push(change);
  }
  return out;
}

/**
 * A pure insertion or deletion between two equal runs can often sit in several places with the same result
 * (「同步组织、同步审签」 + 「同步部署、」). Put it where its edges fall on the best boundaries (after 。；，、,
 * at line breaks), preferring the later place on a tie, as diff-match-patch's semantic-lossless pass does.
 */
function slideToBoundaries(runs: Run[]): Run[] {
  for (let k = 1; k < runs.length - 1; k++) {
    const before = runs[k - 1];
    const change = runs[k];
    const after = runs[k + 1];
    if (!isEqual(before) || isEqual(change) || !isEqual(after) || (change.del.length && change.ins.length)) continue;
    const side: 'del' | 'ins' = change.del.length ? 'del' : 'ins';
    const left = before.equal;
    const edit = change[side];
    const right = after.equal;
    const n = edit.length;
    const total = left.length + n + right.length;
    // the three runs read as one string whose split point s (start of the edit) may move
    const at = (i: number) => (i < left.length ? left[i] : i < left.length + n ? edit[i - left.length] : right[i - left.length - n]);
    let s = left.length;
    while (s > 0 && at(s - 1) === at(s - 1 + n)) s--;
    let best = s;
    let bestScore = -1;
    for (;;) {
      const score = boundaryScore(at(s - 1), at(s)) + boundaryScore(at(s + n - 1), at(s + n));
      if (score >= bestScore) {
        bestScore = score;
        best = s;
      }
      if (s + n >= total || at(s) !== at(s + n)) break;
      s++;
    }
    if (best === left.length) continue;
    const slice = (from: number, to: number) => {
      const out: string[] = [];
      for (let i = from; i < to; i++) out.push(at(i));
      return out;
    };
    const moved = slice(best, best + n);
    runs[k - 1] = { equal: best < left.length ? left.slice(0, best) : left.concat(slice(left.length, best)) };
    runs[k] = side === 'del' ? { del: moved, ins: [] } : { del: [], ins: moved };
    runs[k + 1] = { equal: best + n > left.length + n ? right.slice(best - left.length) : slice(best + n, left.length + n).concat(right) };
  }
  return normalise(runs);
}

function flatten(runs: Run[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  const push = (op: Op, chars: string[]) => {
    if (!chars.length) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += chars.join('');
    else out.push({ op, text: chars.join('') });
  };
  for (const run of runs) {
    if (isEqual(run)) push('equal', run.equal);
    else {
      push('delete', run.del);
      push('insert', run.ins);
    }
  }
  return out;
}
