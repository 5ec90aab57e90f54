import { format, type Messages } from './messages.js';

/** The date formats a shop can choose (its `date_format` setting). */
export const DATE_FORMATS = ['mm/dd/yyyy', 'dd/mm/yyyy', 'yyyy-mm-dd', 'relative'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A review's date in the shop's `date_format`; `relative` counts whole days before `nowSeconds`. */
export function formatReviewDate(commentedAt: string, dateFormat: DateFormat, messages: Messages, nowSeconds: number): string {
  const [year, month, day] = commentedAt.slice(0, 10).split('-');
  switch (dateFormat) {
    case 'mm/dd/yyyy':
      return `${month}/${day}/${year}`;
    case 'dd/mm/yyyy':
      return `${day}/${month}/${year}`;
    case 'yyyy-mm-dd':
      return `${year}-${month}-${day}`;
    case 'relative': {
      const days = Math.floor((nowSeconds - Date.parse(`${commentedAt.replace(' ', 'T')}Z`) / 1000) / 86_400);
      return days <= 0 ? messages.today : format(messages.daysAgo, { n: days });
    }
  }
}
