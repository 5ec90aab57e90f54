import { invalidArgument, type FieldError } from './errors.js';
import { parseTimeInput } from '../time/time-format.js';

/** How a list that can be read as a change feed is ordered and where the feed stands. */
export interface ChangeFeedOrder<S extends string> {
  sort: S | 'updated-ascending';
  updatedSince: number | undefined;
}

/**
 * `updated_since`, `after_id` and `sort_by` of a list read as a change feed (docs/reference/reviews.md §4,
 * docs/reference/questions.md §3): with `updated_since` the list is ordered by updated-ascending,
 * and another sort is refused; `after_id` continues a feed, so it needs `updated_since`. Every
 * problem is reported at once (code 3).
 */
export function changeFeedOrder<S extends string>(query: { updated_since?: string | undefined; after_id?: number | undefined; sort_by?: string | undefined }, defaultSort: S): ChangeFeedOrder<S> {
  const errors: FieldError[] = [];
  const updatedSince = query.updated_since === undefined ? undefined : (parseTimeInput(query.updated_since) ?? undefined);
  let sort: S | 'updated-ascending' = (query.sort_by as S | undefined) ?? defaultSort;
  if (updatedSince !== undefined) {
    if (query.sort_by !== undefined && query.sort_by !== 'updated-ascending') errors.push({ field: 'sort_by', reason: 'must be updated-ascending (or absent) when updated_since is given' });
    sort = 'updated-ascending';
  }
  if (query.after_id !== undefined && updatedSince === undefined) errors.push({ field: 'after_id', reason: 'is only allowed together with updated_since' });
  if (errors.length > 0) throw invalidArgument(errors);
  return { sort, updatedSince };
}
