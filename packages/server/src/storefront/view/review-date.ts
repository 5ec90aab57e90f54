import type { ShopSettings } from '../../shops/shop-settings.js';
import { format, type Messages } from '../i18n/messages.js';

/** A review's date in the shop's `date_format`; `relative` counts whole days before `nowSeconds`. */
export function formatReviewDate(commentedAt: string, dateFormat: ShopSettings['date_format'], messages: Messages, nowSeconds: number): string {
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
