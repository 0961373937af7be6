// Content identity and similarity of clauses, for the alignment (./align.ts).
import type { Clause } from './types.js';

/**
 * What a clause says, for identity: heading and text, without the number (so renumbering alone changes
 * nothing), NFKC-normalised (full-width and half-width forms, compatibility ideographs) with all
 * whitespace removed (CMS line wrapping and spacing are not changes).
 */
export function contentKey(clause: Pick<Clause, 'heading' | 'text'>): string {
  const heading = clause.heading ? normalise(clause.heading) : '';
  const text = normalise(clause.text);
  // the separator keeps 「heading: A, text: B」 apart from 「text: AB」
  return heading ? `${heading}\u0000${text}` : text;
}

/**
 * Blank characters: whitespace (JavaScript's \s: U+3000, NBSP and BOM included) and the invisible format
 * characters CMS text carries (soft hyphen, zero-width space, word joiner, direction marks and overrides).
 * They are not content (a clause that gained one is not "modified") and not part of a number (a 「\u200B第一条」
 * pasted from a web page is still article 1, see ./split.ts). \s has no astral members, so no u flag (faster).
 */
const BLANK = '[\\s\\u00ad\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069]';
/** Runs of blank characters, for `replace` (global: do not use with `test`). */
export const BLANKS = new RegExp(`${BLANK}+`, 'g');
const ONE_BLANK = new RegExp(`^${BLANK}$`);
/** Whether `ch` (one UTF-16 code unit; undefined past the end of a string) is blank. */
export const isBlank = (ch: string | undefined): boolean => ONE_BLANK.test(ch ?? '');

const normalise = (s: string) => s.normalize('NFKC').replace(BLANKS, '');

/** Above every code point: the start and end markers of a profile. */
const EDGE = 0x110000;
const BASE = 0x110001;

/**
 * A clause's character bigrams (code points, with start and end markers so that one-character texts
 * still have a profile), as a sorted multiset for Dice.
 */
export function bigrams(key: string): Float64Array {
  const codes: number[] = [];
  let previous = EDGE;
  for (const ch of key) {
    const c = ch.codePointAt(0)!;
    codes.push(previous * BASE + c);
    previous = c;
  }
  codes.push(previous * BASE + EDGE);
  return Float64Array.from(codes).sort();
}

/** Sørensen–Dice coefficient of two bigram multisets: 2·|A∩B| / (|A|+|B|), 0…1. */
export function dice(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}
