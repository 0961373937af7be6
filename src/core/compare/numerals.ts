// Chinese and Arabic numerals as written in policy numbering (第一百零五条, （十二）, １２.). Pure, no DOM.

/** Chinese digits at their value (〇 = 0 … 九 = 9); 零 reads as 〇 and 两 as 二. */
const DIGITS = '〇一二三四五六七八九';
/** 十, 百, 千 = 10 ** (position + 1). */
const UNITS = '十百千';
const NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万';

/** 0-9 for a Chinese digit (〇/零, 一…九, 两), else -1. */
const chineseDigit = (ch: string) => DIGITS.indexOf(ch === '零' ? '〇' : ch === '两' ? '二' : ch);

/** A character that can be part of a Chinese numeral (digits, 〇/零/两, 十/百/千/万). */
export function isChineseNumeral(ch: string): boolean {
  return ch.length === 1 && NUMERAL_CHARS.includes(ch);
}

/** 0-9 as a number for a half-width or full-width digit's char code, else -1. */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** Below 万: 一百零五, 十一, 两千, 一百五 (colloquial 150); undefined when malformed. */
function belowTenThousand(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10000;
  let zero = false;
  for (const ch of s) {
    const d = chineseDigit(ch);
    const u = UNITS.indexOf(ch);
    if (d >= 0) {
      if (digit !== undefined) return undefined; // 一二 is positional, not this form
      if (d === 0) {
        if (zero || total === 0) return undefined;
        zero = true;
        continue;
      }
      digit = d;
    } else if (u >= 0) {
      const unit = 10 ** (u + 1);
      if (unit >= lastUnit) return undefined; // 十十, 百千
      if (digit === undefined) {
        if (unit !== 10 || zero) return undefined; // only 十 stands alone (十一 = 11, 一百十 = 110)
        digit = 1;
      }
      total += digit * unit;
      digit = undefined;
      zero = false;
      lastUnit = unit;
    } else return undefined;
  }
  if (digit !== undefined)
    total += zero || lastUnit === 10000 || lastUnit === 10 ? digit : digit * (lastUnit / 10); // 一百零五 = 105; 一百五 = 150
  else if (zero) return undefined; // trailing 零
  return total;
}

/**
 * The value of a numeral as used in numbering: 一…九十九, 一百九十九, 一千零五, 两万, 〇/零, 十一 = 11,
 * positional 二〇一九, Arabic and full-width digits (１２). Surrounding and inner whitespace is ignored.
 * undefined for anything else.
 */
export function chineseNumber(s: string): number | undefined {
  const t = s.replace(/\s+/g, '');
  if (!t || t.length > 20) return undefined;
  // Arabic, and positional Chinese (二〇一九, 一九九: neither 零 nor 两 is written so)
  if (/^[0-9０-９]+$/.test(t)) return [...t].reduce((n, ch) => n * 10 + digitValue(ch.charCodeAt(0)), 0);
  if (t === '〇' || t === '零') return 0;
  if (t.length > 1 && /^[〇一二三四五六七八九]+$/.test(t)) return [...t].reduce((n, ch) => n * 10 + DIGITS.indexOf(ch), 0);
  const wan = t.indexOf('万');
  if (wan < 0) return belowTenThousand(t);
  if (wan !== t.lastIndexOf('万') || wan === 0) return undefined;
  const high = belowTenThousand(t.slice(0, wan));
  if (!high) return undefined;
  let rest = t.slice(wan + 1);
  if (!rest) return high * 10000;
  if (rest[0] === '零' || rest[0] === '〇') rest = rest.slice(1);
  const low = belowTenThousand(rest);
  return low === undefined ? undefined : high * 10000 + low;
}
