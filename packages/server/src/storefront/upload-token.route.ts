import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { permissionDenied } from '../http/errors.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import { imageCredentialsFor } from '../media/upload-credentials.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { shopSelector } from './public-endpoint/query.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';
import { resolvePublicShop } from './public-endpoint/shop.js';

/** `GET /api/v1/reviews/upload_token` (§5): shopper upload credentials, 10 minutes, 10 files, own folder. */
export function registerUploadTokenRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get<RawQueryRoute>('/api/v1/reviews/upload_token', async (request, reply) => {
    const { shop } = await resolvePublicShop(deps.db, shopSelector(request.query));
    await chargePublicLimit(deps, reply, 'storefront-upload', request.ip);
    if (!readShopSettings(shop.settings).photo_upload_enabled) throw permissionDenied('this shop does not accept photos from shoppers');
    const now = unixSeconds(deps.clock);
    return sendNoStoreJson(request, reply, await imageCredentialsFor(deps.db.kysely, deps, shop.id, 'shopper', now), now);
  });
}
