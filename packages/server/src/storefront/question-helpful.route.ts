import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { type FieldError, invalidArgument, permissionDenied } from '../http/errors.js';
import { castQuestionVote, type VoteTarget } from '../questions/question-votes.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { unixSeconds } from '../time/clock.js';
import { registerPreflight } from './public-endpoint/cors.js';
import { checkDeviceId } from './public-endpoint/device-id.js';
import { openPublicPost } from './public-endpoint/open-post.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';

const PATH = '/api/v1/storefront/question_helpful';

/** `POST /api/v1/storefront/question_helpful` (questions.md §7): one current vote per device on a shown question or answer. */
export function registerQuestionHelpfulRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, PATH);
  app.post(PATH, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-helpful');
    if (!readShopSettings(shop.settings).helpful_votes_enabled) throw permissionDenied('this shop does not collect helpful votes');
    const errors: FieldError[] = [];
    if (form.target !== 'question' && form.target !== 'answer') errors.push({ field: 'target', reason: 'must be question or answer' });
    const id = Number(form.id);
    if (!Number.isSafeInteger(id) || id < 1) errors.push({ field: 'id', reason: 'must be an integer of at least 1' });
    if (form.vote !== 1 && form.vote !== -1) errors.push({ field: 'vote', reason: 'must be 1 or -1' });
    checkDeviceId(form.device_id, errors);
    if (errors.length > 0) throw invalidArgument(errors);
    const target = form.target as VoteTarget;
    const helpfulCount = await castQuestionVote(deps.db.kysely, shop.id, { target, id, deviceId: form.device_id as string, value: form.vote as 1 | -1 }, deps.clock.now());
    return sendNoStoreJson(request, reply, { target, id, vote: form.vote, helpful_count: helpfulCount }, unixSeconds(deps.clock));
  });
}
