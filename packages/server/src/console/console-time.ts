import { parseTimeInput } from '../time/time-format.js';

/** Locales the console formats for; a merchant's browser asking for another gets English. */
const FALLBACK_LOCALE = 'en-GB';

/** The first language of Accept-Language that Intl can format, else English with day-month order. */
export function merchantLocale(acceptLanguage: string | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim();
    if (tag === '' || tag === '*') continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // A malformed tag: try the next one.
    }
  }
  return FALLBACK_LOCALE;
}

export interface ConsoleTime {
  /** "12 Mar 2026, 14:05" in the shop's zone: for events (orders, deliveries, reviews). */
  dateTime(value: string | number | null | undefined): string;
  /** "12 Mar 2026": for days. */
  date(value: string | number | null | undefined): string;
  /** "12 Mar": a chart's bar, where the year is the period's. */
  dayMonth(value: string | number | null | undefined): string;
  /** The machine-readable instant for a <time datetime>. */
  iso(value: string | number | null | undefined): string;
  readonly timeZone: string;
  readonly locale: string;
}

/**
 * Times as a merchant reads them: in the shop's time zone (a setting) and the merchant's own
 * locale. Stored times are UTC; a value that does not parse is shown as it is.
 */
export function consoleTime(locale: string, timeZone: string): ConsoleTime {
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  const dayMonthFormat = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' });
  const seconds = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? null : parseTimeInput(value));
  const format = (formatter: Intl.DateTimeFormat) => (value: string | number | null | undefined) => {
    const at = seconds(value);
    return at === null ? String(value ?? '') : formatter.format(at * 1000);
  };
  return {
    dateTime: format(dateTimeFormat),
    date: format(dateFormat),
    dayMonth: format(dayMonthFormat),
    iso: (value) => {
      const at = seconds(value);
      return at === null ? '' : new Date(at * 1000).toISOString().replace('.000', '');
    },
    timeZone,
    locale,
  };
}
