import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { recordCustomerEvents } from '../events/customer-events.js';
import { osTypeFromUserAgent } from '../events/event-types.js';
import { type FieldError, invalidArgument, notFound, permissionDenied } from '../http/errors.js';
import { unixSeconds } from '../lib/clock.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { registerPreflight } from './public/public-cors.js';
import { openPublicPost } from './public/public-post.js';
import { sendNoStoreJson } from './public/public-reply.js';

const HELPFUL_PATH = '/api/v1/reviews/helpful';
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * `POST /api/v1/reviews/helpful` (§6): one current vote per (review, device). The review's
 * `helpful_count` is recounted from the votes in the same transaction, so it never drifts, and
 * neither `updated_at` nor a webhook moves: votes are not edits.
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
    if (typeof form.device_id !== 'string' || !DEVICE_ID.test(form.device_id)) errors.push({ field: 'device_id', reason: 'must be 16 to 64 characters from A-Z a-z 0-9 _ -' });
    if (errors.length > 0) throw invalidArgument(errors);
    const vote = form.vote as 1 | -1;
    const deviceId = form.device_id as string;
    const nowMs = deps.clock.now();

    const helpfulCount = await deps.db.kysely.transaction().execute(async (trx) => {
      const review = await trx.selectFrom('reviews').select('id').where('shop_id', '=', shop.id).where('id', '=', reviewId).where('is_published', '=', 1).where('deleted_at', 'is', null).executeTakeFirst();
      if (review === undefined) throw notFound('review', reviewId);
      const previous = await trx.selectFrom('helpful_votes').select('vote').where('review_id', '=', reviewId).where('device_id', '=', deviceId).executeTakeFirst();
      if (previous?.vote !== vote) {
        await trx
          .insertInto('helpful_votes')
          .values({ shop_id: shop.id, review_id: reviewId, device_id: deviceId, vote, updated_at: Math.floor(nowMs / 1000) })
          .onConflict((oc) => oc.columns(['review_id', 'device_id']).doUpdateSet({ vote, updated_at: Math.floor(nowMs / 1000) }))
          .execute();
        const counted = await trx.selectFrom('helpful_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('review_id', '=', reviewId).where('vote', '=', 1).executeTakeFirstOrThrow();
        await trx.updateTable('reviews').set({ helpful_count: Number(counted.n) }).where('id', '=', reviewId).execute();
        await recordCustomerEvents(trx, shop.id, [{ eventType: 'HELPFUL_VOTE', eventSource: 'STOREFRONT', osType: osTypeFromUserAgent(request.headers['user-agent']), reviewId, extra: { vote } }], nowMs);
      }
      const row = await trx.selectFrom('reviews').select('helpful_count').where('id', '=', reviewId).executeTakeFirstOrThrow();
      return Number(row.helpful_count);
    });
    return sendNoStoreJson(request, reply, { review_id: reviewId, vote, helpful_count: helpfulCount }, unixSeconds(deps.clock));
  });
}
