import type { PlauditClient } from './client.js';
import type { GetRatingQuery, GetRatingsData, Rating } from './generated/api-types.js';

/** Rating statistics of docs/reference/reviews.md §8–9. */
export class RatingsApi {
  constructor(private readonly client: PlauditClient) {}

  /** One scope: `{ product_id }`, `{ product_handle }`, `{ is_store_rating: 1 }`, `{ is_all_rating: 1 }`… */
  get(selector: GetRatingQuery): Promise<Rating> {
    return this.client.call('get_rating', selector);
  }

  /** Up to 100 products in one call; `"0"` is the store. */
  getMany(productIds: string[]): Promise<GetRatingsData['list']> {
    return this.client.call('get_ratings', { product_ids: productIds }).then((data) => data.list);
  }
}
