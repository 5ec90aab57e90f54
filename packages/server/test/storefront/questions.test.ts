import { expect, it } from 'vitest';
import { answerLinkToken, buyerFingerprint } from '../../src/questions/answer-link.js';
import { recordInvitations } from '../../src/questions/invitations.js';
import type { Question } from '../../src/questions/question-object.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';

const DEVICE = 'device_0123456789abcdef';
let ipCounter = 0;
const nextIp = () => `203.0.113.${++ipCounter % 250}`;

function post(h: Harness, path: string, body: Record<string, unknown>, ip = nextIp()) {
  return h.app.inject({ method: 'POST', url: `/api/v1/storefront/${path}`, remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
}

function questions(h: Harness, shop: ShopCredentials, query: string, headers: Record<string, string> = {}) {
  return h.app.inject({ method: 'GET', url: `/api/v1/storefront/get_product_questions?shop_id=${shop.shop_id}&${query}`, remoteAddress: '192.0.2.60', headers });
}

async function askVia(h: Harness, shop: ShopCredentials, body: Record<string, unknown>): Promise<Question> {
  const answer = envelope<Question>(await h.call('POST', 'create_question', { body: { product_id: '77', asker_name: 'Maya Quinn', asker_email: 'maya@example.com', ...body } }, shop));
  expect(answer.code, JSON.stringify(answer)).toBe(0);
  return answer.data!;
}

async function answerVia(h: Harness, shop: ShopCredentials, questionId: number, body: Record<string, unknown> = {}): Promise<Question> {
  const answer = envelope<Question>(await h.call('POST', 'create_answer', { body: { question_id: questionId, content: 'Yes, it does.', ...body } }, shop));
  expect(answer.code, JSON.stringify(answer)).toBe(0);
  return answer.data!;
}

describeEachDatabase('questions on the storefront', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_STOREFRONT_ASK: '50/600', RATE_LIMIT_STOREFRONT_ASK_EMAIL: '3/86400' } });

  it('lists published, answered questions only, pinned first, with published answers, names formatted and no address', async () => {
    const h = harness();
    const shop = await h.newShop(`sf-q-list-${dialect}.example.com`);
    const unanswered = await askVia(h, shop, { content: 'Unanswered question?' });
    const older = await askVia(h, shop, { content: 'Is it machine washable?' });
    h.clock.advanceSeconds(10);
    const newer = await askVia(h, shop, { content: 'Does it shrink?' });
    const hidden = await askVia(h, shop, { content: 'Hidden question?' });
    for (const q of [older, newer, hidden]) await answerVia(h, shop, q.id);
    await answerVia(h, shop, older.id, { author_kind: 'shopper', author_name: 'Lee Park', author_email: 'lee@example.com', content: 'Held answer', status: 'hidden' });
    expect(envelope(await h.call('POST', 'update_question', { body: { id: hidden.id, status: 'hidden' } }, shop)).code).toBe(0);
    expect(envelope(await h.call('POST', 'update_question', { body: { id: older.id, is_pinned: 1 } }, shop)).code).toBe(0);

    const response = await questions(h, shop, 'product_id=77');
    expect(response.statusCode).toBe(200);
    const page = envelope<{ page: { count: number }; list: Array<{ id: number; author: string; answers: Array<{ content: string; badge: string }> }> }>(response).data!;
    expect(page.list.map((q) => q.id)).toEqual([older.id, newer.id]);
    expect(page.page.count).toBe(2);
    expect(page.list[0]!.author).toBe('Maya Q.');
    expect(page.list[0]!.answers.map((a) => [a.content, a.badge])).toEqual([['Yes, it does.', 'store']]);
    expect(response.body).not.toContain('@');
    expect(response.body).not.toContain(unanswered.content);
    expect(response.body).not.toContain('Held answer');
    expect(response.body).not.toContain('"status"');
  });

  it('finds existing answers by keyword, answers 304 while nothing changed, and shows a new answer at once', async () => {
    const h = harness();
    const shop = await h.newShop(`sf-q-cache-${dialect}.example.com`);
    const q = await askVia(h, shop, { content: 'How long is the strap?' });
    await answerVia(h, shop, q.id, { content: 'The strap is 120 cm and adjustable.' });
    const found = envelope<{ list: Array<{ id: number }> }>(await questions(h, shop, 'product_id=77&keyword=ADJUSTABLE')).data!;
    expect(found.list.map((item) => item.id)).toEqual([q.id]);
    expect(envelope<{ list: unknown[] }>(await questions(h, shop, 'product_id=77&keyword=waterproof')).data!.list).toEqual([]);

    const first = await questions(h, shop, 'product_id=77');
    const etag = first.headers.etag as string;
    expect((await questions(h, shop, 'product_id=77', { 'if-none-match': etag })).statusCode).toBe(304);
    const second = await askVia(h, shop, { content: 'Is there a warranty?' });
    await answerVia(h, shop, second.id, { content: 'Two years.' });
    const fresh = await questions(h, shop, 'product_id=77', { 'if-none-match': etag });
    expect(fresh.statusCode).toBe(200);
    expect(envelope<{ list: Array<{ id: number }> }>(fresh).data!.list.map((item) => item.id)).toEqual([second.id, q.id]);
  });

  it('takes a question from the widget, masks personal data, holds a link, ignores the honeypot and limits each address', async () => {
    const h = harness();
    const shop = await h.newShop(`sf-q-ask-${dialect}.example.com`);
    const form = { shop_id: shop.shop_id, product_id: '77', name: 'Sam Roe', email: 'Sam@Example.com' };
    const asked = await post(h, 'ask_question', { ...form, content: 'Does it come in blue? Text me at +1 415 555 0100' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(envelope(asked).data).toMatchObject({ status: 'published' });
    const held = envelope<{ id: number; status: string }>(await post(h, 'ask_question', { ...form, content: 'Cheaper on www.deals-now.com?' })).data!;
    expect(held.status).toBe('pending');
    const stored = await h.deps.db.kysely.selectFrom('questions').select(['content', 'asker_email', 'status', 'source']).where('shop_id', '=', shop.shop_id).orderBy('id').execute();
    expect(stored.map((row) => [row.asker_email, row.status, row.source])).toEqual([
      ['sam@example.com', 'published', 'storefront'],
      ['sam@example.com', 'pending', 'storefront'],
    ]);
    expect(stored[0]!.content).not.toContain('555');

    const before = await databaseChecksum(h);
    expect(envelope(await post(h, 'ask_question', { ...form, content: 'A bot question', website: 'http://spam.example' })).data).toEqual({ id: 0, status: 'pending' });
    const refused = envelope<{ errors: Array<{ field: string }> }>(await post(h, 'ask_question', { shop_id: shop.shop_id, product_id: '', name: '', email: 'nope', content: 'x' }));
    expect([refused.code, refused.data!.errors.map((e) => e.field).sort()]).toEqual([3, ['content', 'email', 'name', 'product_id']]);
    expect(await databaseChecksum(h)).toEqual(before);
    // The third question of the day from one address is the last (RATE_LIMIT_STOREFRONT_ASK_EMAIL 3/86400 here).
    expect(envelope(await post(h, 'ask_question', { ...form, content: 'Does it have pockets?' })).code).toBe(0);
    const limited = await post(h, 'ask_question', { ...form, content: 'And a zip?' });
    expect([limited.statusCode, envelope(limited).code]).toEqual([429, 8]);
  });

  it('refuses questions when the shop turned them off, and helpful votes on anything not shown', async () => {
    const h = harness();
    const shop = await h.newShop(`sf-q-off-${dialect}.example.com`);
    const shown = await askVia(h, shop, { content: 'Shown?' });
    const withAnswer = await answerVia(h, shop, shown.id);
    const unanswered = await askVia(h, shop, { content: 'Unanswered?' });
    const theirs = await answerVia(h, h.otherShop, (await askVia(h, h.otherShop, { content: 'Theirs?' })).id);
    const vote = (target: string, id: number, device = DEVICE) => post(h, 'question_helpful', { shop_id: shop.shop_id, target, id, vote: 1, device_id: device });
    expect(envelope(await vote('question', shown.id)).data).toMatchObject({ helpful_count: 1 });
    expect(envelope(await vote('question', shown.id)).data).toMatchObject({ helpful_count: 1 });
    expect(envelope(await vote('answer', withAnswer.answers[0]!.id, 'device_other_000000001')).data).toMatchObject({ helpful_count: 1 });
    for (const [target, id] of [['question', unanswered.id], ['question', theirs.id], ['answer', theirs.answers[0]!.id]] as const) {
      const answer = await vote(target, id);
      expect([target, id, answer.statusCode, envelope(answer).code]).toEqual([target, id, 404, 5]);
    }

    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { questions_enabled: false } }, shop)).code).toBe(0);
    const off = await post(h, 'ask_question', { shop_id: shop.shop_id, product_id: '77', name: 'Sam', email: 'sam@example.com', content: 'Anyone there?' });
    expect([off.statusCode, envelope(off).code]).toEqual([403, 7]);
  });

  it('takes a past buyer\'s answer once, through a link bound to its question and buyer', async () => {
    const h = harness();
    const shop = await h.newShop(`sf-q-link-${dialect}.example.com`);
    expect(envelope(await h.call('POST', 'create_order', { body: { order_id: 'O-9', order_name: '#9', email: 'bo@example.com', first_name: 'Bo', products: [{ product_id: '77', title: 'Bag' }] } }, shop)).code).toBe(0);
    const q = await askVia(h, shop, { content: 'Does the bag fit a laptop?' });
    const other = await askVia(h, shop, { content: 'Is the bag heavy?' });
    const db = h.deps.db.kysely;
    const now = Math.floor(h.clock.now() / 1000);
    const [invitation] = await recordInvitations(db, shop.shop_id, q.id, [{ email: 'bo@example.com', name: 'Bo Lind', orderId: 'O-9' }], now);
    const [stranger] = await recordInvitations(db, shop.shop_id, q.id, [{ email: 'cy@example.com', name: 'Cy', orderId: 'O-10' }], now);
    const key = h.deps.secretKey!;
    const link = { shopId: shop.shop_id, invitationId: Number(invitation!.id), questionId: q.id, buyer: buyerFingerprint('bo@example.com') };
    const answer = (token: string, content = 'Yes, a 14-inch one.') => post(h, 'answer_question', { shop_id: shop.shop_id, token, content });

    const before = await databaseChecksum(h);
    for (const forged of [
      answerLinkToken(key, { ...link, questionId: other.id }),
      answerLinkToken(key, { ...link, buyer: buyerFingerprint('cy@example.com') }),
      answerLinkToken(key, { ...link, invitationId: Number(stranger!.id) }),
      answerLinkToken(key, { ...link, shopId: h.otherShop.shop_id }),
      `${answerLinkToken(key, link).slice(0, -2)}xx`,
    ]) {
      const refused = await answer(forged);
      expect([refused.statusCode, envelope(refused).code]).toEqual([404, 5]);
    }
    expect(await databaseChecksum(h)).toEqual(before);

    const taken = await answer(answerLinkToken(key, link));
    expect(taken.statusCode, taken.body).toBe(200);
    expect(envelope(taken).data).toMatchObject({ question_id: q.id, status: 'published' });
    const stored = envelope<Question>(await h.call('GET', 'get_question', { query: `id=${q.id}` }, shop)).data!;
    expect(stored.answers.map((a) => [a.author_kind, a.author_name, a.author_email, a.is_verified_buyer])).toEqual([['buyer', 'Bo Lind', 'bo@example.com', 1]]);
    const again = await answer(answerLinkToken(key, link), 'Trying twice');
    expect([again.statusCode, envelope(again).code]).toEqual([404, 5]);

    // A link works for 30 days after its invitation.
    const [late] = await recordInvitations(db, shop.shop_id, other.id, [{ email: 'bo@example.com', name: 'Bo Lind', orderId: 'O-9' }], now);
    const lateLink = answerLinkToken(key, { shopId: shop.shop_id, invitationId: Number(late!.id), questionId: other.id, buyer: buyerFingerprint('bo@example.com') });
    h.clock.advanceSeconds(30 * 86_400 - 60);
    expect(envelope(await answer(lateLink, 'Just in time.')).code).toBe(0);
    const [expired] = await recordInvitations(db, shop.shop_id, q.id, [{ email: 'dee@example.com', name: 'Dee', orderId: 'O-11' }], now);
    const expiredLink = answerLinkToken(key, { shopId: shop.shop_id, invitationId: Number(expired!.id), questionId: q.id, buyer: buyerFingerprint('dee@example.com') });
    h.clock.advanceSeconds(60);
    const tooLate = await answer(expiredLink, 'Too late.');
    expect([tooLate.statusCode, envelope(tooLate).code]).toEqual([404, 5]);
  });

  it('escapes shopper text in the server fragment: a question is words, never markup', async () => {
    const h = harness();
    const shop = await h.newShop(`sf-q-xss-${dialect}.example.com`);
    const q = await askVia(h, shop, { content: '<img src=x onerror=alert(1)> fits?', asker_name: '<script>alert(2)</script> Eve' });
    await answerVia(h, shop, q.id, { content: '"><svg onload=alert(3)>' });
    const fragment = await h.app.inject({ method: 'GET', url: `/api/v1/storefront/questions.html?shop_id=${shop.shop_id}&product_id=77`, remoteAddress: '192.0.2.61' });
    expect(fragment.statusCode).toBe(200);
    expect(fragment.body).toContain('&lt;img src=x onerror=alert(1)&gt; fits?');
    expect(fragment.body).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(fragment.body).not.toMatch(/<img|<svg|<script>alert/);
  });
});
