import { MediaUrls } from '../media/media-urls.js';
import { Type } from '@sinclair/typebox';
import { defineOperation } from '../http/operation.js';
import type { FieldError } from '../http/errors.js';
import { BodyFlag, BodyStoreId, BodyTime, HttpUrl, HttpUrlOrEmpty, Text } from '../http/wire-schemas.js';
import { createReview } from './create-review.service.js';
import { newReviewFromBody } from './create-review.input.js';

const EmailOrEmpty = Type.String({ format: 'email-address', maxLength: 254, 'x-reason': 'must be a valid e-mail address or ""' });

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

export const createReviewOperation = defineOperation({
  operation: 'create_review',
  method: 'POST',
  scope: 'write_reviews',
  summary: 'Create Review',
  description: 'Creates a product review, or a store review when product_id is 0. `media` is format A (object) or format B (array).',
  tags: ['Reviews'],
  body: CreateReviewBody,
  data: Type.Object({ id: Type.String({ description: 'the new review id as a decimal string' }) }),
  async handler({ actor, body, db, deps }) {
    const errors: FieldError[] = [];
    const input = newReviewFromBody(body, errors);
    const id = await createReview(db, actor, input, { mediaUrls: MediaUrls.of(deps.config), storage: deps.storage, nowMs: deps.clock.now() }, errors);
    return { id: String(id) };
  },
});
