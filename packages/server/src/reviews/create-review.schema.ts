import { Type } from '@sinclair/typebox';
import { BodyFlag, BodyStoreId, BodyTime, EmailOrEmpty, HttpUrl, HttpUrlOrEmpty, Text } from '../http/wire-schemas.js';

/**
 * The fields of a new review as `create_review` takes them. The review importer checks every CSV
 * row against the same schema, so a row and an API call store the same review.
 */
const FormatAMedia = Type.Object(
  {
    images: Type.Optional(Type.Array(HttpUrl(), { maxItems: 10, 'x-reasons': { maxItems: 'must have at most 10 images' } })),
    thumbnails: Type.Optional(Type.Array(HttpUrlOrEmpty(), { maxItems: 10, 'x-reasons': { maxItems: 'must have at most 10 items' } })),
    video: Type.Optional(HttpUrlOrEmpty('one video, or ""')),
    video_thumbnail: Type.Optional(HttpUrlOrEmpty()),
  },
  { title: 'Media (format A)', additionalProperties: false },
);

const FormatBItemSchema = Type.Object(
  {
    url: HttpUrl(),
    thumbnail_url: Type.Optional(HttpUrlOrEmpty()),
    type: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)], { 'x-reason': 'must be 1 (image) or 2 (video)' })),
    is_published: Type.Optional(BodyFlag()),
  },
  { additionalProperties: false },
);

export const CreateReviewBody = Type.Object(
  {
    product_id: Type.Optional(BodyStoreId('product id; 0, "0", "" or absent for a store review', true)),
    rating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.String({ pattern: '^[1-5]$' })], { 'x-reason': 'must be an integer from 1 to 5' }),
    author: Text(120, { description: 'reviewer name; "" for anonymous' }),
    author_email: Type.Optional(EmailOrEmpty),
    author_phone: Type.Optional(Text(32)),
    author_country: Type.Optional(Type.String({ format: 'country-code', 'x-reason': 'must be a two-letter country code or ""' })),
    title: Type.Optional(Text(300)),
    content: Type.Optional(Text(10_000)),
    commented_at: Type.Optional(BodyTime('when the reviewer wrote it; default now')),
    item_type: Type.Optional(Text(120)),
    source: Type.Optional(Text(64, { description: 'default "Open API"' })),
    tag: Type.Optional(Text(255)),
    order_id: Type.Optional(BodyStoreId('store-platform order id, or ""', true)),
    is_verified: Type.Optional(BodyFlag()),
    is_featured: Type.Optional(BodyFlag()),
    is_published: Type.Optional(BodyFlag('default: the shop\'s auto-publish rule')),
    is_top: Type.Optional(BodyFlag()),
    is_incentivized: Type.Optional(BodyFlag('1 when the reviewer received something for the review (a discount, a gift, free product); shown with the review (Plaudit extension)')),
    incentive: Type.Optional(Text(200, { description: 'what the reviewer received, e.g. "10% off their next order"; implies is_incentivized 1 (Plaudit extension)' })),
    reply: Type.Optional(
      Type.Union([Type.Object({ content: Text(10_000), reply_at: Type.Optional(BodyTime('default now')) }, { additionalProperties: false }), Type.Null()], {
        'x-reason': 'must be an object {content, reply_at} or null',
      }),
    ),
    media: Type.Optional(
      Type.Union([FormatAMedia, Type.Array(FormatBItemSchema, { maxItems: 11 }), Type.Null()], {
        'x-reason': 'must be an object {images, thumbnails, video, video_thumbnail} or an array of {url, thumbnail_url, type, is_published}',
      }),
    ),
    product_title: Type.Optional(Text(255)),
    product_handle: Type.Optional(Text(255)),
    product_url: Type.Optional(HttpUrl()),
    product_image: Type.Optional(HttpUrl()),
  },
  { additionalProperties: false },
);
