import type { StarCounts } from '../../reviews/rating-value.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { countEventsByType } from '../../events/customer-events.js';
import { requestFunnel } from '../../orders/order-repository.js';
import { productTitles } from '../../products/product-repository.js';
import { addActivity, HOUR, noActivity, readActivity, type ActivityCounts } from '../../reviews/review-activity.js';
import { hiddenStarCounts, type ProductStanding, rankedProducts } from '../../reviews/review-stats.js';
import { bucketDaysOf, DAY, type DateRange, previousRange } from './date-range.js';

/** Products need this many published reviews before their average ranks them best or worst. */
export const RANKING_MINIMUM = 3;
const WIDGET_CLICKS = ['CLICK_REVIEW', 'CLICK_MEDIA', 'EXPAND_CONTENT'] as const;

export interface Period {
  /** Unix seconds at the period's first instant. */
  start: number;
  reviews: number;
  average: number | null;
}

export interface RankedProduct extends ProductStanding {
  title: string;
}

export interface DashboardFigures {
  /** Days per bar of the chart: 1 up to a month, else 7. */
  bucketDays: 1 | 7;
  periods: Period[];
  totals: ActivityCounts & { average: number | null };
  previousReviews: number;
  funnel: { sent: number; opened: number; clicked: number; reviewed: number };
  widget: { impressions: number; clicks: number };
  products: { best: RankedProduct[]; worst: RankedProduct[]; most: RankedProduct[] };
  /** Hidden reviews by star (1 … 5): how many a rating threshold holds back. */
  hiddenByStar: StarCounts;
}

/** One row per star, five first, with its share of `total` in whole percent: the star meters. */
export function starRows(countOf: (stars: 1 | 2 | 3 | 4 | 5) => number, total: number): Array<{ stars: number; count: number; share: number }> {
  return ([5, 4, 3, 2, 1] as const).map((stars) => ({ stars, count: countOf(stars), share: total > 0 ? Math.round((countOf(stars) / total) * 100) : 0 }));
}

const averageOf = (counts: ActivityCounts) => (counts.reviews > 0 ? (counts.star_1 + 2 * counts.star_2 + 3 * counts.star_3 + 4 * counts.star_4 + 5 * counts.star_5) / counts.reviews : null);

/**
 * Every figure of the console's home page for one period, each read from maintained data: review
 * counts from the hourly activity rows, rankings and the moderation queue from the per-product
 * statistics, the request funnel from one index range of orders, widget use from an index-only count
 * of customer events. None of them reads reviews one by one, so the page costs the same at a
 * hundred reviews and at a million.
 */
export async function dashboardFigures(db: Kysely<Database>, shopId: string, range: DateRange): Promise<DashboardFigures> {
  const before = previousRange(range);
  const [hours, earlier, funnel, events, best, worst, most, hidden] = await Promise.all([
    readActivity(db, shopId, Math.floor(range.from / HOUR), Math.ceil(range.to / HOUR)),
    readActivity(db, shopId, Math.floor(before.from / HOUR), Math.ceil(before.to / HOUR)),
    requestFunnel(db, shopId, range.from, range.to),
    countEventsByType(db, shopId, ['VIEW_WIDGET', ...WIDGET_CLICKS], range.from, range.to),
    rankedProducts(db, shopId, 'best', 5, RANKING_MINIMUM),
    rankedProducts(db, shopId, 'worst', 5, RANKING_MINIMUM),
    rankedProducts(db, shopId, 'most', 5),
    hiddenStarCounts(db, shopId),
  ]);
  const bucketDays = bucketDaysOf(range);
  const bucketSeconds = bucketDays * DAY;
  const buckets = Array.from({ length: Math.ceil((range.to - range.from) / bucketSeconds) }, noActivity);
  const totals = noActivity();
  for (const hour of hours) {
    const index = Math.floor((hour.hour * HOUR - range.from) / bucketSeconds);
    // An hour that straddles the range's edge (a zone with a half-hour offset) counts in the nearest bar.
    addActivity(buckets[Math.min(buckets.length - 1, Math.max(0, index))]!, hour);
    addActivity(totals, hour);
  }
  const titles = await productTitles(db, shopId, [...new Set([...best, ...worst, ...most].map((product) => product.productId))]);
  const titled = (list: ProductStanding[]) => list.map((product) => ({ ...product, title: titles.get(product.productId) || product.productId }));
  return {
    bucketDays,
    periods: buckets.map((counts, index) => ({ start: range.from + index * bucketSeconds, reviews: counts.reviews, average: averageOf(counts) })),
    totals: { ...totals, average: averageOf(totals) },
    previousReviews: earlier.reduce((sum, hour) => sum + hour.reviews, 0),
    funnel,
    widget: { impressions: events.get('VIEW_WIDGET') ?? 0, clicks: WIDGET_CLICKS.reduce((sum, type) => sum + (events.get(type) ?? 0), 0) },
    // With five rated products or fewer the two lists would show the same ones: each appears once.
    products: { best: titled(best), worst: titled(worst.filter((product) => !best.some((other) => other.productId === product.productId))), most: titled(most) },
    hiddenByStar: hidden,
  };
}
