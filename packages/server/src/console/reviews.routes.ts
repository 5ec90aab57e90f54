import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { ApiError } from '../http/errors.js';
import { flattenRawQuery, type RawQuery } from '../http/query-string.js';
import { changeReview, deleteReview, type ReviewChanges } from '../reviews/change-review.service.js';
import { listReviews, type ReviewFilter } from '../reviews/list-reviews.service.js';
import { presentReviews } from '../reviews/review-presenter.js';
import { findLiveReview } from '../reviews/review-repository.js';
import { exportReviews } from '../review-csv/review-export.js';
import { consoleOf, sendConsolePage } from './console-context.js';
import { sendCsvDownload } from './csv-download.js';
import { unreadNotices } from '../webhooks/shop-notices.js';
import { sendMessagePage } from '../http/html-page.js';

const PAGE_SIZE = 25;
const BULK_ACTIONS: Record<string, ReviewChanges | 'delete'> = {
  publish: { isPublished: 1 },
  hide: { isPublished: 0 },
  feature: { isFeatured: 1 },
  unfeature: { isFeatured: 0 },
  pin: { isTop: 1 },
  unpin: { isTop: 0 },
  delete: 'delete',
};

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const flag = (value: string): 0 | 1 | undefined => (value === '1' ? 1 : value === '0' ? 0 : undefined);
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** The filters of get_reviews that the console offers, read from the page's query string. */
function filtersOf(query: Record<string, string | string[]>) {
  const rating = text(query.rating);
  const form = { rating, published: text(query.published), media: text(query.media), source: text(query.source), keyword: text(query.keyword).slice(0, 100) };
  const filter: ReviewFilter = {
    ratings: /^[1-5]$/.test(rating) ? [Number(rating)] : undefined,
    isPublished: flag(form.published),
    hasMedia: flag(form.media),
    sources: form.source !== '' ? [form.source] : undefined,
    keyword: form.keyword !== '' ? form.keyword : undefined,
  };
  const page = Math.max(1, Number.parseInt(text(query.page) || '1', 10) || 1);
  return { form, filter, page };
}

/** Reviews: the list with filters and bulk moderation, one review with its reply (issue 8). */
export function registerConsoleReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/console/reviews', async (request, reply) => {
    const context = consoleOf(request);
    const { form, filter, page } = filtersOf(flattenRawQuery(request.query as RawQuery));
    const result = await listReviews(deps.db.kysely, context.shop.id, filter, 'created-descending', page, PAGE_SIZE);
    const pageLink = (target: number) => `/console/reviews?${new URLSearchParams({ ...form, page: String(target) })}`;
    return sendConsolePage(reply, context, 'reviews', 'console-reviews', {
      title: 'Reviews',
      exportLink: `/console/reviews/export.csv?${new URLSearchParams(form)}`,
      reviews: result.list,
      count: result.count,
      form,
      previous: page > 1 ? pageLink(page - 1) : '',
      next: page * PAGE_SIZE < result.count ? pageLink(page + 1) : '',
      page,
      notices: await unreadNotices(deps.db.kysely, context.shop.id, 5),
    });
  });

  // CSV export with the list's filters, streamed: a shop's whole history never sits in memory.
  app.get('/console/reviews/export.csv', async (request, reply) => {
    const context = consoleOf(request);
    const { filter } = filtersOf(flattenRawQuery(request.query as RawQuery));
    return sendCsvDownload(reply, `reviews-${context.shop.id}.csv`, Readable.from(exportReviews(deps.db.kysely, context.shop.id, filter, 'csv')));
  });

  app.get('/console/reviews/:id', async (request, reply) => {
    const context = consoleOf(request);
    const id = Number((request.params as { id: string }).id);
    const row = Number.isSafeInteger(id) && id > 0 ? await findLiveReview(deps.db.kysely, context.shop.id, id) : undefined;
    // Another shop's review and a missing one are the same page.
    if (!row) return sendMessagePage(reply, 404, 'Review not found', `There is no review ${(request.params as { id: string }).id} in this shop.`);
    const [review] = await presentReviews(deps.db.kysely, context.shop.id, [row]);
    return sendConsolePage(reply, context, 'reviews', 'console-review', { title: `Review ${id}`, review });
  });

  app.post('/console/reviews/bulk', async (request, reply) => {
    const context = consoleOf(request);
    const body = request.body as Record<string, unknown>;
    const action = BULK_ACTIONS[text(body.action)];
    const ids = asList(body.ids).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0).slice(0, 100);
    if (!action || ids.length === 0) return sendMessagePage(reply, 400, 'Nothing to do', 'Choose an action and at least one review.');
    // One transaction: the changes and their webhook events commit together, as through the API.
    await deps.db.kysely.transaction().execute(async (trx) => {
      for (const id of ids) {
        try {
          if (action === 'delete') await deleteReview(trx, context.actor, id, deps.clock.now());
          else await changeReview(trx, context.actor, id, action, deps.clock.now());
        } catch (error) {
          // A review deleted meanwhile, or not this shop's: skipped, like a missing one.
          if (!(error instanceof ApiError)) throw error;
        }
      }
    });
    deps.outboxSignal?.();
    const back = text(body.return_to);
    // Back to the list page the merchant came from, or to the review unless it was just deleted.
    const location = back.startsWith('/console/reviews?') || (action !== 'delete' && back.startsWith('/console/reviews/')) ? back : '/console/reviews';
    return reply.code(303).header('location', location).send();
  });

  app.post('/console/reviews/:id/reply', async (request, reply) => {
    const context = consoleOf(request);
    const id = Number((request.params as { id: string }).id);
    const content = text((request.body as Record<string, unknown>).reply);
    if (content.length > 5000) return sendMessagePage(reply, 400, 'Reply too long', 'A reply is at most 5,000 characters.');
    try {
      await deps.db.kysely.transaction().execute((trx) => changeReview(trx, context.actor, id, { reply: content === '' ? null : content }, deps.clock.now()));
    } catch (error) {
      if (error instanceof ApiError) return sendMessagePage(reply, 404, 'Review not found', `There is no review ${id} in this shop.`);
      throw error;
    }
    deps.outboxSignal?.();
    return reply.code(303).header('location', `/console/reviews/${id}`).send();
  });
}
