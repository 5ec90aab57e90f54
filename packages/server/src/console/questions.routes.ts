import type { AppDeps } from '../http/app-deps.js';
import { ApiError } from '../http/errors.js';
import { firstOf, formFields, pathParams, queryValues, trimmedField, type TypedApp } from '../http/route-input.js';
import { productTitles } from '../products/product-repository.js';
import { changeAnswer, createAnswer, deleteAnswer } from '../questions/answer.service.js';
import { INBOX_VIEWS, type InboxView, inboxCounts, inboxPage } from '../questions/question-inbox.js';
import { changeQuestion, deleteQuestion, type QuestionChanges } from '../questions/question.service.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { consoleOf, sendConsoleMessage, sendConsolePage } from './console-context.js';
import { type FlashKey, redirectWithFlash } from './flash.js';
import { RULE_REASON_LABELS } from './moderation-labels.js';

const PAGE_SIZE = 20;
const ANSWER_LIMIT = 5_000;
const VIEW_LABELS: Record<InboxView, string> = { open: 'Waiting for an answer', held: 'Held by your rules', answered: 'Answered', hidden: 'Hidden' };

const QUESTION_ACTIONS: Record<string, { change: QuestionChanges | 'delete'; done: FlashKey }> = {
  publish: { change: { status: 'published' }, done: 'question-published' },
  hide: { change: { status: 'hidden' }, done: 'question-hidden' },
  pin: { change: { isPinned: 1 }, done: 'question-pinned' },
  unpin: { change: { isPinned: 0 }, done: 'question-unpinned' },
  delete: { change: 'delete', done: 'question-deleted' },
};
const ANSWER_ACTIONS: Record<string, { status?: 'published' | 'hidden'; done: FlashKey }> = {
  publish: { status: 'published', done: 'answer-published' },
  hide: { status: 'hidden', done: 'answer-hidden' },
  delete: { done: 'answer-deleted' },
};

const idParams = pathParams('id');
const actionForm = formFields('action', 'return_to');
const answerForm = formFields('content', 'return_to');

/** Back to the inbox view the merchant came from; anything else is the inbox itself. */
const backTo = (value: string | undefined) => {
  const back = trimmedField(value);
  return back.startsWith('/console/questions') && !back.startsWith('//') ? back : '/console/questions';
};

/**
 * The questions inbox (docs/console.md): what waits for an answer first, oldest first; answering
 * inline publishes the store's answer at once; each question and answer can be published, hidden,
 * pinned or deleted with one click. Every change goes through the questions module, so partners
 * receive the same webhooks as for the API.
 */
export function registerConsoleQuestionRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console/questions', { schema: { querystring: queryValues('view', 'page') } }, async (request, reply) => {
    const context = consoleOf(request);
    const db = deps.db.kysely;
    const requested = trimmedField(firstOf(request.query.view));
    const view: InboxView = (INBOX_VIEWS as readonly string[]).includes(requested) ? (requested as InboxView) : 'open';
    const page = Math.max(1, Number.parseInt(trimmedField(firstOf(request.query.page)) || '1', 10) || 1);
    const [counts, list] = await Promise.all([inboxCounts(db, context.shop.id), inboxPage(db, context.shop.id, view, { page, pageSize: PAGE_SIZE })]);
    const titles = await productTitles(db, context.shop.id, [...new Set(list.questions.map((q) => q.product_id))]);
    const here = `/console/questions?view=${view}&page=${page}`;
    return sendConsolePage(reply, context, 'questions', 'console-questions', {
      title: 'Questions',
      view,
      views: INBOX_VIEWS.map((name) => ({ name, label: VIEW_LABELS[name], count: counts[name], href: `/console/questions?view=${name}` })),
      questions: list.questions,
      productTitles: Object.fromEntries(titles),
      ruleReasons: RULE_REASON_LABELS,
      questionsEnabled: readShopSettings(context.shop.settings).questions_enabled,
      here,
      page,
      previous: page > 1 ? `/console/questions?view=${view}&page=${page - 1}` : '',
      next: page * PAGE_SIZE < list.count ? `/console/questions?view=${view}&page=${page + 1}` : '',
    });
  });

  app.post('/console/questions/:id/answer', { schema: { params: idParams, body: answerForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const id = Number(request.params.id);
    const content = trimmedField(request.body.content);
    if (content === '' || content.length > ANSWER_LIMIT) return sendConsoleMessage(reply, context, 'questions', 400, 'Answer not posted', `An answer is 1 to ${ANSWER_LIMIT.toLocaleString('en')} characters.`);
    const settings = readShopSettings(context.shop.settings);
    try {
      await deps.db.kysely.transaction().execute((trx) =>
        createAnswer(trx, context.shop.id, settings, { questionId: id, content, authorName: settings.sender_name || context.shop.name, authorEmail: '', authorKind: 'merchant' }, deps.clock.now()),
      );
    } catch (error) {
      if (error instanceof ApiError) return sendConsoleMessage(reply, context, 'questions', 404, 'Question not found', `There is no question ${id} in this shop.`);
      throw error;
    }
    deps.outboxSignal?.();
    return redirectWithFlash(reply, backTo(request.body.return_to), 'answer-posted');
  });

  app.post('/console/questions/:id', { schema: { params: idParams, body: actionForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const id = Number(request.params.id);
    const action = QUESTION_ACTIONS[trimmedField(request.body.action)];
    if (!action) return sendConsoleMessage(reply, context, 'questions', 400, 'Nothing to do', 'Choose publish, hide, pin or delete.');
    try {
      await deps.db.kysely.transaction().execute(async (trx) => {
        if (action.change === 'delete') await deleteQuestion(trx, context.shop.id, id, deps.clock.now());
        else await changeQuestion(trx, context.shop.id, id, action.change, deps.clock.now());
      });
    } catch (error) {
      if (error instanceof ApiError) return sendConsoleMessage(reply, context, 'questions', 404, 'Question not found', `There is no question ${id} in this shop.`);
      throw error;
    }
    deps.outboxSignal?.();
    return redirectWithFlash(reply, backTo(request.body.return_to), action.done);
  });

  app.post('/console/answers/:id', { schema: { params: idParams, body: actionForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const id = Number(request.params.id);
    const action = ANSWER_ACTIONS[trimmedField(request.body.action)];
    if (!action) return sendConsoleMessage(reply, context, 'questions', 400, 'Nothing to do', 'Choose publish, hide or delete.');
    try {
      await deps.db.kysely.transaction().execute((trx) => (action.status === undefined ? deleteAnswer(trx, context.shop.id, id, deps.clock.now()) : changeAnswer(trx, context.shop.id, id, { status: action.status }, deps.clock.now())));
    } catch (error) {
      if (error instanceof ApiError) return sendConsoleMessage(reply, context, 'questions', 404, 'Answer not found', `There is no answer ${id} in this shop.`);
      throw error;
    }
    deps.outboxSignal?.();
    return redirectWithFlash(reply, backTo(request.body.return_to), action.done);
  });
}
