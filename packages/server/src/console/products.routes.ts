import type { AppDeps } from '../http/app-deps.js';
import { firstOf, pathParams, queryValues, type TypedApp } from '../http/route-input.js';
import { productRequestCounts } from '../orders/order-repository.js';
import type { OrderStatus } from '../db/schema.js';
import { STATUS_NAMES } from '../orders/order-status.js';
import { findProduct, productTitles } from '../products/product-repository.js';
import { listReviews } from '../reviews/list-reviews.service.js';
import { productTrend } from '../reviews/review-activity.js';
import { countReviewedProducts, productStats, rankedProducts } from '../reviews/review-stats.js';
import { unixSeconds } from '../time/clock.js';
import { consoleOf, sendConsoleMessage, sendConsolePage, timeFor } from './console-context.js';
import { starRows } from './dashboard/dashboard-figures.js';
import { bucketDaysOf, dateRangeOf, DAY, PRESET_DAYS } from './dashboard/date-range.js';
import { reviewsOverTimeChart } from './dashboard/svg-chart.js';

const PAGE_SIZE = 25;
const productParams = pathParams('id');
const productQuery = queryValues('range', 'from', 'to');

/** Products: every reviewed product by volume, and one product's rating, trend, reviews and requests. */
export function registerConsoleProductRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console/products', { schema: { querystring: queryValues('page') } }, async (request, reply) => {
    const context = consoleOf(request);
    const page = Math.max(1, Number.parseInt(firstOf(request.query.page) ?? '1', 10) || 1);
    const [count, standings] = await Promise.all([countReviewedProducts(deps.db.kysely, context.shop.id), rankedProducts(deps.db.kysely, context.shop.id, 'most', PAGE_SIZE, 1, (page - 1) * PAGE_SIZE)]);
    const titles = await productTitles(deps.db.kysely, context.shop.id, standings.map((product) => product.productId));
    return sendConsolePage(reply, context, 'products', 'console-products', {
      title: 'Products',
      count,
      products: standings.map((product) => ({ ...product, title: titles.get(product.productId) || product.productId })),
      previous: page > 1 ? `/console/products?page=${page - 1}` : '',
      next: page * PAGE_SIZE < count ? `/console/products?page=${page + 1}` : '',
      page,
    });
  });

  app.get('/console/products/:id', { schema: { params: productParams, querystring: productQuery } }, async (request, reply) => {
    const context = consoleOf(request);
    const db = deps.db.kysely;
    const productId = request.params.id;
    const [product, stats] = await Promise.all([findProduct(db, context.shop.id, productId), productStats(db, context.shop.id, productId)]);
    const published = stats.published.reduce((sum, n) => sum + n, 0);
    const hidden = stats.hidden.reduce((sum, n) => sum + n, 0);
    // A product this shop never heard of, and another shop's product, are the same page.
    if (product === undefined && published + hidden === 0) return sendConsoleMessage(reply, context, 'products', 404, 'Product not found', `There is no product ${productId} in this shop.`);
    const time = timeFor(request, context);
    const range = dateRangeOf({ range: firstOf(request.query.range) ?? '365', from: firstOf(request.query.from), to: firstOf(request.query.to) }, time.timeZone, unixSeconds(deps.clock));
    const bucketDays = bucketDaysOf(range);
    const [trend, latest, requests] = await Promise.all([
      productTrend(db, context.shop.id, productId, range.from, range.to, bucketDays * DAY),
      listReviews(db, context.shop.id, { productIds: [productId] }, 'created-descending', 1, 5),
      productRequestCounts(db, context.shop.id, productId),
    ]);
    const byBucket = new Map(trend.map((row) => [row.bucket, row]));
    const points = Array.from({ length: Math.ceil((range.to - range.from) / (bucketDays * DAY)) }, (_, index) => {
      const row = byBucket.get(index);
      return { label: time.dayMonth(range.from + index * bucketDays * DAY), reviews: row?.reviews ?? 0, average: row && row.reviews > 0 ? row.ratingSum / row.reviews : null };
    });
    const ratingSum = stats.published.reduce((sum, n, index) => sum + n * (index + 1), 0);
    const title = product?.title || productId;
    const unit = bucketDays === 1 ? 'day' : 'week';
    const inRange = points.reduce((sum, point) => sum + point.reviews, 0);
    return sendConsolePage(reply, context, 'products', 'console-product', {
      title,
      time,
      productId,
      product,
      range,
      presets: PRESET_DAYS,
      published,
      hidden,
      average: published > 0 ? (ratingSum / published).toFixed(2) : '–',
      stars: starRows((stars) => stats.published[stars - 1]!, published),
      unit,
      points,
      chart: reviewsOverTimeChart('product-chart', `Published reviews of ${title} per ${unit}`, points, `${inRange} published reviews between ${time.date(range.from)} and ${time.date(range.to - 1)}.`),
      latest: latest.list,
      reviewCount: latest.count,
      requests: ([1, 2, 3, 4, 5, 6] as OrderStatus[]).map((status) => ({ status, name: STATUS_NAMES[status], count: requests.get(status) ?? 0 })),
    });
  });
}
