import { afterAll, beforeAll, expect, it } from 'vitest';
import { QuestionMailJob } from '../../src/collection/question-job.js';
import { SmtpTransport } from '../../src/mail/mail-transport.js';
import type { Question } from '../../src/questions/question-object.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { createTestMerchant } from '../support/merchant-agent.js';
import { SmtpPeer } from '../support/smtp-peer.js';

const DAY = 86_400;

describeEachDatabase('question e-mails', (dialect) => {
  const harness = useHarness(dialect);
  const smtp = new SmtpPeer();
  beforeAll(() => smtp.start().then(() => undefined));
  afterAll(() => smtp.stop());

  const job = (h: Harness) => new QuestionMailJob({ db: h.deps.db, secretKey: h.deps.secretKey, clock: h.clock, transport: new SmtpTransport(smtp.url), publicUrl: PUBLIC_URL, mailFrom: 'reviews@reviews.example.com' });
  const ok = async (h: Harness, shop: ShopCredentials, operation: string, body: Record<string, unknown>) => {
    const answer = envelope<Question>(await h.call('POST', operation, { body }, shop));
    expect(answer.code, JSON.stringify(answer)).toBe(0);
    return answer.data!;
  };
  const order = (h: Harness, shop: ShopCredentials, email: string, daysAgo: number, productId = 'P1') =>
    ok(h, shop, 'create_order', { order_id: `O-${email}-${productId}`, order_name: '#1', email, first_name: email.split('@')[0], products: [{ product_id: productId, title: 'Trail Pack' }], fulfilled_at: Math.floor(h.clock.now() / 1000) - daysAgo * DAY });

  it('tells the merchant, asks recent buyers who may be asked (at most N, once a week, never the asker), and only once', async () => {
    const h = harness();
    const tag = `${dialect}-${Math.random().toString(36).slice(2, 7)}`;
    const shop = await h.newShop(`qmail-${tag}.example.com`);
    const merchant = await createTestMerchant(h, [shop.shop_id], `owner-${tag}@example.com`);
    await ok(h, shop, 'update_shop_settings', { questions_ask_buyers: true, questions_buyers_per_question: 2 });
    const buyer = (name: string) => `${name}-${tag}@example.com`;
    await order(h, shop, buyer('newest'), 1);
    await order(h, shop, buyer('unsubscribed'), 2);
    await order(h, shop, buyer('excluded'), 3);
    await order(h, shop, buyer('asker'), 4);
    await order(h, shop, buyer('second'), 5);
    await order(h, shop, buyer('third'), 6);
    await order(h, shop, buyer('other-product'), 1, 'P2');
    await ok(h, shop, 'email_unsubscribe', { email: buyer('unsubscribed'), email_type: 'question_notification' });
    await ok(h, shop, 'create_customer_exclude', { email: buyer('excluded') });

    const question = await ok(h, shop, 'create_question', { product_id: 'P1', content: 'Is the pack waterproof?', asker_name: 'Asker', asker_email: buyer('asker') });
    await job(h).runOnce();
    await job(h).runOnce();

    const [toMerchant, ...moreToMerchant] = smtp.to(merchant);
    expect(moreToMerchant).toEqual([]);
    expect(toMerchant!.subject).toBe('New question about Trail Pack');
    expect(toMerchant!.text).toContain('Is the pack waterproof?');
    const invited = ['newest', 'unsubscribed', 'excluded', 'asker', 'second', 'third', 'other-product'].filter((name) => smtp.to(buyer(name)).length > 0);
    expect(invited).toEqual(['newest', 'second']);
    const [invitation] = smtp.to(buyer('newest'));
    expect(invitation!.subject).toBe('Can you help? A question about Trail Pack');
    expect(String(invitation!.html)).toContain('Is the pack waterproof?');
    const header = invitation!.headerLines.find((line) => line.key === 'list-unsubscribe')?.line;
    expect(header).toMatch(new RegExp(`<${PUBLIC_URL}/u/`));

    // A second question the same week asks only buyers not asked yet.
    await ok(h, shop, 'create_question', { product_id: 'P1', content: 'How heavy is it?', asker_name: 'Another', asker_email: `another-${tag}@example.com` });
    await job(h).runOnce();
    expect(smtp.to(buyer('newest'))).toHaveLength(1);
    expect(smtp.to(buyer('third'))).toHaveLength(1);
    expect(smtp.to(buyer('asker'))).toHaveLength(1);
    expect(smtp.to(merchant)).toHaveLength(2);
    const rows = await h.deps.db.kysely.selectFrom('question_invitations').select(['email', 'sent_at']).where('shop_id', '=', shop.shop_id).execute();
    expect(rows.every((row) => row.sent_at !== null)).toBe(true);
    expect(question.status).toBe('published');
  });

  it('lets an invited buyer answer once on the hosted page, then tells the asker of the first answer, once', async () => {
    const h = harness();
    const tag = `${dialect}-${Math.random().toString(36).slice(2, 7)}`;
    const shop = await h.newShop(`qanswer-${tag}.example.com`);
    await ok(h, shop, 'update_shop_settings', { questions_ask_buyers: true, questions_notify_merchant: false });
    const buyer = `bo-${tag}@example.com`;
    const asker = `asker-${tag}@example.com`;
    await order(h, shop, buyer, 3);
    const question = await ok(h, shop, 'create_question', { product_id: 'P1', content: 'Does it fit a 15-inch laptop?', asker_name: 'Ann Asker', asker_email: asker });
    await job(h).runOnce();
    const link = /https?:\/\/[^\s]+\/q\/t\/[^\s]+/.exec(smtp.to(buyer)[0]!.text!)![0]!;
    const path = new URL(link).pathname;

    const page = await h.app.inject({ method: 'GET', url: path, remoteAddress: '198.51.100.7' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Does it fit a 15-inch laptop?');
    expect(page.body).toContain('Ann A.');
    expect(page.body).not.toContain(asker);

    const empty = await h.app.inject({ method: 'POST', url: path, remoteAddress: '198.51.100.7', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'content=&name=Bo' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('This field is required.');
    // Shorter than an answer can be is missing, not too long.
    const short = await h.app.inject({ method: 'POST', url: path, remoteAddress: '198.51.100.7', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'content=Y&name=Bo' });
    expect([short.statusCode, short.body.includes('This field is required.'), short.body.includes('Please shorten')]).toEqual([400, true, false]);
    const posted = await h.app.inject({ method: 'POST', url: path, remoteAddress: '198.51.100.7', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'content=Yes%2C+mine+fits.&name=Bo' });
    expect([posted.statusCode, posted.headers.location]).toEqual([303, `${path}?submitted=published`]);
    expect((await h.app.inject({ method: 'GET', url: `${path}?submitted=published`, remoteAddress: '198.51.100.7' })).body).toContain('Your answer will help other shoppers.');
    const again = await h.app.inject({ method: 'POST', url: path, remoteAddress: '198.51.100.7', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'content=Twice&name=Bo' });
    expect(again.statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: path, remoteAddress: '198.51.100.7' })).statusCode).toBe(404);

    const stored = envelope<Question>(await h.call('GET', 'get_question', { query: `id=${question.id}` }, shop)).data!;
    expect(stored.answers.map((a) => [a.author_kind, a.author_name, a.is_verified_buyer, a.content])).toEqual([['buyer', 'Bo', 1, 'Yes, mine fits.']]);

    await job(h).runOnce();
    await ok(h, shop, 'create_answer', { question_id: question.id, content: 'It fits up to 16 inches.' });
    await job(h).runOnce();
    const told = smtp.to(asker);
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe('Your question about Trail Pack has an answer');
    expect(told[0]!.text).toContain('Yes, mine fits.');
  });

  it('asks nobody when the shop has not opted in, and tells an asker who unsubscribed from answers nothing', async () => {
    const h = harness();
    const tag = `${dialect}-${Math.random().toString(36).slice(2, 7)}`;
    const shop = await h.newShop(`qoptin-${tag}.example.com`);
    const buyer = `buyer-${tag}@example.com`;
    const asker = `asker-${tag}@example.com`;
    await order(h, shop, buyer, 2);
    await ok(h, shop, 'email_unsubscribe', { email: asker, email_type: 'answer_notification' });
    const question = await ok(h, shop, 'create_question', { product_id: 'P1', content: 'Any colours?', asker_name: 'Ann', asker_email: asker });
    await ok(h, shop, 'create_answer', { question_id: question.id, content: 'Green and grey.' });
    await job(h).runOnce();
    await job(h).runOnce();
    expect(smtp.to(buyer)).toEqual([]);
    expect(smtp.to(asker)).toEqual([]);
  });
});
