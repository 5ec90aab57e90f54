import { expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { uploadImage, testJpeg } from '../support/media.js';
import { XSS_PAYLOADS } from './xss-corpus.js';

const PRODUCT = '5500';

function jsonLdOf(body: string): Record<string, unknown> | undefined {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
  return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : undefined;
}

/** The schema.org shapes Google requires for review snippets (Product, AggregateRating, Review). */
function expectReviewSnippetShape(document: Record<string, unknown>, count: number): void {
  expect(document['@context']).toBe('https://schema.org');
  expect(document['@type']).toBe('Product');
  expect(typeof document.name).toBe('string');
  const aggregate = document.aggregateRating as Record<string, unknown>;
  expect(aggregate['@type']).toBe('AggregateRating');
  expect(typeof aggregate.ratingValue).toBe('number');
  expect(aggregate.reviewCount).toBe(count);
  for (const review of document.review as Array<Record<string, unknown>>) {
    expect(review['@type']).toBe('Review');
    expect((review.author as Record<string, unknown>)['@type']).toBe('Person');
    expect(typeof (review.author as Record<string, unknown>).name).toBe('string');
    expect(((review.author as Record<string, unknown>).name as string).length).toBeGreaterThan(0);
    expect((review.reviewRating as Record<string, unknown>)['@type']).toBe('Rating');
    expect(review.reviewRating).toMatchObject({ bestRating: 5, worstRating: 1 });
    expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

describeEachDatabase('widget.html fragment', (dialect) => {
  const harness = useHarness(dialect);

  it('seeds reviews whose every shopper field carries an injection payload', async () => {
    const h = harness();
    const photo = await uploadImage(h, { name: 'p.jpg', type: 'image/jpeg', data: await testJpeg(40, 30) });
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const response = await h.call('POST', 'create_review', {
        body: { product_id: PRODUCT, product_title: 'Linen </script> Napkins', product_url: 'https://maple-and-co.myshopify.com/products/napkins', rating: (index % 5) + 1, author: payload, title: payload, content: payload, item_type: payload.slice(0, 120), reply: { content: payload }, ...(index === 0 ? { media: { images: [photo.url] } } : {}) },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it('renders summary, histogram and the first page as HTML with every shopper string escaped', async () => {
    const h = harness();
    const response = await h.app.inject(`/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    const body = response.body;
    expect(body).toMatch(new RegExp(`^<div class="plaudit-ssr" data-plaudit-shop-id="${h.shop.shop_id}" data-plaudit-product-id="${PRODUCT}" data-plaudit-count="10" data-theme="light" lang="en">`));
    expect(body).toContain('3.0 out of 5 stars');
    expect(body).toContain('10 reviews');
    // Each histogram bar says its share to screen readers; the bar and the figures are drawn beside it.
    expect(body).toContain('<span class="pvh">5 stars: 2 reviews (20%)</span><span class="ps1" aria-hidden="true">5 <span>★</span></span><meter min="0" max="100" value="20" aria-hidden="true"></meter>');
    // Only the JSON-LD script exists; no payload produced a tag or an event handler attribute.
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body).not.toMatch(/<(img|svg|iframe|b|a) [^>]*on\w+=/i);
    expect(body).not.toContain('<svg');
    expect(body).not.toContain('<iframe');
    expect(body).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(body).toMatch(/<img loading="lazy" width="88" height="88" alt="Photo from [^"]*" src="[^"]+x-oss-process=style\/trustoo_small">/);
    // Every selector of the style block is scoped to the fragment.
    const style = /<style>([\s\S]*?)<\/style>/.exec(body)![1]!;
    const selectors = Array.from(style.matchAll(/([^{}]+)\{[^{}]*\}/g), (rule) => rule[1]!.replace(/^.*@[^{]*\{/, '').trim()).flatMap((prelude) => prelude.split(','));
    expect(selectors.length).toBeGreaterThan(50);
    for (const selector of selectors) expect(selector.trim(), selector).toMatch(/^\.plaudit-ssr([ [:]|$)/);
    // Well-formed enough for an XML parser once the void img elements are closed.
    expect(() => new XMLParser({ ignoreAttributes: false }).parse(body.replace(/<img([^>]*)>/g, '<img$1/>'))).not.toThrow();
  });

  it('carries JSON-LD of the shapes Google requires, with text that cannot end the script element', async () => {
    const h = harness();
    const body = (await h.app.inject(`/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}`)).body;
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!;
    expect(script).not.toMatch(/[<>&\u2028\u2029]/);
    const document = jsonLdOf(body)!;
    expectReviewSnippetShape(document, 10);
    expect(document).toMatchObject({ name: 'Linen </script> Napkins', url: 'https://maple-and-co.myshopify.com/products/napkins', aggregateRating: { ratingValue: 3, reviewCount: 10 } });
    expect((document.review as unknown[]).length).toBe(10);
  });

  it('leaves JSON-LD out for the store, the whole shop, jsonld=0 and products without reviews; speaks the chosen language', async () => {
    const h = harness();
    const get = (query: string) => h.app.inject(`/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}&${query}`);
    expect(jsonLdOf((await get('is_show_all=1')).body)).toBeUndefined();
    expect(jsonLdOf((await get('is_store_review=1')).body)).toBeUndefined();
    expect(jsonLdOf((await get(`product_id=${PRODUCT}&jsonld=0`)).body)).toBeUndefined();
    const empty = await get('product_id=no-reviews-here');
    expect(jsonLdOf(empty.body)).toBeUndefined();
    expect(empty.body).toContain('No reviews yet');
    const german = (await get(`product_id=${PRODUCT}&lang=de-AT`)).body;
    expect(german).toContain('3,0 von 5 Sternen');
    expect(german).toContain('10 Bewertungen');
    expect((await get(`product_id=${PRODUCT}&lang=zh-Hans`)).body).toContain('10 条评价');
  });

  it('uses the colours chosen in the console as defaults behind the page\'s own custom properties', async () => {
    const h = harness();
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ widget_star_color: '#aa0000', widget_accent_color: '#003366' }) }).where('id', '=', h.shop.shop_id).execute();
    try {
      const body = (await h.app.inject(`/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}&product_id=${PRODUCT}`)).body;
      expect(body).toContain('.plaudit-ssr{--plaudit-shop-star-color:#aa0000;--plaudit-shop-accent-color:#003366}');
      expect(body).toContain('--pst:var(--plaudit-star-color,var(--plaudit-shop-star-color,#c27803))');
      expect(body).toContain('.plaudit-ssr .ps .f{color:var(--pst)}');
      expect(envelope<{ star_color: string }>(await h.app.inject(`/api/v1/storefront/config?shop_id=${h.shop.shop_id}`)).data!.star_color).toBe('#aa0000');
    } finally {
      await h.deps.db.kysely.updateTable('shops').set({ settings: '{}' }).where('id', '=', h.shop.shop_id).execute();
    }
  });

  it('answers errors as the JSON envelope, not HTML', async () => {
    const h = harness();
    const missing = await h.app.inject(`/api/v1/storefront/widget.html?shop_id=${h.shop.shop_id}`);
    expect(missing.statusCode).toBe(400);
    expect(envelope(missing).code).toBe(3);
    expect((await h.app.inject('/api/v1/storefront/widget.html?shop=nope.example.com&product_id=1')).statusCode).toBe(404);
  });
});
