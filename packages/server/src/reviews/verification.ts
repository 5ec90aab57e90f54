export type VerificationMethod = 'order' | 'import' | 'platform' | 'none';

/**
 * docs/reference/reviews.md §1: a verified review says why. An order of this shop that contains the product (any
 * order for a store review) and matches by order id or e-mail makes it `order`; otherwise an
 * imported review is `import` and anything else vouched for by its source is `platform`.
 */
export function verificationMethodFor(isVerified: 0 | 1, source: string, hasMatchingOrder: boolean): VerificationMethod {
  if (isVerified === 0) return 'none';
  if (hasMatchingOrder) return 'order';
  return source === 'CSV uploaded' ? 'import' : 'platform';
}
