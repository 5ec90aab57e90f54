import { describe, expect, it } from 'vitest';
import { createAnswerOperation } from '../../src/open-api/questions/create-answer.route.js';
import { createQuestionOperation } from '../../src/open-api/questions/create-question.route.js';
import { deleteAnswerOperation } from '../../src/open-api/questions/delete-answer.route.js';
import { deleteQuestionOperation } from '../../src/open-api/questions/delete-question.route.js';
import { getQuestionOperation } from '../../src/open-api/questions/get-question.route.js';
import { getQuestionsOperation } from '../../src/open-api/questions/get-questions.route.js';
import { updateAnswerOperation } from '../../src/open-api/questions/update-answer.route.js';
import { updateQuestionOperation } from '../../src/open-api/questions/update-question.route.js';
import type { Question } from '../../src/questions/question-object.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

const question = (overrides: Record<string, unknown> = {}) => ({ product_id: '501', content: 'Does it fit a 15-inch laptop?', asker_name: 'Maya', asker_email: 'Maya@Example.com', ...overrides });

async function ask(h: Harness, overrides: Record<string, unknown> = {}, shop?: ShopCredentials): Promise<Question> {
  const answer = envelope<Question>(await h.call('POST', 'create_question', { body: question(overrides) }, shop));
  expect(answer.code, JSON.stringify(answer)).toBe(0);
  return answer.data!;
}

async function answerIt(h: Harness, questionId: number, overrides: Record<string, unknown> = {}, shop?: ShopCredentials): Promise<Question> {
  const answer = envelope<Question>(await h.call('POST', 'create_answer', { body: { question_id: questionId, content: 'Yes, up to 16 inches.', ...overrides } }, shop));
  expect(answer.code, JSON.stringify(answer)).toBe(0);
  return answer.data!;
}

/** A case for the shared suite: an object of this shop, of the other shop, and none. */
function foreignQuestion(body: (id: number) => Record<string, unknown>, asQuery = false) {
  return async (h: Harness) => {
    const foreignId = (await ask(h, {}, h.otherShop)).id;
    const missingId = foreignId + 100_000;
    const parts = (id: number) => (asQuery ? { query: `id=${id}` } : { body: body(id) });
    return { foreign: parts(foreignId), missing: parts(missingId), foreignId: String(foreignId), missingId: String(missingId) };
  };
}

function foreignAnswer(body: (id: number) => Record<string, unknown>) {
  return async (h: Harness) => {
    const other = await ask(h, {}, h.otherShop);
    const foreignId = (await answerIt(h, other.id, {}, h.otherShop)).answers[0]!.id;
    const missingId = foreignId + 100_000;
    return { foreign: { body: body(foreignId) }, missing: { body: body(missingId) }, foreignId: String(foreignId), missingId: String(missingId) };
  };
}

describeEachDatabase('questions and answers through the Open API', (dialect) => {
  const harness = useHarness(dialect);

  describe('get_questions security', () => securitySuite(harness, { op: getQuestionsOperation, valid: async () => ({ query: 'product_id=501' }) }));
  describe('get_question security', () =>
    securitySuite(harness, { op: getQuestionOperation, valid: async (h) => ({ query: `id=${(await ask(h)).id}` }), foreign: foreignQuestion(() => ({}), true) }));
  describe('create_question security', () => securitySuite(harness, { op: createQuestionOperation, valid: async () => ({ body: question({ content: `Is it waterproof? ${Math.random()}` }) }) }));
  describe('update_question security', () =>
    securitySuite(harness, { op: updateQuestionOperation, valid: async (h) => ({ body: { id: (await ask(h)).id, is_pinned: 1 } }), foreign: foreignQuestion((id) => ({ id, is_pinned: 1 })) }));
  describe('delete_question security', () => securitySuite(harness, { op: deleteQuestionOperation, valid: async (h) => ({ body: { id: (await ask(h)).id } }), foreign: foreignQuestion((id) => ({ id })) }));
  describe('create_answer security', () =>
    securitySuite(harness, { op: createAnswerOperation, valid: async (h) => ({ body: { question_id: (await ask(h)).id, content: 'Yes.' } }), foreign: foreignQuestion((id) => ({ question_id: id, content: 'Yes.' })) }));
  describe('update_answer security', () =>
    securitySuite(harness, {
      op: updateAnswerOperation,
      valid: async (h) => ({ body: { id: (await answerIt(h, (await ask(h)).id)).answers[0]!.id, status: 'hidden' } }),
      foreign: foreignAnswer((id) => ({ id, status: 'hidden' })),
    }));
  describe('delete_answer security', () =>
    securitySuite(harness, { op: deleteAnswerOperation, valid: async (h) => ({ body: { id: (await answerIt(h, (await ask(h)).id)).answers[0]!.id } }), foreign: foreignAnswer((id) => ({ id })) }));

  it('asks, answers, pins, hides and deletes, with the events partners receive', async () => {
    const h = harness();
    h.clock.set(1_781_682_900_000);
    const shop = await h.newShop(`qa-life-${dialect}.example.com`);
    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { sender_name: 'Trail Co' } }, shop)).code).toBe(0);
    const asked = await ask(h, {}, shop);
    expect(asked).toMatchObject({ product_id: '501', content: 'Does it fit a 15-inch laptop?', asker_name: 'Maya', asker_email: 'maya@example.com', status: 'published', source: 'api', answer_count: 0, answers: [], answered_at: null, is_pinned: 0, moderation_reasons: [] });
    expect(asked.created_at).toBe('2026-06-17T07:55:00Z');

    h.clock.advanceSeconds(60);
    const answered = await answerIt(h, asked.id, {}, shop);
    expect(answered).toMatchObject({ answer_count: 1, answered_at: '2026-06-17T07:56:00Z', updated_at: '2026-06-17T07:56:00Z' });
    expect(answered.answers).toEqual([
      expect.objectContaining({ question_id: asked.id, content: 'Yes, up to 16 inches.', author_kind: 'merchant', author_name: 'Trail Co', is_verified_buyer: 0, status: 'published' }),
    ]);
    const second = await answerIt(h, asked.id, { author_kind: 'shopper', author_name: 'Lee', content: 'Mine holds a 15.6-inch one.' }, shop);
    expect(second.answer_count).toBe(2);

    const pinned = envelope<Question>(await h.call('POST', 'update_question', { body: { id: asked.id, is_pinned: true } }, shop)).data!;
    expect(pinned.is_pinned).toBe(1);
    const hiddenAnswer = envelope<Question>(await h.call('POST', 'update_answer', { body: { id: second.answers[1]!.id, status: 'hidden' } }, shop)).data!;
    expect([hiddenAnswer.answer_count, hiddenAnswer.answers.map((a) => a.status)]).toEqual([1, ['published', 'hidden']]);
    const removed = envelope<Question>(await h.call('POST', 'delete_answer', { body: { id: answered.answers[0]!.id } }, shop)).data!;
    expect([removed.answer_count, removed.answered_at, removed.answers.length]).toEqual([0, null, 1]);

    expect(envelope(await h.call('POST', 'delete_question', { body: { id: asked.id } }, shop)).data).toEqual({ id: asked.id });
    expect(envelope(await h.call('GET', 'get_question', { query: `id=${asked.id}` }, shop)).code).toBe(5);
    const tombstones = envelope<{ list: Question[] }>(await h.call('GET', 'get_questions', { query: 'include_deleted=1' }, shop)).data!.list;
    expect(tombstones.map((q) => [q.id, q.deleted_at])).toEqual([[asked.id, '2026-06-17T07:56:00Z']]);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['question/created', 'question/answered', 'question/updated', 'question/updated', 'question/updated', 'question/updated', 'question/deleted']);
  });

  it('filters by product, status, answered and keyword (answers included), and pages', async () => {
    const h = harness();
    const shop = await h.newShop(`qa-list-${dialect}.example.com`);
    const a = await ask(h, { product_id: '1', content: 'Is the strap leather?' }, shop);
    const b = await ask(h, { product_id: '2', content: 'What size is it?' }, shop);
    await ask(h, { product_id: '2', content: 'Held one', status: 'pending' }, shop);
    await answerIt(h, b.id, { content: 'About the size of a paperback.' }, shop);
    const ids = async (query: string) => envelope<{ list: Question[]; page: { count: number } }>(await h.call('GET', 'get_questions', { query }, shop)).data!.list.map((q) => q.id);
    expect(await ids('product_id=1')).toEqual([a.id]);
    expect((await ids('status=pending')).length).toBe(1);
    expect(await ids('answered=1')).toEqual([b.id]);
    expect(await ids('keyword=PAPERBACK')).toEqual([b.id]);
    expect(await ids('keyword=strap')).toEqual([a.id]);
    const page = envelope<{ list: Question[]; page: { count: number; total_page: number } }>(await h.call('GET', 'get_questions', { query: 'page_size=2&page=2' }, shop)).data!;
    expect([page.page.count, page.page.total_page, page.list.map((q) => q.id)]).toEqual([3, 2, [a.id]]);
  });

  it('holds a question the moderation rules catch and masks personal data before it is stored', async () => {
    const h = harness();
    const shop = await h.newShop(`qa-rules-${dialect}.example.com`);
    const linked = await ask(h, { content: 'Cheaper at www.example-deals.com?' }, shop);
    expect([linked.status, linked.moderation_reasons]).toEqual(['pending', ['link']]);
    const masked = await ask(h, { content: 'Can you call me on +44 20 7946 0958 about sizes?' }, shop);
    expect(masked.status).toBe('published');
    expect(masked.moderation_reasons).toEqual(['personal_data_masked']);
    expect(masked.content).not.toContain('7946');
    // A buyer's answer relayed by a partner passes the same rules; the store's own does not need to.
    const relayed = await answerIt(h, masked.id, { author_kind: 'buyer', author_name: 'Kim', content: 'See www.example-deals.com' }, shop);
    expect(relayed.answers[0]).toMatchObject({ status: 'pending', moderation_reasons: ['link'] });
    expect(relayed.answer_count).toBe(0);
  });

  it('marks an answer from someone whose order holds the product as a verified buyer', async () => {
    const h = harness();
    const shop = await h.newShop(`qa-verified-${dialect}.example.com`);
    expect(envelope(await h.call('POST', 'create_order', { body: { order_id: 'O-1', order_name: '#1', email: 'buyer@example.com', first_name: 'Bo', products: [{ product_id: '501', title: 'Bag' }] } }, shop)).code).toBe(0);
    const asked = await ask(h, {}, shop);
    const byBuyer = await answerIt(h, asked.id, { author_kind: 'buyer', author_name: 'Bo', author_email: 'BUYER@example.com', content: 'It fits mine.' }, shop);
    const byOther = await answerIt(h, asked.id, { author_kind: 'shopper', author_name: 'Al', author_email: 'al@example.com', content: 'I think so.' }, shop);
    expect(byOther.answers.map((a) => [a.author_name, a.is_verified_buyer])).toEqual([
      ['Bo', 1],
      ['Al', 0],
    ]);
    expect(byBuyer.answers[0]!.author_email).toBe('buyer@example.com');
  });

  it.each([
    ['create_question', { product_id: '1', content: '', asker_name: 'A' }, 'content'],
    ['create_question', { product_id: '1', content: 'x'.repeat(1_001), asker_name: 'A' }, 'content'],
    ['create_question', { product_id: 'a b', content: 'Why?', asker_name: 'A' }, 'product_id'],
    ['create_question', { product_id: '1', content: 'Why?', asker_name: 'A', asker_email: 'nope' }, 'asker_email'],
    ['create_question', { product_id: '1', content: 'Why?', asker_name: 'A', status: 'approved' }, 'status'],
    ['update_question', { id: 1 }, 'body'],
    ['update_question', { id: 1, content: 'new words' }, 'content'],
    ['create_answer', { question_id: 1, content: 'Yes', author_kind: 'robot' }, 'author_kind'],
    ['update_answer', { id: 1 }, 'body'],
  ])('%s refuses %j with code 3 on %s and changes nothing', async (operation, body, field) => {
    const h = harness();
    const shop = await h.newShop(`qa-bad-${dialect}-${Math.random().toString(36).slice(2, 8)}.example.com`);
    const answer = envelope<{ errors: Array<{ field: string }> }>(await h.call('POST', operation, { body }, shop));
    expect(answer.code).toBe(3);
    expect(answer.data!.errors[0]!.field).toBe(field);
    expect(await outboxTopics(h, shop.shop_id)).toEqual([]);
  });

  it("refuses to rewrite a buyer's answer but lets the store correct its own", async () => {
    const h = harness();
    const shop = await h.newShop(`qa-edit-${dialect}.example.com`);
    const asked = await ask(h, {}, shop);
    const withAnswers = await answerIt(h, asked.id, { author_kind: 'buyer', author_name: 'Bo', content: 'It fits.', status: 'published' }, shop);
    const own = await answerIt(h, asked.id, { content: 'Yes it does.' }, shop);
    const refused = envelope<{ errors: Array<{ field: string }> }>(await h.call('POST', 'update_answer', { body: { id: withAnswers.answers[0]!.id, content: 'It fits perfectly!' } }, shop));
    expect([refused.code, refused.data!.errors[0]!.field]).toEqual([3, 'content']);
    const corrected = envelope<Question>(await h.call('POST', 'update_answer', { body: { id: own.answers[1]!.id, content: 'Yes, it does.' } }, shop)).data!;
    expect(corrected.answers.map((a) => a.content)).toEqual(['It fits.', 'Yes, it does.']);
  });
});
