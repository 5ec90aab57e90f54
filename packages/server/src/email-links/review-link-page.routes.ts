import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { firstOf, pathParams, queryValues, type TypedApp } from '../http/route-input.js';
import { verifyToken } from '../crypto/signed-token.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import type { ReviewLinkToken } from '../collection/request-email.js';
import type { OrderLine } from '../orders/order-presenter.js';
import { findShopById } from '../shops/shop-repository.js';
import { findOrderRecord } from '../orders/order-repository.js';
import { findProduct } from '../products/product-repository.js';
import { hasLiveReview } from '../reviews/review-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { admitPageView, type HostedPage, receiveHostedForm, sendReviewForm, sendThanks } from '../storefront/hosted-review-form.js';
import { messagesOf } from '../storefront/shop-messages.js';
import { unixSeconds } from '../time/clock.js';

interface LinkContext {
  token: ReviewLinkToken;
  shop: NonNullable<Awaited<ReturnType<typeof findShopById>>>;
  order: { id: number; order_id: string; email: string; customer_name: string };
  line: OrderLine;
  image: string;
}

/**
 * The hosted review page of a review-request e-mail (docs/reference/storefront.md §10, `/r/t/<token>`): the
 * order's product, the rating pre-selected, the name from the order, no e-mail field. Works
 * without JavaScript; a review through it is verified by the order and marks the order reviewed.
 */
export function registerReviewLinkPage(app: TypedApp, deps: AppDeps): void {
  const resolve = async (raw: string, reply: FastifyReply): Promise<LinkContext | undefined> => {
    const token = verifyToken<ReviewLinkToken>(deps.secretKey, 'review-link', raw);
    const shop = token ? await findShopById(deps.db.kysely, token.shop) : undefined;
    const order = token && shop ? await findOrderRecord(deps.db.kysely, shop.id, token.order) : undefined;
    const line = order ? (JSON.parse(order.products) as OrderLine[]).find((l) => l.product_id === token!.product) : undefined;
    if (!token || !shop || !order || !line) {
      await sendMessagePage(reply, 404, 'Link not found', 'This review link is not valid.');
      return undefined;
    }
    if (token.exp <= unixSeconds(deps.clock)) {
      await sendPage(reply, 'message', { title: 'Link expired', heading: 'This link has expired', text: 'Review links work for 90 days.', hint: `You can still review the product at /r/${shop.id}/${line.product_id}.`, isError: true }, { status: 410 });
      return undefined;
    }
    if (!readShopSettings(shop.settings).review_form_enabled) {
      await sendMessagePage(reply, 403, 'Reviews are closed', `${shop.name} is not collecting reviews right now.`);
      return undefined;
    }
    const product = await findProduct(deps.db.kysely, shop.id, line.product_id);
    return { token, shop, order: { ...order, id: Number(order.id) }, line: { ...line, title: line.title || product?.title || `Product ${line.product_id}` }, image: product?.image ?? '' };
  };

  const alreadyReviewed = (context: LinkContext) =>
    hasLiveReview(deps.db.kysely, context.shop.id, { productId: context.line.product_id, orderId: context.order.order_id, source: 'Email request' });

  const pageOf = (context: LinkContext): HostedPage => ({
    shop: context.shop,
    productId: context.line.product_id,
    productTitle: context.line.title,
    image: context.image,
    order: { orderId: context.order.order_id, email: context.order.email },
    source: 'Email request',
  });

  const params = pathParams('token');

  app.get('/r/t/:token', { schema: { params, querystring: queryValues('submitted', 'rating') } }, async (request, reply) => {
    if (!(await admitPageView(deps, request, reply))) return reply;
    const context = await resolve(request.params.token, reply);
    if (!context) return reply;
    const submitted = firstOf(request.query.submitted);
    if (submitted === 'published' || submitted === 'pending') return sendThanks(reply, context.shop, submitted);
    if (await alreadyReviewed(context)) return sendMessagePage(reply, 409, messagesOf(context.shop).alreadyReviewed, messagesOf(context.shop).alreadyReviewed);
    const rating = firstOf(request.query.rating);
    return sendReviewForm(reply, pageOf(context), request.url.split('?')[0]!, { rating: /^[1-5]$/.test(rating ?? '') ? rating : '', author: context.order.customer_name }, {});
  });

  // The form's fields are checked by the submission rules, which answer on the form itself.
  app.post('/r/t/:token', { schema: { params } }, async (request, reply) => {
    const context = await resolve(request.params.token, reply);
    if (!context) return reply;
    // One review per token (§10): a second submission is a duplicate.
    if (await alreadyReviewed(context)) return sendMessagePage(reply, 409, messagesOf(context.shop).alreadyReviewed, messagesOf(context.shop).alreadyReviewed);
    return receiveHostedForm(deps, request, reply, pageOf(context));
  });
}
