import { historyOf } from '../reviews/review-history.js';
import { reportsOf } from '../reviews/review-reports.js';
import { Readable } from 'node:stream';
import { type Static, Type } from '@sinclair/typebox';
import type { AppDeps } from '../http/app-deps.js';
import { ApiError } from '../http/errors.js';
import { firstOf, formFields, pathParams, queryValues, repeatableField, trimmedField, type TypedApp } from '../http/route-input.js';
import { changeReview, deleteReview, type ReviewChanges } from '../reviews/change-review.service.js';
import { listReviews, type ReviewFilter } from '../reviews/list-reviews.service.js';
import { presentReviews } from '../reviews/review-presenter.js';
import { findLiveReview } from '../reviews/review-repository.js';
import { exportReviews } from '../review-csv/review-export.js';
import { consoleOf, sendConsoleMessage, sendConsolePage } from './console-context.js';
import { sendCsvDownload } from './csv-download.js';
import { type FlashKey, redirectWithFlash } from './flash.js';
import { unreadNotices } from '../webhooks/shop-notices.js';
import { REPORT_REASON_LABELS, RULE_REASON_LABELS } from './moderation-labels.js';

const PAGE_SIZE = 25;
const BULK_ACTIONS: Record<string, { change: ReviewChanges | 'delete'; done: FlashKey }> = {
  publish: { change: { isPublished: 1 }, done: 'reviews-published' },
  hide: { change: { isPublished: 0 }, done: 'reviews-hidden' },
  feature: { change: { isFeatured: 1 }, done: 'reviews-featured' },
  unfeature: { change: { isFeatured: 0 }, done: 'reviews-unfeatured' },
  pin: { change: { isTop: 1 }, done: 'reviews-pinned' },
  unpin: { change: { isTop: 0 }, done: 'reviews-unpinned' },
  delete: { change: 'delete', done: 'reviews-deleted' },
  approve: { change: { moderation: 'approved' }, done: 'reviews-approved' },
  reject: { change: { moderation: 'rejected' }, done: 'reviews-rejected' },
};

const listQuery = queryValues('rating', 'published', 'media', 'source', 'keyword', 'product', 'page');
const reviewParams = pathParams('id');
const bulkForm = Type.Object({ ...formFields('action', 'return_to').properties, ids: repeatableField });
const replyForm = formFields('reply');

const flag = (value: string): 0 | 1 | undefined => (value === '1' ? 1 : value === '0' ? 0 : undefined);
const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/** The filters of get_reviews that the console offers, read from the page's query string. */
function filtersOf(query: Static<typeof listQuery>) {
  const value = (name: keyof typeof query) => trimmedField(firstOf(query[name]));
  const rating = value('rating');
  const form = { rating, published: value('published'), media: value('media'), source: value('source'), keyword: value('keyword').slice(0, 100), product: value('product').slice(0, 255) };
  const filter: ReviewFilter = {
    productIds: form.product !== '' ? [form.product] : undefined,
    ratings: /^[1-5]$/.test(rating) ? [Number(rating)] : undefined,
    isPublished: flag(form.published),
    hasMedia: flag(form.media),
    sources: form.source !== '' ? [form.source] : undefined,
    keyword: form.keyword !== '' ? form.keyword : undefined,
  };
  const page = Math.max(1, Number.parseInt(value('page') || '1', 10) || 1);
  return { form, filter, page };
}

/** Reviews: the list with filters and bulk moderation, one review with its reply (issue 8). */
export function registerConsoleReviewRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console/reviews', { schema: { querystring: listQuery } }, async (request, reply) => {
    const context = consoleOf(request);
    const { form, filter, page } = filtersOf(request.query);
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
  app.get('/console/reviews/export.csv', { schema: { querystring: listQuery } }, async (request, reply) => {
    const context = consoleOf(request);
    const { filter } = filtersOf(request.query);
    return sendCsvDownload(reply, `reviews-${context.shop.id}.csv`, Readable.from(exportReviews(deps.db.kysely, context.shop.id, filter, 'csv')));
  });

  app.get('/console/reviews/:id', { schema: { params: reviewParams } }, async (request, reply) => {
    const context = consoleOf(request);
    const id = Number(request.params.id);
    const row = Number.isSafeInteger(id) && id > 0 ? await findLiveReview(deps.db.kysely, context.shop.id, id) : undefined;
    // Another shop's review and a missing one are the same page.
    if (!row) return sendConsoleMessage(reply, context, 'reviews', 404, 'Review not found', `There is no review ${request.params.id} in this shop.`);
    const [review] = await presentReviews(deps.db.kysely, context.shop.id, [row]);
    return sendConsolePage(reply, context, 'reviews', 'console-review', {
      title: `Review ${id}`,
      review,
      history: await historyOf(deps.db.kysely, context.shop.id, id),
      reports: await reportsOf(deps.db.kysely, context.shop.id, id),
      ruleReasons: RULE_REASON_LABELS,
      reportReasons: REPORT_REASON_LABELS,
    });
  });

  app.post('/console/reviews/bulk', { schema: { body: bulkForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const body = request.body;
    const action = BULK_ACTIONS[trimmedField(body.action)]?.change;
    const done = BULK_ACTIONS[trimmedField(body.action)]?.done;
    const ids = asList(body.ids).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0).slice(0, 100);
    if (!action || !done || ids.length === 0) return sendConsoleMessage(reply, context, 'reviews', 400, 'Nothing to do', 'Choose an action and at least one review.');
    // One transaction: the changes and their webhook events commit together, as through the API.
    let changed = 0;
    await deps.db.kysely.transaction().execute(async (trx) => {
      for (const id of ids) {
        try {
          if (action === 'delete') await deleteReview(trx, context.actor, id, deps.clock.now());
          else await changeReview(trx, context.actor, id, action, deps.clock.now());
          changed += 1;
        } catch (error) {
          // A review deleted meanwhile, or not this shop's: skipped, like a missing one.
          if (!(error instanceof ApiError)) throw error;
        }
      }
    });
    deps.outboxSignal?.();
    const back = trimmedField(body.return_to);
    // Back to the list page the merchant came from, or to the review unless it was just deleted.
    const location = back.startsWith('/console/reviews?') || back.startsWith('/console/moderation') || (action !== 'delete' && back.startsWith('/console/reviews/')) ? back : '/console/reviews';
    return redirectWithFlash(reply, location, done, changed);
  });

  app.post('/console/reviews/:id/reply', { schema: { params: reviewParams, body: replyForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const id = Number(request.params.id);
    const content = trimmedField(request.body.reply);
    if (content.length > 5000) return sendConsoleMessage(reply, context, 'reviews', 400, 'Reply too long', 'A reply is at most 5,000 characters.');
    try {
      await deps.db.kysely.transaction().execute((trx) => changeReview(trx, context.actor, id, { reply: content === '' ? null : content }, deps.clock.now()));
    } catch (error) {
      if (error instanceof ApiError) return sendConsoleMessage(reply, context, 'reviews', 404, 'Review not found', `There is no review ${id} in this shop.`);
      throw error;
    }
    deps.outboxSignal?.();
    return redirectWithFlash(reply, `/console/reviews/${id}`, content === '' ? 'reply-removed' : 'reply-saved');
  });
}
