import { parseTimeInput } from '../../time/time-format.js';

export const PRESET_DAYS = [7, 30, 90, 365] as const;
export const DAY = 86_400;
const MAX_CUSTOM_DAYS = 3 * 366;

/** A dashboard period: whole days in the shop's time zone, [from, to) in Unix seconds. */
export interface DateRange {
  from: number;
  to: number;
  days: number;
  /** 7, 30, 90, 365, or 0 for a custom range. */
  preset: number;
  /** YYYY-MM-DD of the first and last day, as the custom-range form shows them. */
  firstDay: string;
  lastDay: string;
}

/** Minutes the zone is ahead of UTC at an instant (Intl names the wall time; the difference is the offset). */
function offsetSeconds(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at * 1000);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second')) / 1000;
  return wall - at;
}

/** The instant a calendar day begins in a time zone (DST-aware: the offset is read at that instant). */
export function startOfDay(timeZone: string, year: number, month: number, day: number): number {
  const utcMidnight = Date.UTC(year, month - 1, day) / 1000;
  const first = utcMidnight - offsetSeconds(timeZone, utcMidnight);
  return utcMidnight - offsetSeconds(timeZone, first);
}

/** The calendar day (in the zone) an instant falls on, as YYYY-MM-DD. */
export function dayOf(timeZone: string, at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at * 1000);
}

function startOfIsoDay(timeZone: string, isoDay: string): number {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return startOfDay(timeZone, year, month, day);
}

function nextDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * The period a dashboard link asks for: `range` = 7, 30, 90 or 365 days ending today (today
 * included), or `from` and `to` days (both included, at most three years). Anything else is the
 * last 30 days, so a hand-edited link still shows a page.
 */
export function dateRangeOf(query: { range?: string; from?: string; to?: string }, timeZone: string, now: number): DateRange {
  const today = dayOf(timeZone, now);
  const end = startOfIsoDay(timeZone, nextDay(today));
  const valid = (day: string | undefined) => day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) && parseTimeInput(day) !== null;
  if (valid(query.from) && valid(query.to) && query.from! <= query.to!) {
    const from = startOfIsoDay(timeZone, query.from!);
    const to = startOfIsoDay(timeZone, nextDay(query.to!));
    const days = Math.round((to - from) / DAY);
    if (days <= MAX_CUSTOM_DAYS) return { from, to, days, preset: 0, firstDay: query.from!, lastDay: query.to! };
  }
  const preset = PRESET_DAYS.find((days) => String(days) === query.range) ?? 30;
  const from = end - preset * DAY;
  const firstDay = dayOf(timeZone, from + DAY / 2);
  return { from: startOfIsoDay(timeZone, firstDay), to: end, days: preset, preset, firstDay, lastDay: today };
}

/** Days per bar of a chart over the range: a bar a day up to a month, a bar a week beyond. */
export function bucketDaysOf(range: DateRange): 1 | 7 {
  return range.days <= 31 ? 1 : 7;
}

/** The same length of time just before: what "vs previous period" compares with. */
export function previousRange(range: DateRange): { from: number; to: number } {
  return { from: range.from - (range.to - range.from), to: range.from };
}
