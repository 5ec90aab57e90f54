import type { AppDeps } from '../http/app-deps.js';
import { countHeldReviews } from '../reviews/moderation-queue.js';
import { countInView } from '../questions/question-inbox.js';
import { firstOf, pathParams, queryValues, type TypedApp } from '../http/route-input.js';
import { unixSeconds } from '../time/clock.js';
import { consoleOf, sendConsoleMessage, sendConsolePage, timeFor } from './console-context.js';
import type { ConsoleTime } from './console-time.js';
import { sendCsvDownload } from './csv-download.js';
import { DASHBOARD_CHARTS, type DashboardChart, dashboardCsv } from './dashboard/dashboard-csv.js';
import { ratingHoldOf } from './rating-hold.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { type DashboardFigures, dashboardFigures, RANKING_MINIMUM, starRows } from './dashboard/dashboard-figures.js';
import { type DateRange, dateRangeOf, PRESET_DAYS } from './dashboard/date-range.js';
import { reviewsOverTimeChart } from './dashboard/svg-chart.js';

const rangeQuery = queryValues('range', 'from', 'to');
const chartParams = pathParams('chart');

function rangeFor(query: { range?: string[]; from?: string[]; to?: string[] }, time: ConsoleTime, now: number): DateRange {
  return dateRangeOf({ range: firstOf(query.range), from: firstOf(query.from), to: firstOf(query.to) }, time.timeZone, now);
}

/** The query string that names a range in links (presets by length, custom by days). */
function rangeSearch(range: DateRange): string {
  return range.preset ? `range=${range.preset}` : `from=${range.firstDay}&to=${range.lastDay}`;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '–');

/** What the home page shows, in words and numbers ready to print. */
function homeView(figures: DashboardFigures, range: DateRange, time: ConsoleTime) {
  const unit = figures.bucketDays === 1 ? 'day' : 'week';
  const points = figures.periods.map((period) => ({ label: time.dayMonth(period.start), reviews: period.reviews, average: period.average }));
  const busiest = points.reduce((best, point) => (point.reviews > best.reviews ? point : best), points[0] ?? { label: '', reviews: 0, average: null });
  const description =
    figures.totals.reviews === 0
      ? `No reviews between ${time.date(range.from)} and ${time.date(range.to - 1)}.`
      : `${figures.totals.reviews} reviews between ${time.date(range.from)} and ${time.date(range.to - 1)}, averaging ${figures.totals.average!.toFixed(1)} stars; the busiest ${unit} began ${busiest.label} with ${busiest.reviews}.`;
  const change = figures.previousReviews === 0 ? null : Math.round(((figures.totals.reviews - figures.previousReviews) / figures.previousReviews) * 100);
  const { sent, opened, clicked, reviewed } = figures.funnel;
  const steps = [['Sent', sent], ['Opened', opened], ['Clicked', clicked], ['Reviewed', reviewed]] as const;
  return {
    unit,
    points,
    chart: reviewsOverTimeChart('reviews-chart', `Reviews per ${unit} and their average rating`, points, description),
    description,
    change,
    averageText: figures.totals.average === null ? '–' : figures.totals.average.toFixed(2),
    mediaShare: percent(figures.totals.with_media, figures.totals.reviews),
    verifiedShare: percent(figures.totals.verified, figures.totals.reviews),
    stars: starRows((stars) => figures.totals[`star_${stars}`], figures.totals.reviews),
    funnel: steps.map(([step, count]) => ({ step, count, rate: percent(count, sent), width: sent > 0 ? Math.round((count / sent) * 100) : 0 })),
    clickRate: percent(figures.widget.clicks, figures.widget.impressions),
  };
}

/** The console's home: how the shop is doing over a period, every chart with its data (issue 20). */
export function registerConsoleDashboardRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console', { schema: { querystring: rangeQuery } }, async (request, reply) => {
    const context = consoleOf(request);
    const time = timeFor(request, context);
    const range = rangeFor(request.query, time, unixSeconds(deps.clock));
    const figures = await dashboardFigures(deps.db.kysely, context.shop.id, range);
    return sendConsolePage(reply, context, 'home', 'console-home', {
      title: 'Home',
      time,
      range,
      presets: PRESET_DAYS,
      search: rangeSearch(range),
      figures,
      view: homeView(figures, range, time),
      rankingMinimum: RANKING_MINIMUM,
      hold: ratingHoldOf(readShopSettings(context.shop.settings), figures.hiddenByStar),
      waiting: await countHeldReviews(deps.db.kysely, context.shop.id),
      unanswered: await countInView(deps.db.kysely, context.shop.id, 'open'),
    });
  });

  app.get('/console/dashboard/:chart', { schema: { params: chartParams, querystring: rangeQuery } }, async (request, reply) => {
    const context = consoleOf(request);
    const chart = request.params.chart.replace(/\.csv$/, '') as DashboardChart;
    if (!request.params.chart.endsWith('.csv') || !DASHBOARD_CHARTS.includes(chart)) return sendConsoleMessage(reply, context, 'home', 404, 'No such chart', `There is no chart ${request.params.chart}.`);
    const time = timeFor(request, context);
    const range = rangeFor(request.query, time, unixSeconds(deps.clock));
    const figures = await dashboardFigures(deps.db.kysely, context.shop.id, range);
    return sendCsvDownload(reply, `${chart}-${context.shop.id}-${range.firstDay}-${range.lastDay}.csv`, dashboardCsv(chart, figures, range, time));
  });
}
