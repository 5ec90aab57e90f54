import { secondsOf } from './clock.js';

/** Wire time formats of the contract (docs/reference/conventions.md §8.3). All times are UTC Unix seconds internally. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS`, used for review times such as commented_at and reply_at. */
export function formatReviewTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** RFC 3339 with whole seconds and `Z`, used for record timestamps. */
export function formatRecordTime(seconds: number): string {
  return `${formatReviewTime(seconds).replace(' ', 'T')}Z`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/i;

export type TimeBound = 'start' | 'end';

/**
 * Parses the accepted time inputs: `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`, Unix seconds (1–10 digits)
 * and RFC 3339 with an offset. A date alone means the start of that day, or its last second when it
 * closes a range. Returns null for anything else, including impossible dates such as 2026-02-30.
 */
export function parseTimeInput(input: string | number, bound: TimeBound = 'start'): number | null {
  if (typeof input === 'number') {
    return Number.isInteger(input) && input >= 0 && input <= 9_999_999_999 ? input : null;
  }
  const text = input.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text);
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, , offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hasTime = h !== undefined;
  // A bare `YYYY-MM-DDTHH:MM:SS` without offset is read as UTC, like the space-separated form.
  const hours = hasTime ? Number(h) : bound === 'end' ? 23 : 0;
  const minutes = hasTime ? Number(mi) : bound === 'end' ? 59 : 0;
  const secs = hasTime ? Number(s) : bound === 'end' ? 59 : 0;
  if (month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || secs > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hours, minutes, secs);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  let result = secondsOf(ms);
  if (offset !== undefined && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
    if (oh > 23 || om > 59) return null;
    result -= sign * (oh * 3600 + om * 60);
  }
  return result < 0 ? null : result;
}
