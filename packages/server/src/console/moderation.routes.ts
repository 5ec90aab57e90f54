import type { AppDeps } from '../http/app-deps.js';
import { firstOf, queryValues, trimmedField, type TypedApp } from '../http/route-input.js';
import { heldReviews } from '../reviews/moderation-queue.js';
import { reviewsWithOpenReports } from '../reviews/review-reports.js';
import { presentReviews } from '../reviews/review-presenter.js';
import { reviewsOfShop } from '../reviews/review-repository.js';
import { consoleOf, sendConsolePage } from './console-context.js';
import { REPORT_REASON_LABELS, RULE_REASON_LABELS } from './moderation-labels.js';

const PAGE_SIZE = 20;
const REPORTED_SHOWN = 20;
const pageQuery = queryValues('page');

/**
 * The moderation queue (docs/console.md): what the rules held, with their reasons, and what
 * shoppers reported, each decided with one click through the reviews' bulk form.
 */
export function registerConsoleModerationRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console/moderation', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const context = consoleOf(request);
    const db = deps.db.kysely;
    const shopId = context.shop.id;
    const page = Math.max(1, Number.parseInt(trimmedField(firstOf(request.query.page)) || '1', 10) || 1);
    const held = await heldReviews(db, shopId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const reports = await reviewsWithOpenReports(db, shopId, REPORTED_SHOWN);
    const reportedRows = reports.length === 0 ? [] : await reviewsOfShop(db, shopId).where('reviews.id', 'in', reports.map((report) => report.reviewId)).execute();
    const reported = await presentReviews(db, shopId, reportedRows);
    return sendConsolePage(reply, context, 'moderation', 'console-moderation', {
      title: 'Moderation',
      ruleReasons: RULE_REASON_LABELS,
      reportReasons: REPORT_REASON_LABELS,
      held: await presentReviews(db, shopId, held.rows),
      heldCount: held.count,
      reported: reports.flatMap((report) => {
        const review = reported.find((candidate) => candidate.id === report.reviewId);
        return review ? [{ review, report }] : [];
      }),
      page,
      previous: page > 1 ? `/console/moderation?page=${page - 1}` : '',
      next: page * PAGE_SIZE < held.count ? `/console/moderation?page=${page + 1}` : '',
    });
  });
}
