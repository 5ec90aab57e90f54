/** One page of a list operation: its items and how many pages there are. */
interface ListPage<T> {
  list: T[];
  page: { total_page: number };
}

/**
 * Every item of a paged list, page after page, until a short or last page: what `iterate` of
 * `reviews` and `questions` share.
 */
export async function* everyItem<T, Q extends { page_size?: number }>(list: (query: Q & { page: number; page_size: number }) => Promise<ListPage<T>>, query: Q): AsyncGenerator<T, void, undefined> {
  const pageSize = query.page_size ?? 100;
  for (let page = 1; ; page++) {
    const { list: items, page: info } = await list({ ...query, page, page_size: pageSize });
    yield* items;
    if (items.length < pageSize || page >= info.total_page) return;
  }
}
