/**
 * 拼音 for the reader's ruby annotation: toned syllables (zì), 一 and 不 in their own tone (GB/T 16159), the 政务
 * polyphones by phrase (还款 huán kuǎn, 处长 chù zhǎng, 银行 yín háng). Only ever reached through `import()`.
 *
 * The table lists readings in GB2312 order; the characters themselves come from TextDecoder('gbk') (the Encoding
 * Standard's decoder, in every browser), which saves downloading them. See scripts/reader-tables.mjs.
 * (src/core/directory/pinyin.ts gets initials from the zh collation instead: 0.4 KB, but one reading per character and
 * no tones, which ruby needs; the two share no code.)
 */
import { CODE_ALPHABET, PHRASES, READINGS, SYLLABLES } from './pinyin-table.generated.js';

interface Tables {
  chars: Map<string, string>;
  phrases: Map<string, (string | null)[]>;
  longest: number;
}
let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const syllables = SYLLABLES.split(' ');
  const bytes = new Uint8Array(READINGS.length);
  for (let row = 0, p = 0; row < 72; row++)
    for (let cell = 0; cell < 94; cell++, p += 2) {
      bytes[p] = 0xb0 + row;
      bytes[p + 1] = 0xa1 + cell;
    }
  let decoded = '';
  try {
    decoded = new TextDecoder('gbk').decode(bytes);
  } catch {
    // no legacy decoder: characters stay without reading (phrases still work)
  }
  const chars = new Map<string, string>();
  const base = CODE_ALPHABET.length;
  if (decoded.length * 2 === READINGS.length)
    for (let i = 0; i < decoded.length; i++) {
      const a = READINGS[2 * i];
      if (a === ' ') continue;
      chars.set(decoded[i], syllables[CODE_ALPHABET.indexOf(a) * base + CODE_ALPHABET.indexOf(READINGS[2 * i + 1])]);
    }
  const phrases = new Map<string, (string | null)[]>();
  let longest = 0;
  for (const row of PHRASES.split('|')) {
    const [word, ...readings] = row.split(' ');
    longest = Math.max(longest, word.length);
    phrases.set(
      word,
      readings.map((r, k) => (r === '.' ? (chars.get(word[k]) ?? null) : r)),
    );
  }
  return (tables = { chars, phrases, longest });
}

/**
 * One entry per UTF-16 code unit of `text`: the toned syllable of a Han character ('huán'), null for anything else
 * (and for the rare characters outside GB2312, which have no reading here).
 */
export function pinyinOf(text: string): (string | null)[] {
  const { chars, phrases, longest } = load();
  const out: (string | null)[] = [];
  for (let i = 0; i < text.length;) {
    let hit: (string | null)[] | undefined;
    for (let n = Math.min(longest, text.length - i); n >= 2 && hit === undefined; n--) hit = phrases.get(text.slice(i, i + n));
    if (hit !== undefined) {
      out.push(...hit);
      i += hit.length;
    } else out.push(chars.get(text[i++]) ?? null);
  }
  return out;
}
