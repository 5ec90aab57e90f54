import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { filtered, type ReviewFilter } from '../reviews/list-reviews.service.js';
import type { Review } from '../reviews/review-object.js';
import { presentReviews } from '../reviews/review-presenter.js';

export type ExportFormat = 'csv' | 'jsonl';

/** Plaudit's own CSV columns; `plaudit import --format plaudit` reads them back. */
export const PLAUDIT_CSV_COLUMNS = [
  'id', 'product_id', 'product_title', 'product_handle', 'rating', 'author', 'author_email', 'author_phone', 'author_country',
  'title', 'content', 'commented_at', 'item_type', 'source', 'tag', 'order_id', 'is_verified', 'verification_method',
  'is_featured', 'is_published', 'is_top', 'reply_content', 'reply_at', 'media_urls', 'helpful_count', 'created_at', 'updated_at', 'deleted_at',
  'is_incentivized', 'incentive',
  // Provenance: with id and created_at it tells an import whether a row is already this shop's review.
  'shop_id',
] as const;

/**
 * RFC 4180 quoting. Values are written exactly (an export must import back unchanged), so a cell
 * starting with = or + is not defused for spreadsheets: open exports of untrusted text as data.
 */
export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(review: Review, shopId: string): string {
  const cells: Record<(typeof PLAUDIT_CSV_COLUMNS)[number], string | number> = {
    ...review,
    shop_id: shopId,
    reply_content: review.reply?.content ?? '',
    reply_at: review.reply?.reply_at ?? '',
    media_urls: review.media.map((m) => m.url).join(' '),
    deleted_at: review.deleted_at ?? '',
  };
  return `${PLAUDIT_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`;
}

/**
 * Streams a shop's reviews as CSV or JSON Lines, in id order, a page at a time (keyset on id, so a
 * million reviews never sit in memory and concurrent writes cannot shift pages).
 */
/** Counts what an export wrote, for the CLI's closing line. */
export interface ExportTally {
  reviews: number;
}

export async function* exportReviews(db: Kysely<Database>, shopId: string, filter: ReviewFilter, format: ExportFormat, pageSize = 1000, tally?: ExportTally): AsyncGenerator<string> {
  if (format === 'csv') yield `${PLAUDIT_CSV_COLUMNS.join(',')}\r\n`;
  let afterId = 0;
  for (;;) {
    const rows = await filtered(db, shopId, filter).where('reviews.id', '>', afterId).orderBy('reviews.id').limit(pageSize).execute();
    if (rows.length === 0) return;
    const reviews = await presentReviews(db, shopId, rows);
    if (tally) tally.reviews += reviews.length;
    yield reviews.map((review) => (format === 'csv' ? csvLine(review, shopId) : `${JSON.stringify(review)}\n`)).join('');
    afterId = Number(rows[rows.length - 1]!.id);
  }
}
