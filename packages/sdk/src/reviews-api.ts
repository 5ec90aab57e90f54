import type { CallOptions, PlauditClient } from './client.js';
import { everyItem } from './paging.js';
import type { CreateReviewBody, CreateReviewData, DeleteReviewData, GetReviewsData, GetReviewsQuery, Review, ReviewHistoryEntry, UpdateReviewBody } from './generated/api-types.js';

/** Where an incremental synchronisation stands: the last review seen (`updated_at`, `id`). */
export interface SyncCursor {
  /** RFC 3339 time, e.g. "2026-06-16T09:05:00Z". */
  updatedSince: string;
  afterId?: number;
}

const SYNC_PAGE_SIZE = 100;

/**
 * The cursor the next run starts from: five seconds before the last one, without after_id, so a
 * review changed twice within one second is read again in its final state (docs/reference/reviews.md §4).
 */
export function restartCursor(last: SyncCursor): SyncCursor {
  const time = new Date(new Date(last.updatedSince).getTime() - 5000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { updatedSince: time };
}

/** Reviews operations of docs/reference/reviews.md §3–7. */
export class ReviewsApi {
  constructor(private readonly client: PlauditClient) {}

  /** One review, published or not; a missing, deleted or foreign id throws code 5. */
  get(id: number): Promise<Review> {
    return this.client.call('get_review', { id });
  }

  /** Every change to one review with who made it, oldest first; a deleted review keeps its history. */
  history(id: number): Promise<ReviewHistoryEntry[]> {
    return this.client.call('get_review_history', { id }).then((data) => data.list);
  }

  /** One page of reviews with filters and sorting. */
  list(query: GetReviewsQuery = {}): Promise<GetReviewsData> {
    return this.client.call('get_reviews', query);
  }

  /**
   * Every review matching the filters, page after page:
   * `for await (const review of client.reviews.iterate({ ratings: [1, 2] })) …`
   */
  iterate(query: Omit<GetReviewsQuery, 'page'> = {}): AsyncGenerator<Review, void, undefined> {
    return everyItem((page) => this.list(page), query);
  }

  /**
   * Every review changed since the cursor, deletions included as tombstones (`deleted_at` set), in
   * the order they changed (docs/reference/reviews.md §4, incremental synchronisation). Pass the cursor the
   * previous run ended with; `cursor` is advanced as reviews are yielded, so after the loop it
   * holds where the next run should start (see `restartCursor`).
   */
  async *changes(cursor: SyncCursor, filters: Omit<GetReviewsQuery, 'page' | 'page_size' | 'updated_since' | 'after_id' | 'include_deleted' | 'sort_by'> = {}): AsyncGenerator<Review, void, undefined> {
    for (;;) {
      const { list } = await this.list({
        ...filters,
        updated_since: cursor.updatedSince,
        ...(cursor.afterId !== undefined ? { after_id: cursor.afterId } : {}),
        include_deleted: 1,
        page: 1,
        page_size: SYNC_PAGE_SIZE,
      });
      for (const review of list) {
        yield review;
        cursor.updatedSince = review.updated_at;
        cursor.afterId = review.id;
      }
      if (list.length < SYNC_PAGE_SIZE) return;
    }
  }

  create(review: CreateReviewBody, options?: CallOptions): Promise<CreateReviewData> {
    return this.client.call('create_review', review, options);
  }

  update(changes: UpdateReviewBody, options?: CallOptions): Promise<Review> {
    return this.client.call('update_review', changes, options);
  }

  delete(id: number, options?: CallOptions): Promise<DeleteReviewData> {
    return this.client.call('delete_review', { id }, options);
  }
}
