import { invalidField } from '../http/errors.js';
import type { RawQuery } from '../http/query-string.js';
import { firstValue, flagParam } from './public-endpoint/query.js';
import type { StorefrontScope } from '../reviews/published-reviews.service.js';

/** §2 scope precedence: is_show_all > is_store_review > product_id > product_handle. */
export function scopeOf(query: RawQuery): StorefrontScope {
  if (flagParam(query, 'is_show_all')) return { kind: 'all' };
  if (flagParam(query, 'is_store_review')) return { kind: 'store' };
  const productId = firstValue(query, 'product_id');
  if (productId !== undefined) return productId === '0' ? { kind: 'store' } : { kind: 'product', productId };
  const handle = firstValue(query, 'product_handle');
  if (handle !== undefined) return { kind: 'handle', handle };
  throw invalidField('product_id', 'is required unless is_show_all, is_store_review or product_handle selects the reviews');
}

/** The scope as part of an answer-cache key: one text per scope, none shared by two. */
export function scopeKey(scope: StorefrontScope): string {
  switch (scope.kind) {
    case 'all':
    case 'store':
      return scope.kind;
    case 'product':
      return `product:${JSON.stringify(scope.productId)}`;
    case 'handle':
      return `handle:${JSON.stringify(scope.handle)}`;
  }
}
