import { parseIsoDate, toUtcDate } from './dates.js';

/** BCP 47 tags of the UI locales. */
export type UiLocale = 'zh-CN' | 'en' | 'zh-Hant';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `2019-07-30` → 2019年7月30日 (zh-CN), 30 July 2019 (en), 2019年7月30日 (zh-Hant). Unparseable input is returned as is. */
export function formatDate(locale: UiLocale, iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(toUtcDate(date));
}

/** Bytes as a short size: 1.2 MB, 356 KB. */
export function formatFileSize(locale: UiLocale, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: UiLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, options);
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * A number the way each locale writes it in a headline: 1.2万 and 3.4亿 in
 * Chinese (from 10,000 up), 12,000 and 3.4 billion in English; smaller
 * numbers in full with grouping (3,600). Up to `digits` decimals.
 */
export function formatFigure(locale: UiLocale, value: number, digits = 1): string {
  if (Math.abs(value) >= (locale === 'en' ? 1_000_000 : 10_000)) {
    return numberFormat(locale, { notation: 'compact', compactDisplay: locale === 'en' ? 'long' : 'short', maximumFractionDigits: digits }).format(value);
  }
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A number in full, with grouping: 1,288,490 (tables and data tables). */
export const formatNumber = (locale: UiLocale, value: number, digits = 2): string => numberFormat(locale, { maximumFractionDigits: digits }).format(value);

/** A ratio as a percentage: 0.125 → 12.5%. */
export const formatPercent = (locale: UiLocale, ratio: number, digits = 1): string => numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
