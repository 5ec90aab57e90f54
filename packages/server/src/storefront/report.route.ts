import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { type FieldError, invalidArgument } from '../http/errors.js';
import { REPORT_REASONS, type ReportReason, reportReview } from '../reviews/review-reports.js';
import { unixSeconds } from '../time/clock.js';
import { registerPreflight } from './public-endpoint/cors.js';
import { checkDeviceId } from './public-endpoint/device-id.js';
import { openPublicPost } from './public-endpoint/open-post.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';

const REPORT_PATH = '/api/v1/storefront/report_review';
const MAX_TEXT = 500;

const isReason = (value: unknown): value is ReportReason => typeof value === 'string' && (REPORT_REASONS as readonly string[]).includes(value);

/**
 * `POST /api/v1/storefront/report_review` (§6.1): a shopper flags a review for the merchant. Limited
 * per network like every public write; the reviews module keeps one report per device.
 */
export function registerReportRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, REPORT_PATH);
  app.post(REPORT_PATH, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-report');
    const errors: FieldError[] = [];
    const reviewId = Number(form.review_id);
    if (!Number.isSafeInteger(reviewId) || reviewId < 1) errors.push({ field: 'review_id', reason: 'must be an integer of at least 1' });
    if (!isReason(form.reason)) errors.push({ field: 'reason', reason: `must be one of ${REPORT_REASONS.join(', ')}` });
    checkDeviceId(form.device_id, errors);
    if (form.text !== undefined && (typeof form.text !== 'string' || form.text.length > MAX_TEXT)) errors.push({ field: 'text', reason: `must be text of at most ${MAX_TEXT} characters` });
    if (errors.length > 0) throw invalidArgument(errors);
    const text = typeof form.text === 'string' ? form.text.trim() : '';
    const reports = await deps.db.kysely.transaction().execute((trx) => reportReview(trx, shop.id, { reviewId, reason: form.reason as ReportReason, text, deviceId: form.device_id as string }, deps.clock.now()));
    deps.outboxSignal?.();
    return sendNoStoreJson(request, reply, { review_id: reviewId, reported: true, reports }, unixSeconds(deps.clock));
  });
}
