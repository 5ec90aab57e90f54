import { Type } from '@sinclair/typebox';
import { invalidField } from '../../http/errors.js';
import { QueryRecordId } from '../../http/wire-schemas.js';

/** The query of a read of one review: `id`, or its alias `review_id`. */
export const ReviewIdQuery = Type.Object({
  id: Type.Optional(QueryRecordId('the review id')),
  review_id: Type.Optional(QueryRecordId('alias of id')),
});

/** `id` and its alias `review_id`: one is required, and both must agree (docs/reference/reviews.md §3). */
export function resolveReviewId(id: number | string | undefined, alias: number | string | undefined): number {
  if (id === undefined && alias === undefined) throw invalidField('id', 'is required');
  if (id !== undefined && alias !== undefined && Number(id) !== Number(alias)) throw invalidField('review_id', 'must equal id when both are given');
  return Number(id ?? alias);
}
