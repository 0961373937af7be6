/**
 * Remnants of a broken encoding conversion in scraped CMS text (seed 003): the page's UTF-8 went
 * through a conversion that merged the last character before a tag with the tag's `<` into one
 * garbled character, so `内容</p>` arrived as `内宸/p>`, `反映。</p>` as `反映、/p>`, `来源：<a href=…>`
 * as `来源9a href=…>`, `紧扣“` as `紧?ldquo;`, and `〔2021〕17号` as `?021?7号`. The scraper then
 * stripped only the tags that kept their `<`. Shown or read aloud, the remnants come out as
 * 「问号 斜杠 p 大于」; these functions find them and take them out. Pure: no DOM.
 *
 * Decisions (conservative: only shapes that cannot be ordinary text are touched):
 * - The garbled character before a tag remnant is the text's real last character with its code
 *   lowered by one (every case in seed 003, checked against the original page: 宸→容, 宣→室, 夃→处,
 *   佌→位, 练→组, 诡→询, 忂→心, 汁→求, 觇→览, 圇→圈, 、→。), so a Han character is restored by
 *   raising it by one, and so are the punctuation marks that cannot end a text but whose next
 *   code point can (、→。, 《→》, 「→」, 『→』, 【→】, 〔→〕, “→”, ‘→’). A full-width mark comes out as
 *   an ASCII one (seen: `9` for ：, `(` for ）), restored to that mark. `?` and U+FFFD mean the
 *   character is lost: they go with the tag, nothing is guessed.
 * - A lost character inside the text (`?021?7号`) stays: it is reported (kind `replacement-char`,
 *   replacement = the same text) only where it is certainly damage — `?` next to a digit whose
 *   other neighbour is a digit or Chinese, in Chinese text, outside links; U+FFFD always.
 * - Entities: `&ldquo;`, and `?ldquo;` whose `?` is the lost character merged with `&`, become the
 *   mark (the lost character is reported, not guessed). `&lt;` and `&gt;` are left as written: they
 *   may be a real < or > and decoding them could make tag-like text.
 * - Never touched: `a/b`, `1/2`, `和/或`, `<5>`, `20%>`, `p>0.05`, `若a>b`, bare `<a>`/`<b>`, links.
 */

export type ScrapeDamageKind = 'closing-tag' | 'opening-tag' | 'entity' | 'replacement-char';

export interface ScrapeDamage {
  /** Offsets into the text (UTF-16), `end` exclusive. */
  start: number;
  end: number;
  kind: ScrapeDamageKind;
  /** What the span becomes; for `replacement-char` the span itself (reported, left as is). */
  replacement: string;
}

/** Tags whose remnants appear in scraped article text. */
const TAG = '(?:p|td|th|tr|div|span|li|ul|ol|a|b|i|u|strong|em|font|h[1-6]|table|tbody|thead|center|sup|sub)';
/** Tags without an end: `、br/>` is `。<br/>`. */
const VOID = '(?:br|hr|img)';
/** Attributes, linear to match (each name starts after white space, each value is delimited). */
const ATTRS = `(?:\\s+[a-z][\\w:-]*(?:\\s*=\\s*(?:"[^"<>]*"|'[^'<>]*'|[^\\s"'<>]+))?)+`;
/** Tags right after a remnant go with it (`、/td></tr>`), so what follows a repair is never a new remnant. */
const CHAIN = `(?:<\\/?(?:${TAG}|${VOID})(?:${ATTRS})?\\s*\\/?>|\\/${TAG}>)*`;
/** The garbled last character of a text before its tag (see the decisions above). */
const GARBLED = '[\\u4e00-\\u9ffe\\u3001\\u300a\\u300c\\u300e\\u3010\\u3014\\u201c\\u2018\\ufffd?9(]';
const ENTITIES: Record<string, string> = {
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  quot: '"',
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  plusmn: '±',
  deg: '°',
  yen: '¥',
  copy: '©',
  reg: '®',
};

// One scan: the alternatives in order of precedence at a position. Groups: 1 garbled character before a
// closing remnant; 2–4 garbled character, name and attributes of an opening remnant (kept only with a
// `name=value` or for a void tag: `若a>b` is maths); 5 a full tag; 6 a multi-letter closing remnant after an
// ASCII letter or digit; 7 a closing remnant at the start or after white space; 8 an entity's name;
// 9 a numeric entity's number; 10 a `?` run; 11 U+FFFD.
const DAMAGE = new RegExp(
  [
    `(${GARBLED})\\/${TAG}>${CHAIN}`,
    `(${GARBLED})(${TAG}|${VOID})(${ATTRS})?\\s*\\/?>${CHAIN}`,
    `(<\\/${TAG}\\s*>|<(?!(?:a|b|i|u)>)(?:${TAG}|${VOID})(?:${ATTRS})?\\s*\\/?>)${CHAIN}`,
    `(?<=[a-z0-9])(\\/(?:td|th|tr|div|span|li|ul|ol|strong|em|font|h[1-6]|table|tbody|thead|center)>)${CHAIN}`,
    `(?<=^|\\s)(\\/${TAG}>)${CHAIN}`,
    `[?&](?:amp;)*(${Object.keys(ENTITIES).join('|')});`,
    `&(?:amp;)*#(\\d{1,7}|x[0-9a-f]{1,6});`,
    `(\\?+)(?![a-z/])`,
    `(\\ufffd)`,
  ].join('|'),
  'gi',
);

/** Cheap test: every kind of damage holds one of these; most clean texts hold none. */
const SUSPECT = /[>?\ufffd]|&[#a-z]/i;

const CHINESE = /[\u3400-\u9fff]/;
const NEIGHBOUR = /[0-9\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const URL = /(?:https?:\/\/|www\.)[^\s"'<>\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*/gi;

/** Punctuation whose next code point is the mark the text really ended with. */
const RAISED = new Set(['、', '《', '「', '『', '【', '〔', '“', '‘']);
/** Full-width marks that come out as one ASCII character. */
const ASCII_MARKS: Record<string, string> = { '9': '：', '(': '）' };

/** What the garbled character before a tag stood for; '' when it is lost. */
function restored(garbled: string): string {
  if (garbled in ASCII_MARKS) return ASCII_MARKS[garbled]!;
  const code = garbled.charCodeAt(0);
  if ((code >= 0x4e00 && code <= 0x9ffe) || RAISED.has(garbled)) return String.fromCharCode(code + 1);
  return '';
}

/** A numeric entity's character, when it is one that text holds (not a control, not < > & or a tag's slash). */
function numericEntity(value: string): string | undefined {
  const code = value[0] === 'x' || value[0] === 'X' ? parseInt(value.slice(1), 16) : Number(value);
  if (!(code >= 0xa0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/** Offsets of links in the text: a `?` there is a query string, not damage. */
function linkSpans(text: string): [number, number][] {
  if (!text.includes('://') && !/www\./i.test(text)) return [];
  return [...text.matchAll(URL)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** The remnants of a broken conversion in `text`, in order, not overlapping (see the decisions above). */
export function findScrapeDamage(text: string): ScrapeDamage[] {
  if (!SUSPECT.test(text)) return [];
  const found: ScrapeDamage[] = [];
  let links: [number, number][] | undefined;
  const inLink = (at: number) => (links ??= linkSpans(text)).some(([s, e]) => at >= s && at < e);
  DAMAGE.lastIndex = 0;
  for (let m = DAMAGE.exec(text); m; m = DAMAGE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const [, closingGarbled, openingGarbled, openingName, openingAttrs, fullTag, afterWord, bare, entity, numeric, question, fffd] = m;
    if (closingGarbled !== undefined) {
      // no link holds a `>`: this is never part of one
      found.push({ start, end, kind: 'closing-tag', replacement: restored(closingGarbled) });
    } else if (openingGarbled !== undefined) {
      const isTag = /^(?:br|hr|img)$/i.test(openingName!) || !!openingAttrs?.includes('=');
      if (isTag) found.push({ start, end, kind: 'opening-tag', replacement: restored(openingGarbled) });
      // not a tag after all (`若a>b`): the next alternatives may still match from the next character
      else DAMAGE.lastIndex = start + 1;
    } else if (fullTag !== undefined) {
      found.push({ start, end, kind: fullTag[1] === '/' ? 'closing-tag' : 'opening-tag', replacement: '' });
    } else if (afterWord !== undefined || bare !== undefined) {
      found.push({ start, end, kind: 'closing-tag', replacement: '' });
    } else if (entity !== undefined) {
      found.push({ start, end, kind: 'entity', replacement: ENTITIES[entity.toLowerCase()]! });
    } else if (numeric !== undefined) {
      const char = numericEntity(numeric);
      if (char !== undefined) found.push({ start, end, kind: 'entity', replacement: char });
    } else if (question !== undefined) {
      if (lostBetween(text, start, end) && !inLink(start)) found.push({ start, end, kind: 'replacement-char', replacement: question });
    } else if (fffd !== undefined) {
      found.push({ start, end, kind: 'replacement-char', replacement: fffd });
    }
  }
  return found;
}

/** A `?` run is a lost character when it sits by a digit whose other side is a digit or Chinese, in Chinese text. */
function lostBetween(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const digit = (c: string) => c >= '0' && c <= '9';
  if (!(digit(before) || digit(after)) || !NEIGHBOUR.test(before) || !NEIGHBOUR.test(after)) return false;
  return CHINESE.test(text);
}

function apply(text: string, damage: readonly ScrapeDamage[]): string {
  let out = '';
  let at = 0;
  for (const d of damage) {
    out += text.slice(at, d.start) + d.replacement;
    at = d.end;
  }
  return out + text.slice(at);
}

/**
 * `text` without its conversion remnants. Applied until nothing changes: taking a remnant out can
 * join what was around it into another (`&?/p>nbsp;`), which the next pass takes. Every pass
 * shortens the text, so this ends, and a text without damage comes back as it is (the same string).
 */
export function repairScrapedText(text: string): string {
  let current = text;
  for (;;) {
    const damage = findScrapeDamage(current);
    const next = damage.length ? apply(current, damage) : current;
    if (next === current) return current;
    current = next;
  }
}

/** The first damaged place of a text with up to 4 characters of what precedes it (to find it in the source), at most `max` characters. */
export function damageSample(text: string, damage: ScrapeDamage, max = 20): string {
  const context = Math.min(4, damage.start, Math.max(0, max - (damage.end - damage.start)));
  const snippet = text.slice(damage.start - context, damage.end);
  return snippet.length > max ? `${snippet.slice(0, max - 1)}…` : snippet;
}
