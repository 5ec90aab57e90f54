import type { SelectQueryBuilder } from 'kysely';

/** Which page of a list a caller asked for; pages count from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** The rows of one page of an ordered query: the one place a list computes its offset. */
export function pageOf<DB, TB extends keyof DB, O>(ordered: SelectQueryBuilder<DB, TB, O>, { page, pageSize }: PageRequest): SelectQueryBuilder<DB, TB, O> {
  return ordered.limit(pageSize).offset((page - 1) * pageSize);
}

/** How many rows a filtered query matches in all, for a page's `count` and `total_page`. */
export async function countOf<DB, TB extends keyof DB, O>(filtered: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  // Generic over the table, Kysely cannot name the alias's type; the row is `{ n }` all the same.
  const row = (await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()) as { n: number | string | bigint };
  return Number(row.n);
}
