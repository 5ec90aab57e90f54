import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { DEMO_PRODUCT, DEMO_SHOP } from './demo-shop.js';
import { renderView } from '../http/html-page.js';
import { ApiError, Code } from '../http/errors.js';
import { findShopById } from '../shops/shop-repository.js';
import { findProduct } from '../products/product-repository.js';
import { chargePublicLimit } from '../storefront/public-endpoint/rate-limits.js';
import { reviewFragmentFor } from '../storefront/widget-fragment.js';
import { questionFragmentFor } from '../storefront/questions-page.js';

/**
 * `GET /demo` (docs/reference/storefront.md §13): a product page of the demo shop with every widget element, the
 * review list and the questions pre-rendered by the server. Its CSP is as strict as a careful shop's: scripts and
 * connections to this origin only, inline styles by nonce (the widget uses constructed stylesheets).
 * The widget's files are not limited: they are static, cached (immutable or five minutes), and
 * belong behind a CDN in production.
 */
export async function demoPagePlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/demo', { schema: { hide: true } }, async (request, reply) => {
    // The page reads the database like the public list does, so it counts against the same limit.
    try {
      await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== Code.rejected) throw error;
      return reply.code(429).headers(error.headers).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Too many requests from this address; try again in a minute.');
    }
    const shop = await findShopById(deps.db.kysely, DEMO_SHOP.id);
    if (shop === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('The demo shop does not exist (it is created on the first `npm start` with the embedded SQLite database).');
    const product = await findProduct(deps.db.kysely, shop.id, DEMO_PRODUCT.id);
    const nonce = randomBytes(16).toString('base64');
    const fragment = (await reviewFragmentFor(deps, shop, { product_id: [DEMO_PRODUCT.id] })).replace('<style>', `<style nonce="${nonce}">`);
    const questions = (await questionFragmentFor(deps, shop, { product_id: [DEMO_PRODUCT.id] })).replace('<style>', `<style nonce="${nonce}">`);
    const html = renderView('demo', { nonce, shopId: shop.id, shopName: shop.name, productId: DEMO_PRODUCT.id, productTitle: product?.title ?? DEMO_PRODUCT.title, fragment, questions });
    return reply
      .headers({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob: https:; media-src 'self' https:; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      })
      .send(html);
  });
}
