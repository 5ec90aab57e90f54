import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { normalizeEmailAddress } from '../customers/email-types.js';
import { osTypeFromUserAgent } from '../events/event-types.js';
import { invalidArgument } from '../http/errors.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { checkSubmission, fieldText, type Submission, submitReview } from './submit.service.js';

export interface SubmissionChannel {
  source: Submission['source'];
  /** Set when a review-request link vouches for the order (and gives the address). */
  order?: { orderId: string };
}

/**
 * Steps 2–7 of docs/reference/storefront.md §4, shared by the JSON endpoint and the hosted pages: the honeypot
 * (answered like a person, nothing stored), every field checked at once (code 3), the per-shop
 * e-mail limit, then the review. `form` carries the §4 field names.
 */
export async function receiveSubmission(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, shop: ShopRow, form: Record<string, unknown>, channel: SubmissionChannel): Promise<{ id: number; status: 'published' | 'pending' }> {
  if (fieldText(form.website) !== '') return { id: 0, status: 'pending' };
  const errors = checkSubmission(form, channel.order === undefined);
  if (errors.length > 0) throw invalidArgument(errors);
  const email = normalizeEmailAddress(fieldText(form.email));
  await chargePublicLimit(deps, reply, 'storefront-submit-email', `${shop.id}:${email}`);
  const result = await submitReview(deps, shop, {
    productId: fieldText(form.product_id),
    rating: Number(form.rating),
    author: fieldText(form.author),
    email,
    title: fieldText(form.title),
    content: fieldText(form.content),
    itemType: fieldText(form.item_type),
    mediaUrls: (form.media_tokens as string[] | undefined) ?? [],
    sessionId: fieldText(form.session_id).slice(0, 64),
    osType: osTypeFromUserAgent(request.headers['user-agent']),
    source: channel.source,
    ...(channel.order ? { order: channel.order } : {}),
  });
  deps.outboxSignal?.();
  return result;
}
