import { MediaUrls } from '../media/media-urls.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { verifyToken } from '../lib/signed-token.js';
import { sendMessagePage, sendPage } from '../console/html-page.js';
import type { ReviewLinkToken } from '../collection/request-email.js';
import { recordCustomerEvents } from '../events/customer-events.js';
import { osTypeFromUserAgent } from '../events/event-types.js';
import { hmacActor } from '../http/actor.js';
import type { OrderLine } from '../orders/order-presenter.js';
import { createReview } from '../reviews/create-review.service.js';
import { findShopById } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';

type Form = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

interface LinkContext {
  token: ReviewLinkToken;
  shop: NonNullable<Awaited<ReturnType<typeof findShopById>>>;
  order: { id: number; order_id: string; email: string; customer_name: string };
  line: OrderLine;
  image: string;
}

/** Field problems of the hosted form, by field name (storefront.md §4 limits). */
function problems(form: Form): Record<string, string> {
  const found: Record<string, string> = {};
  if (!/^[1-5]$/.test(text(form.rating))) found.rating = 'Choose from 1 to 5 stars.';
  const author = text(form.author);
  if (author.length < 1 || author.length > 120) found.author = 'Enter your name (up to 120 characters).';
  if (text(form.title).length > 300) found.title = 'The title can have up to 300 characters.';
  const content = text(form.content);
  if (content.length < 1 || content.length > 10_000) found.content = 'Write a few words (up to 10,000 characters).';
  return found;
}

/**
 * The hosted review page of a review-request e-mail (storefront.md §10, `/r/t/<token>`): the
 * order's product, the rating pre-selected, the name from the order, no e-mail field. Works
 * without JavaScript; a review through it is verified by the order and marks the order reviewed.
 * (Photo upload and the public `/r/<shop>/<product>` page come with the storefront issue.)
 */
export function registerReviewLinkPage(app: FastifyInstance, deps: AppDeps): void {
  const resolve = async (raw: string, reply: FastifyReply): Promise<LinkContext | undefined> => {
    const token = verifyToken<ReviewLinkToken>(deps.secretKey, 'review-link', raw);
    const shop = token ? await findShopById(deps.db.kysely, token.shop) : undefined;
    const order = token && shop ? await deps.db.kysely.selectFrom('orders').select(['id', 'order_id', 'email', 'customer_name', 'products']).where('shop_id', '=', shop.id).where('id', '=', token.order).executeTakeFirst() : undefined;
    const line = order ? (JSON.parse(order.products) as OrderLine[]).find((l) => l.product_id === token!.product) : undefined;
    if (!token || !shop || !order || !line) {
      await sendMessagePage(reply, 404, 'Link not found', 'This review link is not valid.');
      return undefined;
    }
    if (token.exp <= Math.floor(deps.clock.now() / 1000)) {
      await sendPage(reply, 'message', { title: 'Link expired', heading: 'This link has expired', text: 'Review links work for 90 days.', hint: `You can still review the product at /r/${shop.id}/${line.product_id}.`, isError: true }, { status: 410 });
      return undefined;
    }
    if (!readShopSettings(shop.settings).review_form_enabled) {
      await sendMessagePage(reply, 403, 'Reviews are closed', `${shop.name} is not collecting reviews right now.`);
      return undefined;
    }
    const product = await deps.db.kysely.selectFrom('products').select(['title', 'image']).where('shop_id', '=', shop.id).where('product_id', '=', line.product_id).executeTakeFirst();
    return { token, shop, order: { ...order, id: Number(order.id) }, line: { ...line, title: line.title || product?.title || `Product ${line.product_id}` }, image: product?.image ?? '' };
  };

  const alreadyReviewed = async (context: LinkContext) =>
    (await deps.db.kysely
      .selectFrom('reviews')
      .select('id')
      .where('shop_id', '=', context.shop.id)
      .where('product_id', '=', context.line.product_id)
      .where('order_id', '=', context.order.order_id)
      .where('source', '=', 'Email request')
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined;

  const showForm = (reply: FastifyReply, context: LinkContext, action: string, values: Form, errors: Record<string, string>, status = 200) =>
    sendPage(
      reply,
      'review-form',
      { title: `Review ${context.line.title}`, shopName: context.shop.name, productTitle: context.line.title, image: context.image, action, values, errors, firstError: Object.keys(errors)[0] ?? '' },
      { status, httpsImages: true },
    );

  app.get('/r/t/:token', async (request, reply) => {
    const context = await resolve((request.params as { token: string }).token, reply);
    if (!context) return reply;
    const query = request.query as Record<string, string[] | undefined>;
    const submitted = query.submitted?.[0];
    if (submitted === 'published' || submitted === 'pending') {
      return sendMessagePage(reply, 200, 'Thank you!', submitted === 'published' ? 'Your review is published.' : `Your review will appear once ${context.shop.name} has read it.`);
    }
    if (await alreadyReviewed(context)) return sendMessagePage(reply, 409, 'Already reviewed', 'You have already reviewed this product from this order. Thank you!');
    const rating = query.rating?.[0];
    return showForm(reply, context, request.url.split('?')[0]!, { rating: /^[1-5]$/.test(rating ?? '') ? rating : '', author: context.order.customer_name }, {});
  });

  app.post('/r/t/:token', async (request, reply) => {
    const context = await resolve((request.params as { token: string }).token, reply);
    if (!context) return reply;
    const form = (request.body ?? {}) as Form;
    const action = request.url.split('?')[0]!;
    // The honeypot: a bot that fills every field is thanked and nothing is stored.
    if (text(form.website) !== '') return reply.code(303).header('location', `${action}?submitted=pending`).send();
    const errors = problems(form);
    if (Object.keys(errors).length > 0) return showForm(reply, context, action, form, errors, 400);
    if (await alreadyReviewed(context)) return sendMessagePage(reply, 409, 'Already reviewed', 'You have already reviewed this product from this order. Thank you!');
    const rating = Number(text(form.rating));
    const nowMs = deps.clock.now();
    const published = await deps.db.kysely.transaction().execute(async (trx) => {
      const id = await createReview(
        trx,
        hmacActor(context.shop),
        {
          productId: context.line.product_id,
          rating,
          author: text(form.author),
          authorEmail: context.order.email,
          authorPhone: '',
          authorCountry: '',
          title: text(form.title),
          content: text(form.content),
          commentedAt: undefined,
          itemType: '',
          source: 'Email request',
          tag: '',
          orderId: context.order.order_id,
          isVerified: 1,
          isFeatured: 0,
          isPublished: undefined,
          isTop: 0,
          reply: null,
          media: [],
          product: {},
        },
        { mediaUrls: MediaUrls.of(deps.config), storage: deps.storage, nowMs },
      );
      const row = await trx.selectFrom('reviews').select('is_published').where('id', '=', id).executeTakeFirstOrThrow();
      const status = row.is_published === 1 ? 'published' : 'pending';
      await recordCustomerEvents(trx, context.shop.id, [{ eventType: 'SUBMIT_REVIEW', eventSource: 'STOREFRONT', osType: osTypeFromUserAgent(request.headers['user-agent']), customerId: '', productId: context.line.product_id, reviewId: id, extra: { rating, status } }], nowMs);
      return status;
    });
    deps.outboxSignal?.();
    return reply.code(303).header('location', `${action}?submitted=${published}`).send();
  });
}
