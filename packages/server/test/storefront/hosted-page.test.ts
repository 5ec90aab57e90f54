import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';

const PRODUCT = '8800';
let ip = 0;

function postForm(h: Harness, path: string, fields: Record<string, string | string[]>, address = `192.0.2.${++ip}`) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return h.app.inject({ method: 'POST', url: path, remoteAddress: address, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}

describeEachDatabase('hosted write-a-review page', (dialect) => {
  const harness = useHarness(dialect);
  const page = () => `/r/${harness().shop.shop_id}/${PRODUCT}`;

  it('knows the product', async () => {
    const h = harness();
    expect((await h.call('POST', 'create_review', { body: { product_id: PRODUCT, product_title: 'Wool Scarf', rating: 5, author: 'Seed' } })).statusCode).toBe(200);
  });

  it('shows a form that works without JavaScript, with a strict CSP and the photo script of this origin', async () => {
    const h = harness();
    const response = await h.app.inject(page());
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('How was Wool Scarf?');
    for (const name of ['rating', 'title', 'content', 'author', 'email', 'website']) expect(response.body).toContain(`name="${name}"`);
    expect(response.body).toContain('data-plaudit-photos');
    expect(response.body).toContain('<script src="/widget/v1/review-page.js" defer></script>');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('stores a posted review as "Store link" and shows the thank-you state', async () => {
    const h = harness();
    const response = await postForm(h, page(), { rating: '4', title: 'Warm', content: 'Very warm scarf.', author: 'Ines Ortega', email: 'ines@example.com', website: '' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${page()}?submitted=published`);
    const list = envelope<{ list: Array<{ author: string; title: string }> }>(await h.app.inject(`/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}&sort_by=created-descending`)).data!.list;
    expect(list[0]).toMatchObject({ author: 'Ines O.', title: 'Warm' });
    const review = envelope<{ list: Array<{ source: string; author_email: string }> }>(await h.call('GET', 'get_reviews', { query: `product_ids=${PRODUCT}` })).data!.list.find((r) => r.author_email === 'ines@example.com');
    expect(review?.source).toBe('Store link');
    const thanks = await h.app.inject(`${page()}?submitted=published`);
    expect(thanks.body).toContain('Your review is published.');
    // It thanks once, speaks as the shop, and leads back to the shop's storefront.
    expect(thanks.body.match(/Thank you/g)).toHaveLength(2); // the <title> and the heading
    expect(thanks.body).toContain('<h1>Thank you!</h1>');
    expect(thanks.body).toContain('<title>Thank you! · maple-and-co</title>');
    expect(thanks.body).toContain('<a class="brand" href="https://maple-and-co.myshopify.com">maple-and-co</a>');
    expect(thanks.body).toContain('<a class="button" href="https://maple-and-co.myshopify.com">Back to maple-and-co</a>');
    expect((await h.app.inject(`${page()}?submitted=pending`)).body).toContain('Your review will appear once the shop has checked it.');
  });

  it('links back to the storefront address the merchant set, in the shop\'s colours', async () => {
    const h = harness();
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ storefront_url: 'https://shop.maple.example/en', widget_accent_color: '#7a1f5c' }) }).where('id', '=', h.shop.shop_id).execute();
    try {
      const form = (await h.app.inject(page())).body;
      expect(form).toContain('<a class="brand" href="https://shop.maple.example/en">maple-and-co</a>');
      expect(form).toContain('--accent: #7a1f5c;');
      expect((await h.app.inject(`${page()}?submitted=published`)).body).toContain('href="https://shop.maple.example/en">Back to maple-and-co</a>');
    } finally {
      await h.deps.db.kysely.updateTable('shops').set({ settings: '{}' }).where('id', '=', h.shop.shop_id).execute();
    }
  });

  it('shows the form again (400) with each message tied to its field and the values kept', async () => {
    const h = harness();
    const response = await postForm(h, page(), { rating: '', title: 'Kept title', content: '', author: 'A', email: 'nope' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('value="Kept title"');
    for (const field of ['rating', 'content', 'email']) expect(response.body).toContain(`id="${field}-error"`);
    expect(response.body).toContain('aria-describedby="content-error"');
    expect(response.body).toMatch(/name="rating" value="1" id="rating-1" required autofocus aria-invalid="true"/);
    // Shoppers read what to do, not the API's developer-facing reasons.
    expect(response.body).toContain('Choose a rating from 1 to 5 stars.');
    expect(response.body).toContain('This field is required.');
    expect(response.body).toContain('Enter a valid e-mail address.');
    expect(response.body).not.toContain('must be');
  });

  it('answers 404 for an unknown product or shop, 403 when the form is off, 409 for a duplicate, 429 over the limit', async () => {
    const h = harness();
    expect((await h.app.inject(`/r/${h.shop.shop_id}/no-such-product`)).statusCode).toBe(404);
    expect((await h.app.inject(`/r/999999/${PRODUCT}`)).statusCode).toBe(404);
    const fields = { rating: '5', content: 'Again and again', author: 'Dup Licate', email: 'dup@example.com' };
    expect((await postForm(h, page(), fields)).statusCode).toBe(303);
    const duplicate = await postForm(h, page(), fields);
    expect(duplicate.statusCode).toBe(409);
    const address = '192.0.2.250';
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await postForm(h, page(), { ...fields, email: `limit${i}@example.com` }, address)).statusCode);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ review_form_enabled: false }) }).where('id', '=', h.shop.shop_id).execute();
    try {
      expect((await h.app.inject(page())).statusCode).toBe(403);
    } finally {
      await h.deps.db.kysely.updateTable('shops').set({ settings: '{}' }).where('id', '=', h.shop.shop_id).execute();
    }
  });

  it('limits page views per IP with an HTML 429 page', async () => {
    const h = harness();
    h.clock.advanceSeconds(60);
    let last;
    for (let i = 0; i < 601; i++) last = await h.app.inject({ url: page(), remoteAddress: '192.0.2.222' });
    expect(last!.statusCode).toBe(429);
    expect(last!.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(last!.headers['retry-after']).toBeDefined();
  });

  it('speaks the shop\'s language and thanks a bot without storing anything', async () => {
    const h = harness();
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ language: 'fr' }) }).where('id', '=', h.shop.shop_id).execute();
    try {
      const response = await h.app.inject(page());
      expect(response.body).toContain('<html lang="fr">');
      expect(response.body).toContain('Comment trouvez-vous Wool Scarf ?');
      const refused = await postForm(h, page(), { rating: '9', content: '', author: 'Anne', email: 'anne@' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Choisissez une note de 1 à 5 étoiles.');
      expect(refused.body).toContain('Ce champ est obligatoire.');
      expect(refused.body).toContain('Saisissez une adresse e-mail valide.');
      const before = Number((await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const bot = await postForm(h, page(), { rating: '5', content: 'spam', author: 'Bot', email: 'bot@example.com', website: 'http://spam.example' });
      expect(bot.statusCode).toBe(303);
      expect(Number((await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    } finally {
      await h.deps.db.kysely.updateTable('shops').set({ settings: '{}' }).where('id', '=', h.shop.shop_id).execute();
    }
  });
});
