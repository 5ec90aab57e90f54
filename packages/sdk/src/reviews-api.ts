import type { CallOptions, PlauditClient } from './client.js';
import type { CreateReviewBody, CreateReviewData, DeleteReviewData, GetReviewsData, GetReviewsQuery, Review, UpdateReviewBody } from './generated/api-types.js';

/** Reviews operations of reviews.md §3–7. */
export class ReviewsApi {
  constructor(private readonly client: PlauditClient) {}

  /** One review, published or not; a missing, deleted or foreign id throws code 5. */
  get(id: number): Promise<Review> {
    return this.client.call('get_review', { id });
  }

  /** One page of reviews with filters and sorting. */
  list(query: GetReviewsQuery = {}): Promise<GetReviewsData> {
    return this.client.call('get_reviews', query);
  }

  /**
   * Every review matching the filters, page after page:
   * `for await (const review of client.reviews.iterate({ ratings: [1, 2] })) …`
   */
  async *iterate(query: Omit<GetReviewsQuery, 'page'> = {}): AsyncGenerator<Review, void, undefined> {
    const pageSize = query.page_size ?? 100;
    for (let page = 1; ; page++) {
      const { list, page: info } = await this.list({ ...query, page, page_size: pageSize });
      yield* list;
      if (list.length < pageSize || page >= info.total_page) return;
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
