import { expect, it } from 'vitest';
import type { Question } from '../../src/questions/question-object.js';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MerchantBrowser } from '../support/merchant-agent.js';

describeEachDatabase('the console questions inbox', (dialect) => {
  const harness = useHarness(dialect);

  it('lists what waits for an answer oldest first, answers inline as the store, and publishes, hides, pins and deletes', async () => {
    const h = harness();
    const shop = await h.newShop(`inbox-${dialect}.example.com`);
    const ask = async (content: string, extra: Record<string, unknown> = {}) => envelope<Question>(await h.call('POST', 'create_question', { body: { product_id: 'P1', content, asker_name: 'Dana', asker_email: 'dana@example.com', ...extra } }, shop)).data!;
    const first = await ask('First question?');
    h.clock.advanceSeconds(60);
    const second = await ask('Second question?');
    const held = await ask('Cheaper at www.elsewhere-deals.com?');
    const browser = new MerchantBrowser(h);
    await browser.signIn(await createTestMerchant(h, [shop.shop_id]));

    expect((await browser.get('/console')).body).toContain('<dt>Unanswered questions</dt><dd><a href="/console/questions">3</a>');
    const inbox = await browser.get('/console/questions');
    expect(inbox.statusCode).toBe(200);
    const order = ['First question?', 'Second question?', 'Cheaper at'].map((text) => inbox.body.indexOf(text));
    expect(order.every((index, i) => index > 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
    expect(inbox.body).toContain('Waiting for an answer (3)');
    expect(inbox.body).toContain('Held by your rules (1)');
    expect(inbox.body).toContain('dana@example.com');
    const csrf = hiddenField(inbox.body, 'csrf_token')!;

    const answered = await browser.post(`/console/questions/${first.id}/answer`, { csrf_token: csrf, content: 'Yes, it is.', return_to: '/console/questions?view=open&page=1' });
    expect([answered.statusCode, answered.headers.location]).toEqual([303, '/console/questions?view=open&page=1']);
    const stored = envelope<Question>(await h.call('GET', 'get_question', { query: `id=${first.id}` }, shop)).data!;
    expect(stored.answers.map((a) => [a.author_kind, a.author_name, a.status])).toEqual([['merchant', shop.name, 'published']]);
    expect((await browser.get('/console/questions')).body).toContain('Waiting for an answer (2)');

    for (const [id, action] of [[held.id, 'publish'], [second.id, 'pin'], [second.id, 'hide'], [first.id, 'delete']] as const) {
      const done = await browser.post(`/console/questions/${id}`, { csrf_token: csrf, action, return_to: 'https://evil.example/' });
      expect([action, done.statusCode, done.headers.location]).toEqual([action, 303, '/console/questions']);
    }
    const list = envelope<{ list: Question[] }>(await h.call('GET', 'get_questions', { query: 'include_deleted=1&sort_by=created-ascending' }, shop)).data!.list;
    expect(list.map((q) => [q.content.slice(0, 6), q.status, q.is_pinned, q.deleted_at !== undefined])).toEqual([
      ['First ', 'published', 0, true],
      ['Second', 'hidden', 1, false],
      ['Cheape', 'published', 0, false],
    ]);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['question/created', 'question/created', 'question/created', 'question/answered', 'question/updated', 'question/updated', 'question/updated', 'question/deleted']);
  });

  it("answers another shop's question or answer as missing, and refuses an empty answer, changing nothing", async () => {
    const h = harness();
    const shop = await h.newShop(`inbox-refused-${dialect}.example.com`);
    const theirs = envelope<Question>(await h.call('POST', 'create_question', { body: { product_id: 'P1', content: 'Theirs?', asker_name: 'Other' } }, h.otherShop)).data!;
    const theirAnswer = envelope<Question>(await h.call('POST', 'create_answer', { body: { question_id: theirs.id, content: 'Their answer.' } }, h.otherShop)).data!.answers[0]!;
    const mine = envelope<Question>(await h.call('POST', 'create_question', { body: { product_id: 'P1', content: 'Mine?', asker_name: 'Me' } }, shop)).data!;
    const browser = new MerchantBrowser(h);
    await browser.signIn(await createTestMerchant(h, [shop.shop_id]));
    const csrf = hiddenField((await browser.get('/console/questions')).body, 'csrf_token')!;
    expect((await browser.post(`/console/questions/${theirs.id}/answer`, { csrf_token: csrf, content: 'Sneaky' })).statusCode).toBe(404);
    expect((await browser.post(`/console/questions/${theirs.id}`, { csrf_token: csrf, action: 'delete' })).statusCode).toBe(404);
    expect((await browser.post(`/console/answers/${theirAnswer.id}`, { csrf_token: csrf, action: 'hide' })).statusCode).toBe(404);
    expect((await browser.post(`/console/questions/${mine.id}/answer`, { csrf_token: csrf, content: '   ' })).statusCode).toBe(400);
    expect((await browser.post(`/console/questions/${mine.id}`, { csrf_token: csrf, action: 'explode' })).statusCode).toBe(400);
    const untouched = envelope<Question>(await h.call('GET', 'get_question', { query: `id=${theirs.id}` }, h.otherShop)).data!;
    expect([untouched.status, untouched.answer_count, untouched.answers[0]!.status]).toEqual(['published', 1, 'published']);
    expect(envelope<Question>(await h.call('GET', 'get_question', { query: `id=${mine.id}` }, shop)).data!.answers).toEqual([]);
  });
});
