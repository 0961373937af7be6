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
