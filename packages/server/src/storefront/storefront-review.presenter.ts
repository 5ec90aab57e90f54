import { formatReviewTime } from '../time/time-format.js';
import type { MediaUrls } from '../media/media-urls.js';
import type { MediaRow } from '../reviews/review-repository.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import { displayName } from './display-name.js';
import type { StorefrontReviewRow } from '../reviews/published-reviews.service.js';
import { STORE_PRODUCT_ID } from '../reviews/review-stats.js';
import type { StorefrontResource, StorefrontReview } from '@plaudit/review-view/storefront-review';

export type { StorefrontResource, StorefrontReview };

/** §2 Resource: a hosted image shows its large rendition and its thumbnail; others as stored. */
export function presentResource(item: MediaRow, urls: MediaUrls): StorefrontResource {
  const key = item.type === 1 ? urls.keyOf(item.url) : undefined;
  return {
    resource_type: item.type,
    src: key === undefined ? item.url : urls.urlOf(key, 'large'),
    thumb_src: key === undefined ? (item.thumbnail_url || (item.type === 1 ? item.url : '')) : urls.urlOf(key, 'small'),
    width: item.width,
    height: item.height,
  };
}

export function presentStorefrontReview(row: StorefrontReviewRow, media: readonly MediaRow[], settings: ShopSettings, urls: MediaUrls): StorefrontReview {
  return {
    id: row.id,
    star: row.rating,
    author: displayName(row.author, settings.name_format),
    author_country: settings.show_country ? row.author_country : '',
    title: row.title,
    content: row.content,
    commented_at: formatReviewTime(row.commented_at),
    verified_badge: row.is_verified === 1 && settings.show_verified_badge ? 1 : 0,
    verification_method: row.verification_method,
    // Disclosed whatever the shop's badge settings: the law asks for it wherever the review is shown.
    incentivized: row.is_incentivized,
    incentive: row.incentive,
    reply_content: row.reply_content ?? '',
    item_type: settings.show_item_type ? row.item_type : '',
    helpful_count: row.helpful_count,
    resources: media.map((item) => presentResource(item, urls)),
    corresponding_product:
      row.product_id === STORE_PRODUCT_ID
        ? null
        : { product_id: row.product_id, product_name: row.product_title ?? '', product_url: row.product_url ?? '', product_image: row.product_image ?? '' },
  };
}
