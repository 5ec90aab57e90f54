import { MODERATION_REASONS, MODERATION_STATUSES } from '../moderation/moderation-decision.js';
import { Type, type Static } from '@sinclair/typebox';

/** The Review object of docs/reference/reviews.md §2: the response schema doubles as the output allow-list. */

export const MediaSchema = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  thumbnail_url: Type.String(),
  type: Type.Integer({ description: '1 image, 2 video' }),
  is_published: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
});

export const ReplySchema = Type.Object({
  content: Type.String(),
  reply_at: Type.String({ description: 'YYYY-MM-DD HH:MM:SS, UTC' }),
});

const DeciderSchema = Type.Object(
  {
    kind: Type.String({ description: 'system (the moderation rules), shop_api, platform, merchant, import' }),
    id: Type.String({ description: "the platform's client id, the merchant's id, moderation_rules; '' for the shop's API" }),
    name: Type.String(),
  },
  { title: 'Decider' },
);

/** docs/reference/moderation.md §2 (Plaudit extension). */
export const ModerationSchema = Type.Object(
  {
    status: Type.Union(MODERATION_STATUSES.map((status) => Type.Literal(status)), { description: 'approved (published), held (waiting for the merchant) or rejected' }),
    reasons: Type.Array(Type.Union(MODERATION_REASONS.map((reason) => Type.Literal(reason))), { description: 'the rules that held the review, or acted on it (personal_data_masked)' }),
    decided_by: Type.Union([DeciderSchema, Type.Null()], { description: 'null while held, and for reviews decided before moderation was recorded' }),
    decided_at: Type.Union([Type.String({ description: 'RFC 3339' }), Type.Null()]),
  },
  { title: 'Moderation', description: 'Plaudit extension: the moderation decision' },
);

export const ReviewSchema = Type.Object(
  {
    id: Type.Integer(),
    product_id: Type.String({ description: '"0" for a store review' }),
    product_title: Type.String(),
    product_handle: Type.String(),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    author: Type.String(),
    author_email: Type.String(),
    author_phone: Type.String(),
    author_country: Type.String(),
    title: Type.String(),
    content: Type.String(),
    commented_at: Type.String({ description: 'YYYY-MM-DD HH:MM:SS, UTC' }),
    item_type: Type.String(),
    source: Type.String(),
    tag: Type.String(),
    order_id: Type.String(),
    is_verified: Type.Integer(),
    is_featured: Type.Integer(),
    is_published: Type.Integer(),
    is_top: Type.Integer(),
    media: Type.Array(MediaSchema),
    reply: Type.Union([ReplySchema, Type.Null()]),
    reply_content: Type.String({ description: 'the reply\'s text, "" when there is none (for clients of the older review list)' }),
    images: Type.Array(Type.String(), { description: 'URLs of the published images, in order (for clients of the older review list)' }),
    verification_method: Type.String({ description: 'order | import | platform | none (Plaudit extension)' }),
    is_incentivized: Type.Integer({ description: '1 when the reviewer received an incentive, disclosed with the review (Plaudit extension)' }),
    incentive: Type.String({ description: 'what the reviewer received, or "" (Plaudit extension)' }),
    helpful_count: Type.Integer(),
    moderation: ModerationSchema,
    created_at: Type.String({ description: 'RFC 3339' }),
    updated_at: Type.String({ description: 'RFC 3339' }),
    deleted_at: Type.Optional(Type.String({ description: 'RFC 3339; present only on tombstones' })),
  },
  { title: 'Review' },
);
export type Review = Static<typeof ReviewSchema>;

export const RatingSchema = Type.Object(
  {
    rating_value: Type.String({ description: 'mean rating rounded half up to 2 decimals, no trailing zeros; "0" when none' }),
    review_count: Type.Integer(),
    star1_count: Type.Integer(),
    star2_count: Type.Integer(),
    star3_count: Type.Integer(),
    star4_count: Type.Integer(),
    star5_count: Type.Integer(),
  },
  { title: 'Rating' },
);
export type Rating = Static<typeof RatingSchema>;
