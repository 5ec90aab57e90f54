/** The date formats a shop can choose (its `date_format` setting). */
export const DATE_FORMATS = ['mm/dd/yyyy', 'dd/mm/yyyy', 'yyyy-mm-dd', 'relative'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const DAY = 86_400;
/** Whole units a relative date counts in, largest first, with the days each stands for. */
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365],
  ['month', 30],
  ['week', 7],
  ['day', 1],
];

/**
 * A review's date in the shop's `date_format`. `relative` reads "3 weeks ago" in `locale`, from
 * `nowSeconds`; the server and the widget compute it alike, so the fragment and the widget agree.
 */
export function formatReviewDate(commentedAt: string, dateFormat: DateFormat, locale: string, nowSeconds: number): string {
  const [year, month, day] = commentedAt.slice(0, 10).split('-');
  switch (dateFormat) {
    case 'mm/dd/yyyy':
      return `${month}/${day}/${year}`;
    case 'dd/mm/yyyy':
      return `${day}/${month}/${year}`;
    case 'yyyy-mm-dd':
      return `${year}-${month}-${day}`;
    case 'relative': {
      const days = Math.max(0, Math.floor((nowSeconds - Date.parse(`${commentedAt.replace(' ', 'T')}Z`) / 1000) / DAY));
      const [unit, size] = UNITS.find(([, length]) => days >= length) ?? ['day', 1];
      return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-Math.floor(days / size), unit);
    }
  }
}
