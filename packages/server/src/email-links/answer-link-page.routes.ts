import type { FastifyReply } from 'fastify';
import { format, MESSAGES } from '@plaudit/review-view/messages';
import { QUESTION_MAIL_MESSAGES } from '@plaudit/review-view/question-mail-messages';
import type { AppDeps } from '../http/app-deps.js';
import { ApiError, Code } from '../http/errors.js';
import { formFields, pathParams, queryValues, firstOf, type TypedApp } from '../http/route-input.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import { findProduct } from '../products/product-repository.js';
import { type AnswerLink, readAnswerLinkToken } from '../questions/answer-link.js';
import { answerAsInvitedBuyer, invitationOfLink } from '../questions/buyer-answer.service.js';
import type { QuestionRow } from '../questions/question-repository.js';
import { findShopById, type ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { shopperBrandOf } from '../shops/shopper-brand.js';
import { admitPageView, sendThankYou } from '../storefront/hosted-review-form.js';
import { ANSWER_LIMITS, checkAnswer } from '../storefront/answer-fields.js';
import { chargePublicLimit } from '../storefront/public-endpoint/rate-limits.js';
import { displayName } from '../storefront/display-name.js';
import { unixSeconds } from '../time/clock.js';

interface LinkContext {
  link: AnswerLink;
  shop: ShopRow;
  question: QuestionRow;
  product: string;
  /** The name on the buyer's order: the form starts with it. */
  buyerName: string;
}

/**
 * The hosted answer page of a past buyer's invitation (docs/reference/questions.md §9, `/q/t/<token>`):
 * the question, a text box and the buyer's name, without JavaScript. The link answers once; a
 * spent, forged or closed link shows one sentence, the same for each.
 */
export function registerAnswerLinkPage(app: TypedApp, deps: AppDeps): void {
  const resolve = async (raw: string, reply: FastifyReply): Promise<LinkContext | undefined> => {
    const link = readAnswerLinkToken(deps.secretKey, raw);
    const shop = link ? await findShopById(deps.db.kysely, link.shopId) : undefined;
    const opened = link && shop ? await invitationOfLink(deps.db.kysely, link, unixSeconds(deps.clock)).catch(() => undefined) : undefined;
    if (!link || !shop || !opened) {
      const t = QUESTION_MAIL_MESSAGES[shop ? shopperBrandOf(shop).language : 'en'];
      await sendMessagePage(reply, 404, t.linkSpent, t.linkSpent);
      return undefined;
    }
    const product = await findProduct(deps.db.kysely, shop.id, opened.question.product_id);
    return { link, shop, question: opened.question, product: product?.title || opened.question.product_id, buyerName: opened.invitation.buyer_name };
  };

  const sendForm = (reply: FastifyReply, context: LinkContext, action: string, values: Record<string, string>, errors: Record<string, string>, status = 200) => {
    const brand = shopperBrandOf(context.shop);
    const t = QUESTION_MAIL_MESSAGES[brand.language];
    const heading = format(t.answerPageTitle, { product: context.product });
    const settings = readShopSettings(context.shop.settings);
    return sendPage(reply, 'answer-form', { title: heading, heading, brand, t, question: context.question.content, asker: displayName(context.question.asker_name, settings.name_format), action, values, errors, limits: ANSWER_LIMITS }, { status });
  };

  const params = pathParams('token');

  app.get('/q/t/:token', { schema: { params, querystring: queryValues('submitted') } }, async (request, reply) => {
    if (!(await admitPageView(deps, request, reply))) return reply;
    const submitted = firstOf(request.query.submitted);
    if (submitted === 'published' || submitted === 'pending') {
      // After the answer the link is spent: the thank-you needs only the shop the link names.
      const link = readAnswerLinkToken(deps.secretKey, request.params.token);
      const shop = link ? await findShopById(deps.db.kysely, link.shopId) : undefined;
      if (shop) {
        const t = QUESTION_MAIL_MESSAGES[shopperBrandOf(shop).language];
        return sendThankYou(reply, shop, submitted === 'published' ? t.answerThanks : t.answerPending);
      }
    }
    const context = await resolve(request.params.token, reply);
    if (!context) return reply;
    return sendForm(reply, context, request.url.split('?')[0]!, { name: context.buyerName }, {});
  });

  app.post('/q/t/:token', { schema: { params, body: formFields('content', 'name') } }, async (request, reply) => {
    const context = await resolve(request.params.token, reply);
    if (!context) return reply;
    const action = request.url.split('?')[0]!;
    const form = { content: (request.body.content ?? '').trim(), name: (request.body.name ?? '').trim() };
    const m = MESSAGES[shopperBrandOf(context.shop).language];
    const problems = checkAnswer(form);
    if (problems.length > 0) {
      // Too long only when it is: anything shorter than the form takes reads as missing.
      const errors = Object.fromEntries(problems.map(({ field }) => {
        const name = field as keyof typeof ANSWER_LIMITS;
        return [name, form[name].length > ANSWER_LIMITS[name] ? format(m.errorTooLong, { max: ANSWER_LIMITS[name] }) : m.required];
      }));
      return sendForm(reply, context, action, form, errors, 400);
    }
    try {
      await chargePublicLimit(deps, reply, 'storefront-answer', request.ip);
      const question = await answerAsInvitedBuyer(deps.db.kysely, readShopSettings(context.shop.settings), context.link, form, deps.clock.now());
      deps.outboxSignal?.();
      return reply.code(303).header('location', `${action}?submitted=${question.answers.at(-1)!.status === 'published' ? 'published' : 'pending'}`).send();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === Code.rejected) return sendMessagePage(reply.headers(error.headers), 429, m.tooManyRequests, m.tooManyRequests);
      const t = QUESTION_MAIL_MESSAGES[shopperBrandOf(context.shop).language];
      if (error.code === Code.notFound) return sendMessagePage(reply, 404, t.linkSpent, t.linkSpent);
      throw error;
    }
  });
}
