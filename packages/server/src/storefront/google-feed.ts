import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { formatRecordTime } from '../time/time-format.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { displayName } from './display-name.js';
import { escapeXml } from './xml-escape.js';
import { type FeedRow, publishedProductReviewsAfter } from '../reviews/published-reviews.service.js';

const PAGE = 500;


/** A product's storefront URL (docs/reference/reviews.md §1), falling back to the shop's home page. */
function productUrl(shop: ShopRow, row: FeedRow): string {
  if (row.url) return row.url;
  if (row.handle) return `https://${shop.domain}/products/${encodeURIComponent(row.handle)}`;
  return `https://${shop.domain}/`;
}

function element(name: string, value: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(value)}</${name}>`;
}

function productIds(row: FeedRow): string {
  const groups = (
    [
      ['gtins', 'gtin', row.gtin],
      ['mpns', 'mpn', row.mpn],
      ['skus', 'sku', row.sku],
      ['brands', 'brand', row.brand],
    ] as const
  )
    .filter(([, , value]) => value)
    .map(([group, name, value]) => `<${group}>${element(name, value!)}</${group}>`);
  return groups.length === 0 ? '' : `<product_ids>${groups.join('')}</product_ids>`;
}

function reviewXml(shop: ShopRow, row: FeedRow, nameFormat: ReturnType<typeof readShopSettings>['name_format']): string {
  const name = displayName(row.author, nameFormat);
  const url = productUrl(shop, row);
  return [
    '<review>',
    element('review_id', String(row.id)),
    `<reviewer>${name === '' ? element('name', 'Anonymous', ' is_anonymous="true"') : element('name', name)}</reviewer>`,
    element('review_timestamp', formatRecordTime(row.commented_at)),
    row.title ? element('title', row.title) : '',
    element('content', row.content),
    element('review_url', url, ' type="group"'),
    `<ratings>${element('overall', String(row.rating), ' min="1" max="5"')}</ratings>`,
    `<products><product>${productIds(row)}${element('product_name', row.product_title || row.product_id)}${element('product_url', url)}</product></products>`,
    // Google's policy: a review obtained with an incentive must say so in the feed (schema 2.4).
    row.is_incentivized === 1 ? element('is_incentivized_review', 'true') : '',
    '</review>\n',
  ].join('');
}

/**
 * The Google product reviews feed (schema 2.4) of every published product review, low ratings
 * included, generated page by page (keyset on id) so memory does not grow with the shop.
 */
export async function* googleProductReviewsFeed(db: Kysely<Database>, shop: ShopRow): AsyncGenerator<string> {
  const { name_format: nameFormat } = readShopSettings(shop.settings);
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<feed xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xsi:noNamespaceSchemaLocation="http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd">\n',
    '<version>2.4</version>\n',
    `<aggregator>${element('name', 'Plaudit')}</aggregator>\n`,
    `<publisher>${element('name', shop.name)}</publisher>\n`,
    '<reviews>\n',
  ].join('');
  let afterId = 0;
  for (;;) {
    const rows = await publishedProductReviewsAfter(db, shop.id, afterId, PAGE);
    if (rows.length === 0) break;
    yield rows.map((row) => reviewXml(shop, row, nameFormat)).join('');
    afterId = Number(rows[rows.length - 1]!.id);
  }
  yield '</reviews>\n</feed>\n';
}
