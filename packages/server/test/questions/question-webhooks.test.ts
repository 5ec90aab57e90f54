import { createHmac, timingSafeEqual } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Question } from '../../src/questions/question-object.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, useHarness } from '../support/harness.js';
import { deliverAllDue, testResolver, WEBHOOK_ENV } from '../support/webhooks.js';
import { type ReceivedDelivery, useWebhookReceiver } from '../support/webhook-receiver.js';

/** The Standard Webhooks check a partner writes with node:crypto alone: HMAC-SHA256 of id.timestamp.body, compared in constant time. */
function verifiedWithNodeCrypto(delivery: ReceivedDelivery, secret: string): boolean {
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${String(delivery.headers['webhook-id'])}.${String(delivery.headers['webhook-timestamp'])}.${delivery.body}`)
    .digest();
  return String(delivery.headers['webhook-signature'])
    .split(' ')
    .some((signature) => {
      const given = Buffer.from(signature.replace(/^v1,/, ''), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

describeEachDatabase('question webhooks', (dialect) => {
  const harness = useHarness(dialect, { env: WEBHOOK_ENV, resolveHost: testResolver });
  const receiver = useWebhookReceiver(harness);

  it('delivers question/created, question/answered and question/deleted signed, each with the question and its answers', async () => {
    const h = harness();
    const shop = await h.newShop(`qhooks-${dialect}.example.com`);
    const secrets: Record<string, string> = {};
    for (const topic of ['question/created', 'question/answered', 'question/deleted']) {
      const hook = envelope<{ secret: string }>(await h.call('POST', 'create_shop_webhook', { body: { topic, url: `${receiver.origin}/q-${dialect}/${topic.split('/')[1]}` } }, shop)).data!;
      secrets[topic] = hook.secret;
    }
    const asked = envelope<Question>(await h.call('POST', 'create_question', { body: { product_id: '9', content: 'Does it float?', asker_name: 'Ari' } }, shop)).data!;
    await h.call('POST', 'create_answer', { body: { question_id: asked.id, content: 'Yes.' } }, shop);
    await h.call('POST', 'create_answer', { body: { question_id: asked.id, content: 'It does, I tried.', author_kind: 'shopper', author_name: 'Bo', status: 'published' } }, shop);
    await h.call('POST', 'delete_question', { body: { id: asked.id } }, shop);
    await deliverAllDue(h);

    for (const [topic, answers] of [['question/created', 0], ['question/answered', 1], ['question/deleted', 2]] as const) {
      const delivered = receiver.at(`/q-${dialect}/${topic.split('/')[1]}`);
      expect([topic, delivered.length]).toEqual([topic, 1]);
      expect(verifiedWithNodeCrypto(delivered[0]!, secrets[topic]!)).toBe(true);
      expect(verifiedWithNodeCrypto({ ...delivered[0]!, body: delivered[0]!.body.replace('float', 'sink') }, secrets[topic]!)).toBe(false);
      const body = JSON.parse(delivered[0]!.body) as { topic: string; list: Question[] };
      expect([body.topic, body.list[0]!.id, body.list[0]!.answers.length]).toEqual([topic, asked.id, answers]);
    }
  });

  it('lets a platform subscribe to question topics only with read_questions', async () => {
    const h = harness();
    const shop = await h.newShop(`qhooks-scope-${dialect}.example.com`);
    const body = { topic: 'question/answered', url: `${receiver.origin}/q-scope` };
    const refused = await h.call('POST', 'create_shop_webhook', { body, headers: { authorization: `Bearer ${await h.bearerToken(shop, ['read_reviews', 'write_reviews'])}` } }, shop);
    expect([refused.statusCode, envelope(refused).code]).toEqual([403, 7]);
    const allowed = await h.call('POST', 'create_shop_webhook', { body, headers: { authorization: `Bearer ${await h.bearerToken(shop, ['read_questions'])}` } }, shop);
    expect(envelope(allowed).code).toBe(0);
  });
});
