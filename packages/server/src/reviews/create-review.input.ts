import type { Static } from '@sinclair/typebox';
import type { FieldError } from '../http/errors.js';
import { incentiveContradiction } from './incentive.js';
import { flagValue, storeIdValue } from '../http/wire-schemas.js';
import type { CreateReviewBody } from './create-review.schema.js';
import type { NewReview } from './create-review.service.js';
import { type FormatBItem, mediaFromFormatA, mediaFromFormatB } from '../media/review-media-input.js';

const optionalFlag = (value: 0 | 1 | '0' | '1' | boolean | undefined) => (value === undefined ? undefined : flagValue(value));

/**
 * A create_review body (already valid against its schema) as the service's NewReview: defaults
 * applied, e-mail lower-cased, country upper-cased, media of either format flattened. Shared by
 * the API and the importer so both store the same review from the same fields.
 */
export function newReviewFromBody(body: Static<typeof CreateReviewBody>, errors: FieldError[]): NewReview {
  const media = body.media === undefined || body.media === null ? [] : Array.isArray(body.media) ? mediaFromFormatB(body.media as FormatBItem[], errors) : mediaFromFormatA(body.media, errors);
  const contradiction = incentiveContradiction(optionalFlag(body.is_incentivized), body.incentive);
  if (contradiction) errors.push(contradiction);
  const productId = storeIdValue(body.product_id);
  const isStore = productId === '' || productId === '0';
  return {
    productId: isStore ? '0' : productId,
    rating: Number(body.rating),
    author: body.author,
    authorEmail: (body.author_email ?? '').toLowerCase(),
    authorPhone: body.author_phone ?? '',
    authorCountry: (body.author_country ?? '').toUpperCase(),
    title: body.title ?? '',
    content: body.content ?? '',
    commentedAt: body.commented_at,
    itemType: body.item_type ?? '',
    source: body.source === undefined || body.source === '' ? 'Open API' : body.source,
    tag: body.tag ?? '',
    orderId: storeIdValue(body.order_id),
    isVerified: optionalFlag(body.is_verified) ?? 0,
    isFeatured: optionalFlag(body.is_featured) ?? 0,
    isPublished: optionalFlag(body.is_published),
    isTop: optionalFlag(body.is_top) ?? 0,
    // Describing an incentive discloses one: the flag need not be repeated.
    isIncentivized: optionalFlag(body.is_incentivized) ?? (body.incentive ? 1 : 0),
    incentive: body.incentive ?? '',
    reply: body.reply ? { content: body.reply.content, replyAt: body.reply.reply_at } : null,
    media,
    product: isStore ? {} : { title: body.product_title, handle: body.product_handle, url: body.product_url, image: body.product_image },
  };
}
