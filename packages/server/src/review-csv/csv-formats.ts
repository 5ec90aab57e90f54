import { secondsOf } from '../time/clock.js';

/**
 * Column presets for importing other review apps' CSV exports. Headers are matched after
 * normalisation (lower case, spaces and dashes as underscores), so `Review Title` and
 * `review_title` are the same column. Each preset turns one record into a create_review body.
 */

export type ImportFormat = 'plaudit' | 'judgeme' | 'yotpo';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['plaudit', 'judgeme', 'yotpo'];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

export type CsvRecord = Record<string, string>;

export interface MappedRow {
  /** The create_review body this row stands for (validated afterwards like an API call). */
  body: Record<string, unknown>;
  /** The review's id in the exporting app, when the file has one. */
  originalId: string | undefined;
  /** A product known only by its handle, to be resolved against the shop's product records. */
  handleOnly: string | undefined;
  /**
   * Only Plaudit's own export has these: the review's id and creation time in the shop it was
   * exported from, and that shop (absent in exports made before the column existed). They let an
   * export re-import into its own shop as a no-op, and into another shop exactly once.
   */
  provenance?: PlauditProvenance;
}

export interface PlauditProvenance {
  reviewId: number;
  /** Unix seconds, the review's created_at. */
  createdAt: number;
  shopId: string | undefined;
}

function plauditProvenance(record: CsvRecord): PlauditProvenance | undefined {
  const id = Number(pick(record, 'id'));
  const createdAt = Date.parse(pick(record, 'created_at') ?? '');
  if (!Number.isSafeInteger(id) || id < 1 || Number.isNaN(createdAt)) return undefined;
  return { reviewId: id, createdAt: secondsOf(createdAt), shopId: pick(record, 'shop_id') };
}

export interface FormatPreset {
  /** At least one of these (normalised) headers must be present. */
  requiredColumns: string[][];
  map(record: CsvRecord): MappedRow;
}

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const pick = (record: CsvRecord, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = record[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
};

/** Other apps write dates as `2023-05-01 12:00:00 UTC`, `2023-05-01T12:00:00Z` or `05/01/2023`. */
export function normaliseDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.replace(/\s+UTC$/i, '').trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (us) {
    const [, month, day, year, h = '0', m = '0', s = '0'] = us;
    const pad = (n: string) => n.padStart(2, '0');
    return `${year}-${pad(month!)}-${pad(day!)} ${pad(h)}:${pad(m)}:${pad(s)}`;
  }
  return text.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ?([+-]\d{2}:?\d{2})$/, (_, d: string, t: string, o: string) => `${d}T${t}${o.length === 5 ? `${o.slice(0, 3)}:${o.slice(3)}` : o}`);
}

const splitUrls = (value: string | undefined, separator: RegExp) => (value === undefined ? undefined : value.split(separator).map((url) => url.trim()).filter((url) => url !== ''));

function truthy(value: string | undefined): 0 | 1 | undefined {
  if (value === undefined) return undefined;
  if (/^(1|true|yes|published|ok)$/i.test(value)) return 1;
  if (/^(0|false|no|unpublished|not[_-]?yet|spam|hidden)$/i.test(value)) return 0;
  return undefined;
}

function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  // A plain loop: this runs once per imported row, and entries/filter/fromEntries allocate thrice.
  const defined: Record<string, unknown> = {};
  for (const key in body) if (body[key] !== undefined) defined[key] = body[key];
  return defined;
}

/** Plaudit's own export (see review-export.ts), so an export imports back unchanged. */
const plaudit: FormatPreset = {
  requiredColumns: [['rating'], ['author']],
  map(record) {
    const reply = pick(record, 'reply_content');
    const provenance = plauditProvenance(record);
    const id = pick(record, 'id');
    return {
      // The exporting shop qualifies the id: review 5 of one shop is not review 5 of another.
      originalId: id !== undefined && provenance?.shopId !== undefined ? `${provenance.shopId}:${id}` : id,
      handleOnly: undefined,
      ...(provenance ? { provenance } : {}),
      body: withoutUndefined({
        product_id: pick(record, 'product_id') ?? '0',
        product_title: pick(record, 'product_title'),
        product_handle: pick(record, 'product_handle'),
        rating: pick(record, 'rating'),
        author: record.author?.trim() ?? '',
        author_email: pick(record, 'author_email'),
        author_phone: pick(record, 'author_phone'),
        author_country: pick(record, 'author_country'),
        title: pick(record, 'title'),
        content: record.content,
        commented_at: normaliseDate(pick(record, 'commented_at')),
        item_type: pick(record, 'item_type'),
        source: pick(record, 'source'),
        tag: pick(record, 'tag'),
        order_id: pick(record, 'order_id'),
        is_verified: truthy(pick(record, 'is_verified')),
        is_featured: truthy(pick(record, 'is_featured')),
        is_published: truthy(pick(record, 'is_published')),
        is_top: truthy(pick(record, 'is_top')),
        is_incentivized: truthy(pick(record, 'is_incentivized')),
        incentive: pick(record, 'incentive'),
        reply: reply === undefined ? undefined : { content: reply, reply_at: normaliseDate(pick(record, 'reply_at')) },
        media: splitUrls(pick(record, 'media_urls'), /\s+/)?.map((url) => ({ url })),
      }),
    };
  },
};

/** Judge.me's review CSV (title, body, rating, review_date, curated, reviewer_name, …, picture_urls). */
const judgeme: FormatPreset = {
  requiredColumns: [['rating'], ['body'], ['reviewer_name']],
  map(record) {
    const reply = pick(record, 'reply');
    const productId = pick(record, 'product_id');
    const handle = pick(record, 'product_handle');
    return {
      originalId: pick(record, 'id', 'review_id'),
      handleOnly: productId === undefined ? handle : undefined,
      body: withoutUndefined({
        product_id: productId ?? '0',
        product_handle: handle,
        rating: pick(record, 'rating'),
        author: record.reviewer_name?.trim() ?? '',
        author_email: pick(record, 'reviewer_email'),
        title: pick(record, 'title'),
        content: record.body,
        commented_at: normaliseDate(pick(record, 'review_date')),
        source: 'CSV uploaded',
        is_published: truthy(pick(record, 'curated')),
        reply: reply === undefined ? undefined : { content: reply, reply_at: normaliseDate(pick(record, 'reply_date')) },
        media: splitUrls(pick(record, 'picture_urls'), /[,\s]+/)?.map((url) => ({ url })),
      }),
    };
  },
};

/** Yotpo's reviews export (review_title, review_content, review_score, display_name, …). */
const yotpo: FormatPreset = {
  requiredColumns: [['review_score'], ['review_content']],
  map(record) {
    const reply = pick(record, 'comment_content');
    const productId = pick(record, 'product_id', 'sku');
    // Yotpo files site reviews under a pseudo product.
    const isSite = productId === undefined || productId === 'yotpo_site_reviews' || /^site$/i.test(pick(record, 'review_type') ?? '');
    return {
      originalId: pick(record, 'review_id', 'id'),
      handleOnly: undefined,
      body: withoutUndefined({
        product_id: isSite ? '0' : productId,
        product_title: isSite ? undefined : pick(record, 'product_title'),
        product_url: isSite ? undefined : pick(record, 'product_url'),
        product_image: isSite ? undefined : pick(record, 'product_image_url'),
        rating: pick(record, 'review_score'),
        author: pick(record, 'display_name', 'reviewer_display_name') ?? '',
        author_email: pick(record, 'email', 'reviewer_email'),
        author_country: pick(record, 'md_customer_country', 'country'),
        title: pick(record, 'review_title'),
        content: record.review_content,
        commented_at: normaliseDate(pick(record, 'date', 'review_creation_date', 'created_at')),
        source: 'CSV uploaded',
        is_verified: truthy(pick(record, 'verified_purchase', 'verified_buyer')),
        is_published: truthy(pick(record, 'published')),
        reply: reply === undefined ? undefined : { content: reply, reply_at: normaliseDate(pick(record, 'comment_created_at')) },
        media: splitUrls(pick(record, 'published_image_url', 'images', 'image_urls'), /[,\s]+/)?.map((url) => ({ url })),
      }),
    };
  },
};

export const FORMAT_PRESETS: Record<ImportFormat, FormatPreset> = { plaudit, judgeme, yotpo };

/** Names the required columns a header row lacks (each inner list: any one of them). */
export function missingColumns(preset: FormatPreset, headers: readonly string[]): string[] {
  const present = new Set(headers);
  return preset.requiredColumns.filter((alternatives) => !alternatives.some((name) => present.has(name))).map((alternatives) => alternatives.join(' or '));
}
