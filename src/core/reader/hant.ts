/**
 * 简→繁 for the reader (Taiwan standard characters, OpenCC 'cn' → 'tw'; see scripts/reader-tables.mjs for how the
 * table was cut from OpenCC's ~470 KB to ~30 KB gz). Only ever reached through `import()`.
 */
import { CHARS_FROM, CHARS_TO, PHRASES } from './hant-table.generated.js';

interface Tables {
  chars: Map<string, string>;
  phrases: Map<string, string>;
  longest: number;
}
let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const chars = new Map<string, string>();
  for (let i = 0; i < CHARS_FROM.length; i++) chars.set(CHARS_FROM[i], CHARS_TO[i]);
  const phrases = new Map<string, string>();
  let longest = 0;
  for (const [n, sources, targets] of PHRASES) {
    longest = Math.max(longest, n);
    for (let i = 0; i < sources.length; i += n) {
      const source = sources.slice(i, i + n);
      let target = '';
      for (let k = 0; k < n; k++) target += targets[i + k] === '.' ? (chars.get(source[k]) ?? source[k]) : targets[i + k];
      phrases.set(source, target);
    }
  }
  return (tables = { chars, phrases, longest });
}

/**
 * The text in Traditional characters, the longest listed phrase first, else character by character. The result has
 * the same length as the input (one code unit for one), so offsets into the text stay valid.
 */
export function toTraditional(text: string): string {
  const { chars, phrases, longest } = load();
  let out = '';
  for (let i = 0; i < text.length;) {
    let hit: string | undefined;
    for (let n = Math.min(longest, text.length - i); n >= 2 && hit === undefined; n--) hit = phrases.get(text.slice(i, i + n));
    if (hit !== undefined) {
      out += hit;
      i += hit.length;
    } else {
      out += chars.get(text[i]) ?? text[i];
      i++;
    }
  }
  return out;
}
