import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { invalidArgument, notFound } from '../http/errors.js';
import { checkAnswer } from './answer-fields.js';
import { readAnswerLinkToken } from '../questions/answer-link.js';
import { answerAsInvitedBuyer } from '../questions/buyer-answer.service.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { unixSeconds } from '../time/clock.js';
import { registerPreflight } from './public-endpoint/cors.js';
import { openPublicPost } from './public-endpoint/open-post.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';
import { fieldText } from './submit.service.js';

const ANSWER_PATH = '/api/v1/storefront/answer_question';
/**
 * `POST /api/v1/storefront/answer_question` (questions.md §9): a past buyer's answer, accepted only
 * with the signed link of their invitation. The link is bound to one question and one buyer and
 * works once; a forged, spent or foreign link answers "not found", like a link that never existed.
 */
export function registerAnswerQuestionRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, ANSWER_PATH);
  app.post(ANSWER_PATH, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-answer');
    const link = typeof form.token === 'string' ? readAnswerLinkToken(deps.secretKey, form.token) : undefined;
    if (!link || link.shopId !== shop.id) throw notFound('invitation', 0);
    const errors = checkAnswer(form);
    if (errors.length > 0) throw invalidArgument(errors);
    const question = await answerAsInvitedBuyer(deps.db.kysely, readShopSettings(shop.settings), link, { content: fieldText(form.content), name: fieldText(form.name) }, deps.clock.now());
    deps.outboxSignal?.();
    const answer = question.answers.at(-1)!;
    return sendNoStoreJson(request, reply, { question_id: question.id, answer_id: answer.id, status: answer.status === 'published' ? 'published' : 'pending' }, unixSeconds(deps.clock));
  });
}
