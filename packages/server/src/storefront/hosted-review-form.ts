import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import { ApiError, Code } from '../http/errors.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { shopperFieldError } from '@plaudit/review-view/field-errors';
import { SUBMIT_LIMITS } from '@plaudit/review-view/submit-limits';
import { MESSAGES, type Messages } from '@plaudit/review-view/messages';
import { renderHtml } from '@plaudit/review-view/view/html';
import { starPickerCss, starPickerView } from '@plaudit/review-view/view/star-picker';
import { messagesOf } from './shop-messages.js';
import { shopperBrandOf } from '../shops/shopper-brand.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { receiveSubmission } from './receive-submission.js';
import type { Submission } from './submit.service.js';

export type HostedForm = Record<string, unknown>;

/** The page's form and its context: one view serves the public page and the review-request link. */
export interface HostedPage {
  shop: ShopRow;
  productId: string;
  productTitle: string;
  image: string;
  /** Set for `/r/t/<token>`: the order vouches for the buyer and gives the address. */
  order?: { orderId: string; email: string };
  source: Submission['source'];
}

export function sendReviewForm(reply: FastifyReply, page: HostedPage, action: string, values: HostedForm, errors: Record<string, string>, status = 200): Promise<FastifyReply> {
  const settings = readShopSettings(page.shop.settings);
  const brand = shopperBrandOf(page.shop);
  const t = MESSAGES[brand.language];
  const rating = Number(values.rating);
  const starPicker = starPickerView(t, {
    idPrefix: 'rating',
    ...(Number.isInteger(rating) && rating >= 1 && rating <= 5 ? { checked: rating } : {}),
    ...(errors.rating ? { errorId: 'rating-error' } : {}),
    autofocus: Object.keys(errors)[0] === 'rating',
  });
  return sendPage(
    reply,
    'review-form',
    {
      title: t.howWas.replace('{product}', page.productTitle),
      brand,
      t,
      starPicker: renderHtml(starPicker),
      starPickerCss: starPickerCss('main'),
      shopName: page.shop.name,
      productTitle: page.productTitle,
      image: page.image,
      action,
      values,
      errors,
      limits: SUBMIT_LIMITS,
      firstError: Object.keys(errors)[0] ?? '',
      showEmail: page.order === undefined,
      photoShopId: settings.photo_upload_enabled ? page.shop.id : '',
    },
    // review-page.js adds Home/End to the stars, and photo upload when the shop takes photos.
    { status, httpsImages: true, ownScripts: true },
  );
}

function mediaTokens(form: HostedForm): string[] {
  const raw = form.media_tokens;
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((value): value is string => typeof value === 'string' && value !== '');
}

/** The refused fields, by form field, in the shop's language. */
function shopperErrors(error: ApiError, form: HostedForm, t: Messages): Record<string, string> {
  return Object.fromEntries(
    (error.errors ?? []).map(({ field, reason }) => {
      const name = field.replace(/\[\d+\]$/, '');
      const value = form[name];
      return [name, shopperFieldError(name, reason, typeof value === 'string' ? value : '', t)];
    }),
  );
}

/**
 * The POST of a hosted page (docs/reference/storefront.md §10): the rules of §4 with HTML answers — 303 to the
 * thank-you state, the form again with messages (400), 409 for a duplicate, 429 over a limit.
 */
export async function receiveHostedForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, page: HostedPage): Promise<FastifyReply> {
  const t = messagesOf(page.shop);
  const form = (request.body ?? {}) as HostedForm;
  const action = request.url.split('?')[0]!;
  try {
    await chargePublicLimit(deps, reply, 'storefront-submit', request.ip);
    // The page decides the product, the address of a review-request link, and that there is no variant or widget session.
    const submitted = { ...form, product_id: page.productId, email: page.order?.email ?? form.email, media_tokens: mediaTokens(form), item_type: '', session_id: '' };
    const result = await receiveSubmission(deps, request, reply, page.shop, submitted, { source: page.source, ...(page.order ? { order: { orderId: page.order.orderId } } : {}) });
    return reply.code(303).header('location', `${action}?submitted=${result.status}`).send();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === Code.rejected) return sendMessagePage(reply.headers(error.headers), 429, t.tooManyRequests, t.tooManyRequests);
    if (error.code === Code.alreadyExists) return sendMessagePage(reply, 409, t.alreadyReviewed, t.alreadyReviewed);
    if (error.code === Code.invalidArgument) return sendReviewForm(reply, page, action, form, shopperErrors(error, form, t), 400);
    if (error.code === Code.notFound) return sendMessagePage(reply, 404, 'Not found', error.message);
    throw error;
  }
}

/**
 * §1.6 storefront-read for the hosted pages' GETs; over the limit the shopper gets an HTML 429 page
 * (§1.3: HTML endpoints answer errors in HTML). Answers false when the page was refused.
 */
export async function admitPageView(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  try {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    return true;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== Code.rejected) throw error;
    await sendMessagePage(reply.headers(error.headers), 429, 'Too many requests', 'Please try again in a minute.');
    return false;
  }
}

/** The thank-you state of `?submitted=published|pending`: one thank-you, what happens next, the way back to the shop. */
export function sendThanks(reply: FastifyReply, shop: ShopRow, status: string): Promise<FastifyReply> {
  const t = MESSAGES[shopperBrandOf(shop).language];
  return sendThankYou(reply, shop, status === 'published' ? t.reviewPublished : t.reviewPending);
}

/** A hosted page's thank-you in the shop's language and colours, saying what happens next (`text`) and leading back to the shop. */
export function sendThankYou(reply: FastifyReply, shop: ShopRow, text: string): Promise<FastifyReply> {
  const brand = shopperBrandOf(shop);
  const t = MESSAGES[brand.language];
  return sendPage(reply, 'review-thanks', { title: t.thanksHeading, brand, heading: t.thanksHeading, text, back: t.backToShop.replace('{shop}', brand.name) });
}
