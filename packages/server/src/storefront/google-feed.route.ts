import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { notFound } from '../http/errors.js';
import { findShopById } from '../shops/shop-repository.js';
import { googleProductReviewsFeed } from './google-feed.js';

/** `GET /feeds/<shop_id>/google-product-reviews.xml` (docs/reference/storefront.md §11). */
export function registerGoogleFeed(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { shopId: string } }>(
    '/feeds/:shopId/google-product-reviews.xml',
    { schema: { hide: true } },
    async (request, reply) => {
      const shop = await findShopById(deps.db.kysely, request.params.shopId);
      if (!shop || shop.status !== 'active') throw notFound('shop', request.params.shopId);
      return reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(Readable.from(googleProductReviewsFeed(deps.db.kysely, shop)));
    },
  );
}
