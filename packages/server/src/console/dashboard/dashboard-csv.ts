import type { ConsoleTime } from '../console-time.js';
import type { DashboardFigures } from './dashboard-figures.js';
import { type DateRange, dayOf } from './date-range.js';

/**
 * RFC 4180 cells for a spreadsheet. Unlike the review export (which must import back unchanged),
 * these files are only ever opened, so a product title starting with = + - @ is defused with a
 * leading apostrophe instead of running as a formula.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Number.isInteger(value) ? value : Math.round(value * 1000) / 1000);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const table = (header: string[], rows: Array<Array<string | number | null>>) => `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export const DASHBOARD_CHARTS = ['reviews', 'ratings', 'requests', 'widget', 'products'] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

/** The numbers behind one chart of the dashboard, as the CSV its "Download CSV" link gives. */
export function dashboardCsv(chart: DashboardChart, figures: DashboardFigures, range: DateRange, time: ConsoleTime): string {
  switch (chart) {
    case 'reviews':
      // The day each bar begins on, in the shop's time zone (the bars are the shop's days).
      return table(['period_start', 'reviews', 'average_rating'], figures.periods.map((period) => [dayOf(time.timeZone, period.start), period.reviews, period.average]));
    case 'ratings':
      return table(['stars', 'reviews', 'share'], ([5, 4, 3, 2, 1] as const).map((stars) => [stars, figures.totals[`star_${stars}`], share(figures.totals[`star_${stars}`], figures.totals.reviews)]));
    case 'requests': {
      const { sent, opened, clicked, reviewed } = figures.funnel;
      return table(['step', 'requests', 'share_of_sent'], [['sent', sent, share(sent, sent)], ['opened', opened, share(opened, sent)], ['clicked', clicked, share(clicked, sent)], ['reviewed', reviewed, share(reviewed, sent)]]);
    }
    case 'widget':
      return table(['from', 'to', 'impressions', 'clicks', 'click_rate'], [[range.firstDay, range.lastDay, figures.widget.impressions, figures.widget.clicks, share(figures.widget.clicks, figures.widget.impressions)]]);
    case 'products':
      return table(
        ['list', 'product_id', 'title', 'published_reviews', 'average_rating'],
        (['best', 'worst', 'most'] as const).flatMap((list) => figures.products[list].map((product) => [list, product.productId, product.title, product.count, product.average])),
      );
  }
}
