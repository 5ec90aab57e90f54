import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { permissionDenied } from '../http/errors.js';
import { unixSeconds } from '../time/clock.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { registerPreflight } from './public-endpoint/cors.js';
import { openPublicPost } from './public-endpoint/open-post.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';
import { receiveSubmission } from './receive-submission.js';

const SUBMIT_PATH = '/api/v1/reviews/submit';

/** `POST /api/v1/reviews/submit` (§4): the widget's write-a-review form, in the contract's order of checks. */
export function registerSubmitRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, SUBMIT_PATH);
  app.post(SUBMIT_PATH, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-submit');
    if (!readShopSettings(shop.settings).review_form_enabled) throw permissionDenied('this shop does not accept reviews from its storefront');
    const result = await receiveSubmission(deps, request, reply, shop, form, { source: 'Store front' });
    return sendNoStoreJson(request, reply, result, unixSeconds(deps.clock));
  });
}
