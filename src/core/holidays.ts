/**
 * Working days by the official calendar: Monday–Friday, except the 法定节假日,
 * plus the 调休 weekend days that are worked. The State Council publishes each
 * year's arrangement (usually in November for the next year); the library ships
 * the years that were known at its release (src/core/holidays.generated.ts, from
 * the chinese-days package via scripts/holidays.mjs). A portal can add the next
 * year before a new release, once, before its elements check documents:
 *
 * ```js
 * import { registerHolidays } from 'zhengwu-elements';
 * registerHolidays(2027, {
 *   holidays: ['2027-01-01', '2027-02-05', …], // every day off, weekend days inside a holiday included
 *   workdays: ['2027-02-14', …],               // 调休: weekend days that are working days
 * });
 * ```
 * Registering a year the library already has replaces it (a correction).
 */
import { compareDates, toUtcDate, parseIsoDate, type CalendarDate } from './dates.js';
import { OFFICIAL_HOLIDAYS } from './holidays.generated.js';

export interface YearHolidays {
  /** Every day off of the year's 法定节假日, as YYYY-MM-DD, weekend days inside a holiday included. */
  holidays: readonly string[];
  /** 调休 working days (weekend days worked), as YYYY-MM-DD. */
  workdays?: readonly string[];
}

/** A year's days off and days worked, as `MMDD`. */
interface YearCalendar {
  off: ReadonlySet<string>;
  on: ReadonlySet<string>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const mmdd = (d: CalendarDate) => `${pad(d.month)}${pad(d.day)}`;

/** `0128-0204 0405` → every `MMDD` it covers. */
function expand(year: number, runs: string): string[] {
  const days: string[] = [];
  for (const run of runs.split(' ').filter(Boolean)) {
    const [first, last = first] = run.split('-');
    const at = (s: string) => Date.UTC(year, Number(s.slice(0, 2)) - 1, Number(s.slice(2)));
    for (let ms = at(first); ms <= at(last); ms += 86_400_000) {
      const date = new Date(ms);
      days.push(`${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`);
    }
  }
  return days;
}

const calendars = new Map<number, YearCalendar>();

function calendarOf(year: number): YearCalendar | undefined {
  let calendar = calendars.get(year);
  const shipped = OFFICIAL_HOLIDAYS[year];
  if (!calendar && shipped) {
    calendar = { off: new Set(expand(year, shipped[0])), on: new Set(expand(year, shipped[1])) };
    calendars.set(year, calendar);
  }
  return calendar;
}

/** Adds (or corrects) one year's official holidays and 调休 working days. Throws on a date that is not of that year. */
export function registerHolidays(year: number, days: YearHolidays): void {
  if (!Number.isInteger(year)) throw new TypeError(`zhengwu-elements: registerHolidays: the year must be an integer, not ${String(year)}`);
  const key = (iso: string) => {
    const date = parseIsoDate(iso);
    if (!date || date.year !== year) throw new RangeError(`zhengwu-elements: registerHolidays(${year}): "${iso}" is not a date of ${year} (YYYY-MM-DD)`);
    return mmdd(date);
  };
  calendars.set(year, { off: new Set(days.holidays.map(key)), on: new Set((days.workdays ?? []).map(key)) });
}

/** The calendar years whose holidays are known (shipped or registered), ascending. */
export function knownHolidayYears(): number[] {
  const years = new Set([...Object.keys(OFFICIAL_HOLIDAYS).map(Number), ...calendars.keys()]);
  return [...years].sort((a, b) => a - b);
}

/** Known years as short text for messages: 2004–2026, or 2004–2026、2028. */
export function knownHolidayYearsText(): string {
  const runs: string[] = [];
  const years = knownHolidayYears();
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    runs.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j;
  }
  return runs.join('、');
}

/** Whether the holidays of every year from `from` to `to` are known. */
export function holidaysKnownBetween(from: CalendarDate, to: CalendarDate): boolean {
  const [first, last] = from.year <= to.year ? [from.year, to.year] : [to.year, from.year];
  for (let year = first; year <= last; year++) if (!calendarOf(year)) return false;
  return true;
}

/** A working day: a 调休 day, or Monday–Friday that is not a holiday. In an unknown year, Monday–Friday. */
export function isWorkingDay(date: CalendarDate): boolean {
  const calendar = calendarOf(date.year);
  const key = mmdd(date);
  if (calendar?.on.has(key)) return true;
  if (calendar?.off.has(key)) return false;
  const weekday = toUtcDate(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Working days from `from` to `to`: the working days after `from` up to and
 * including `to` (publishing on Friday and following up on Monday is 1), by the
 * official calendar where its year is known (see `holidaysKnownBetween`), else
 * Monday–Friday. Negative when `to` is earlier.
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  const sign = compareDates(to, from) < 0 ? -1 : 1;
  const [start, end] = sign > 0 ? [from, to] : [to, from];
  const endMs = toUtcDate(end).getTime();
  let count = 0;
  for (let ms = toUtcDate(start).getTime() + 86_400_000; ms <= endMs; ms += 86_400_000) {
    const day = new Date(ms);
    if (isWorkingDay({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() })) count++;
  }
  return sign * count;
}
