import { expect, it } from 'vitest';
import type { Question } from '../../src/questions/question-object.js';
import { recordInvitations } from '../../src/questions/invitations.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { rowsMentioning } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';

interface QuestionExport {
  questions: Array<{ id: number; content: string; asker_email: string }>;
  answers: Array<{ id: number; question_id: number; author_email: string }>;
}

describeEachDatabase("a person's questions and answers under data-subject requests", (dialect) => {
  const harness = useHarness(dialect);

  async function seed(h: Harness, shop: ShopCredentials, email: string) {
    const call = async <T>(operation: string, body: Record<string, unknown>) => {
      const answer = envelope<T>(await h.call('POST', operation, { body }, shop));
      expect(answer.code, JSON.stringify(answer)).toBe(0);
      return answer.data!;
    };
    const theirs = await call<Question>('create_question', { product_id: 'P1', content: 'Will it fit in a carry-on?', asker_name: 'Quinn Zephyrine', asker_email: email });
    await call('create_answer', { question_id: theirs.id, content: 'Yes it will.' });
    const other = await call<Question>('create_question', { product_id: 'P1', content: 'What colours are there?', asker_name: 'Someone Else', asker_email: 'else@example.com' });
    const answered = await call<Question>('create_answer', { question_id: other.id, content: 'I bought the grey one.', author_kind: 'buyer', author_name: 'Quinn Zephyrine', author_email: email });
    await recordInvitations(h.deps.db.kysely, shop.shop_id, other.id, [{ email, name: 'Quinn Zephyrine', orderId: 'O-1' }], Math.floor(h.clock.now() / 1000));
    return { theirs, other, answerId: answered.answers[0]!.id };
  }

  it('exports what they asked and answered, and anonymizes both, keeping the words, telling partners', async () => {
    const h = harness();
    const shop = await h.newShop(`qdata-anon-${dialect}.example.com`);
    const email = `quinn-${dialect}@example.com`;
    const { theirs, other, answerId } = await seed(h, shop, email);
    const exported = envelope<QuestionExport>(await h.call('GET', 'export_customer_data', { query: `email=${email}` }, shop)).data!;
    expect(exported.questions.map((q) => q.id)).toEqual([theirs.id]);
    expect(exported.answers.map((a) => [a.id, a.question_id])).toEqual([[answerId, other.id]]);

    const before = (await outboxTopics(h, shop.shop_id)).length;
    const summary = envelope<Record<string, unknown>>(await h.call('POST', 'erase_customer_data', { body: { email, mode: 'anonymize' } }, shop)).data!;
    expect(summary).toMatchObject({ questions: 1, answers: 1 });
    const after = await h.call('GET', 'get_questions', { query: 'sort_by=created-ascending' }, shop);
    const list = envelope<{ list: Question[] }>(after).data!.list;
    expect(list.map((q) => [q.content, q.asker_name, q.asker_email])).toEqual([
      ['Will it fit in a carry-on?', 'Anonymous', ''],
      ['What colours are there?', 'Someone Else', 'else@example.com'],
    ]);
    expect(list[1]!.answers.map((a) => [a.content, a.author_name, a.author_email])).toEqual([['I bought the grey one.', 'Anonymous', '']]);
    expect((await outboxTopics(h, shop.shop_id)).slice(before)).toEqual(['question/updated', 'question/updated', 'customer/redacted']);
    expect(await rowsMentioning(h, email)).toEqual([]);
    expect(await rowsMentioning(h, 'Zephyrine')).toEqual([]);
  });

  it('deletes their questions with the answers to them, and their answers, leaving a tombstone that names nobody', async () => {
    const h = harness();
    const shop = await h.newShop(`qdata-delete-${dialect}.example.com`);
    const email = `quinn-del-${dialect}@example.com`;
    const { theirs, other } = await seed(h, shop, email);
    const summary = envelope<Record<string, unknown>>(await h.call('POST', 'erase_customer_data', { body: { email, mode: 'delete' } }, shop)).data!;
    expect(summary).toMatchObject({ questions: 1, answers: 1 });
    expect(envelope(await h.call('GET', 'get_question', { query: `id=${theirs.id}` }, shop)).code).toBe(5);
    const kept = envelope<Question>(await h.call('GET', 'get_question', { query: `id=${other.id}` }, shop)).data!;
    expect([kept.answers, kept.answer_count, kept.answered_at]).toEqual([[], 0, null]);
    expect(await rowsMentioning(h, email)).toEqual([]);
    expect(await rowsMentioning(h, 'Zephyrine')).toEqual([]);
    expect(await h.deps.db.kysely.selectFrom('questions').select('id').where('id', '=', theirs.id).execute()).toEqual([]);
    expect(await h.deps.db.kysely.selectFrom('answers').select('id').where('question_id', '=', theirs.id).execute()).toEqual([]);
  });
});
