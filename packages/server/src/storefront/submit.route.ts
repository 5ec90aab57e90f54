import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { normalizeEmailAddress } from '../customers/email-types.js';
import { osTypeFromUserAgent } from '../events/event-types.js';
import { invalidArgument, permissionDenied } from '../http/errors.js';
import { unixSeconds } from '../lib/clock.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { registerPreflight } from './public/public-cors.js';
import { openPublicPost } from './public/public-post.js';
import { chargePublicLimit } from './public/public-limits.js';
import { sendNoStoreJson } from './public/public-reply.js';
import { checkSubmission, submitReview } from './submit.service.js';

const SUBMIT_PATH = '/api/v1/reviews/submit';
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** `POST /api/v1/reviews/submit` (§4): the widget's write-a-review form, in the contract's order of checks. */
export function registerSubmitRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, SUBMIT_PATH);
  app.post(SUBMIT_PATH, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-submit');
    if (!readShopSettings(shop.settings).review_form_enabled) throw permissionDenied('this shop does not accept reviews from its storefront');
    const now = unixSeconds(deps.clock);
    // The honeypot: a bot that fills every field is answered like a person and nothing is stored.
    if (text(form.website) !== '') return sendNoStoreJson(request, reply, { id: 0, status: 'pending' }, now);
    const errors = checkSubmission(form, true);
    if (errors.length > 0) throw invalidArgument(errors);
    const email = normalizeEmailAddress(text(form.email));
    await chargePublicLimit(deps, reply, 'storefront-submit-email', `${shop.id}:${email}`);
    const result = await submitReview(deps, shop, {
      productId: text(form.product_id),
      rating: Number(form.rating),
      author: text(form.author),
      email,
      title: text(form.title),
      content: text(form.content),
      itemType: text(form.item_type),
      mediaUrls: (form.media_tokens as string[] | undefined) ?? [],
      sessionId: text(form.session_id).slice(0, 64),
      osType: osTypeFromUserAgent(request.headers['user-agent']),
      source: 'Store front',
    });
    deps.outboxSignal?.();
    return sendNoStoreJson(request, reply, result, now);
  });
}
