import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { osTypeFromUserAgent } from '../events/event-types.js';
import { type FieldError, invalidArgument, permissionDenied } from '../http/errors.js';
import { castHelpfulVote } from '../reviews/helpful-votes.js';
import { unixSeconds } from '../time/clock.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { registerPreflight } from './public-endpoint/cors.js';
import { checkDeviceId } from './public-endpoint/device-id.js';
import { openPublicPost } from './public-endpoint/open-post.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';

const HELPFUL_PATH = '/api/v1/reviews/helpful';

/**
 * `POST /api/v1/reviews/helpful` (§6): one current vote per (review, device); the reviews module
 * keeps the count (reviews/helpful-votes.ts).
 */
export function registerHelpfulRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, HELPFUL_PATH);
  app.post(HELPFUL_PATH, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-helpful');
    if (!readShopSettings(shop.settings).helpful_votes_enabled) throw permissionDenied('this shop does not collect helpful votes');
    const errors: FieldError[] = [];
    const reviewId = Number(form.review_id);
    if (!Number.isSafeInteger(reviewId) || reviewId < 1) errors.push({ field: 'review_id', reason: 'must be an integer of at least 1' });
    if (form.vote !== 1 && form.vote !== -1) errors.push({ field: 'vote', reason: 'must be 1 or -1' });
    checkDeviceId(form.device_id, errors);
    if (errors.length > 0) throw invalidArgument(errors);
    const vote = form.vote as 1 | -1;
    const deviceId = form.device_id as string;
    const nowMs = deps.clock.now();

    const helpfulCount = await castHelpfulVote(deps.db.kysely, { shopId: shop.id, reviewId, deviceId, vote, osType: osTypeFromUserAgent(request.headers['user-agent']) }, nowMs);
    return sendNoStoreJson(request, reply, { review_id: reviewId, vote, helpful_count: helpfulCount }, unixSeconds(deps.clock));
  });
}
