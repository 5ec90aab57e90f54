import type { FastifyInstance } from 'fastify';
import { normalizeEmailAddress } from '../customers/email-types.js';
import type { AppDeps } from '../http/app-deps.js';
import { type FieldError, invalidArgument, permissionDenied } from '../http/errors.js';
import { createQuestion } from '../questions/question.service.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { unixSeconds } from '../time/clock.js';
import { registerPreflight } from './public-endpoint/cors.js';
import { openPublicPost } from './public-endpoint/open-post.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';
import { fieldText, SHOPPER_EMAIL } from './submit.service.js';

const ASK_PATH = '/api/v1/storefront/ask_question';
/** What the widget's ask form allows (questions.md §7). */
export const ASK_LIMITS = { content: 1_000, name: 120, email: 254 } as const;

function checkQuestion(form: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const content = fieldText(form.content);
  if (content.length < 3 || content.length > ASK_LIMITS.content) errors.push({ field: 'content', reason: `must be 3 to ${ASK_LIMITS.content} characters` });
  const name = fieldText(form.name);
  if (name.length < 1 || name.length > ASK_LIMITS.name) errors.push({ field: 'name', reason: `must be 1 to ${ASK_LIMITS.name} characters` });
  const email = fieldText(form.email);
  if (!SHOPPER_EMAIL.test(email) || email.length > ASK_LIMITS.email) errors.push({ field: 'email', reason: 'must be a valid e-mail address' });
  if (fieldText(form.product_id) === '' || fieldText(form.product_id).length > 64) errors.push({ field: 'product_id', reason: 'is required' });
  return errors;
}

/**
 * `POST /api/v1/storefront/ask_question` (questions.md §7): a shopper's question, in the order of
 * the review form's checks: the shop and its origin, the per-network limit, the honeypot (answered
 * like a person, nothing stored), every field at once, the per-address limit, then the shop's
 * moderation rules. The address is asked for so the answer can be sent; it is never shown.
 */
export function registerAskQuestionRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, ASK_PATH);
  app.post(ASK_PATH, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-ask');
    const settings = readShopSettings(shop.settings);
    if (!settings.questions_enabled) throw permissionDenied('this shop does not take questions from its storefront');
    if (fieldText(form.website) !== '') return sendNoStoreJson(request, reply, { id: 0, status: 'pending' }, unixSeconds(deps.clock));
    const errors = checkQuestion(form);
    if (errors.length > 0) throw invalidArgument(errors);
    const email = normalizeEmailAddress(fieldText(form.email));
    await chargePublicLimit(deps, reply, 'storefront-ask-email', `${shop.id}:${email}`);
    const question = await deps.db.kysely.transaction().execute((trx) =>
      createQuestion(trx, shop.id, settings, { productId: fieldText(form.product_id), content: fieldText(form.content), askerName: fieldText(form.name), askerEmail: email, source: 'storefront' }, deps.clock.now()),
    );
    deps.outboxSignal?.();
    return sendNoStoreJson(request, reply, { id: question.id, status: question.status === 'published' ? 'published' : 'pending' }, unixSeconds(deps.clock));
  });
}
