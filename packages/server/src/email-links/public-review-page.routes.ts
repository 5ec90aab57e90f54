import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { firstOf, pathParams, queryValues, type TypedApp } from '../http/route-input.js';
import { sendMessagePage } from '../http/html-page.js';
import { STORE_PRODUCT_ID } from '../reviews/review-stats.js';
import { findShopById } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { findProduct } from '../products/product-repository.js';
import { admitPageView, type HostedPage, receiveHostedForm, sendReviewForm, sendThanks } from '../storefront/hosted-review-form.js';

/**
 * The public write-a-review page of a product (docs/reference/storefront.md §10, `/r/<shop_id>/<product_id>`,
 * `0` = the store): mobile-first, works without JavaScript, photo upload with it. Source `Store link`.
 */
export function registerPublicReviewPage(app: TypedApp, deps: AppDeps): void {
  const resolve = async (params: { shop: string; product: string }, reply: FastifyReply): Promise<HostedPage | undefined> => {
    const shop = await findShopById(deps.db.kysely, params.shop);
    const product =
      shop === undefined || params.product === STORE_PRODUCT_ID
        ? undefined
        : await findProduct(deps.db.kysely, shop.id, params.product);
    if (shop === undefined || shop.status !== 'active' || (params.product !== STORE_PRODUCT_ID && product === undefined)) {
      await sendMessagePage(reply, 404, 'Not found', 'There is no such product to review.');
      return undefined;
    }
    if (!readShopSettings(shop.settings).review_form_enabled) {
      await sendMessagePage(reply, 403, 'Reviews are closed', `${shop.name} is not collecting reviews right now.`);
      return undefined;
    }
    const title = params.product === STORE_PRODUCT_ID ? shop.name : product?.title || product?.handle || `Product ${params.product}`;
    return { shop, productId: params.product, productTitle: title, image: product?.image ?? '', source: 'Store link' };
  };

  const params = pathParams('shop', 'product');

  app.get('/r/:shop/:product', { schema: { params, querystring: queryValues('submitted') } }, async (request, reply) => {
    if (!(await admitPageView(deps, request, reply))) return reply;
    const page = await resolve(request.params, reply);
    if (!page) return reply;
    const submitted = firstOf(request.query.submitted);
    if (submitted === 'published' || submitted === 'pending') return sendThanks(reply, page.shop, submitted);
    return sendReviewForm(reply, page, request.url.split('?')[0]!, {}, {});
  });

  // The form's fields are checked by the submission rules, which answer on the form itself.
  app.post('/r/:shop/:product', { schema: { params } }, async (request, reply) => {
    const page = await resolve(request.params, reply);
    if (!page) return reply;
    return receiveHostedForm(deps, request, reply, page);
  });
}
