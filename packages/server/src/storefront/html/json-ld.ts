import type { StorefrontReview } from '../storefront-review.presenter.js';

export interface ProductFacts {
  productId: string;
  title: string | null;
  handle: string | null;
  url: string | null;
  image: string | null;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  brand: string | null;
}

/**
 * §8 JSON-LD: a schema.org Product with AggregateRating and the first page's Reviews, the shapes
 * Google reads for review snippets. Serialised so nothing inside can end the script element.
 */
export function productJsonLd(product: ProductFacts, shopName: string, rating: { value: number; count: number }, reviews: readonly StorefrontReview[], anonymous: string): string {
  const known = (value: string | null): value is string => value !== null && value !== '';
  const document = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: known(product.title) ? product.title : known(product.handle) ? product.handle : `${shopName} product ${product.productId}`,
    ...(known(product.url) ? { url: product.url } : {}),
    ...(known(product.image) ? { image: product.image } : {}),
    ...(known(product.sku) ? { sku: product.sku } : {}),
    ...(known(product.gtin) ? { gtin: product.gtin } : {}),
    ...(known(product.mpn) ? { mpn: product.mpn } : {}),
    ...(known(product.brand) ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    aggregateRating: { '@type': 'AggregateRating', ratingValue: rating.value, reviewCount: rating.count, bestRating: 5, worstRating: 1 },
    review: reviews.map((review) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: review.author === '' ? anonymous : review.author },
      datePublished: review.commented_at.slice(0, 10),
      ...(review.title === '' ? {} : { name: review.title }),
      reviewBody: review.content,
      reviewRating: { '@type': 'Rating', ratingValue: review.star, bestRating: 5, worstRating: 1 },
    })),
  };
  return scriptSafeJson(document);
}

/** JSON whose text cannot close a `<script>` element or break a line terminator-sensitive parser. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
