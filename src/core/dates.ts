/** Calendar dates as written in documents: `YYYY-MM-DD`, no time zone. */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parses `YYYY-MM-DD`; undefined for anything else, including impossible dates (2019-02-30). */
export function parseIsoDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** UTC midnight of the date, so formatting in any time zone shows the same day. */
export const toUtcDate = (d: CalendarDate): Date => new Date(Date.UTC(d.year, d.month - 1, d.day));

// Working days (with the official 节假日 and 调休) are counted in ./holidays.ts.
