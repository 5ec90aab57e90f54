import { Type, type Static } from '@sinclair/typebox';

/** docs/reference/questions.md §2: a question's life. Shoppers see a question once it is published and answered. */
export const QUESTION_STATUSES = ['pending', 'published', 'hidden'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Who wrote an answer: the store, someone who bought the product, or any other shopper. */
export const AUTHOR_KINDS = ['merchant', 'buyer', 'shopper'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

const Status = (what: string) => Type.Union(QUESTION_STATUSES.map((status) => Type.Literal(status)), { description: `pending (held by the moderation rules), published or hidden: shoppers see ${what}` });
const Reasons = Type.Array(Type.String(), { description: 'the moderation rules that held the text or masked part of it (docs/reference/moderation.md)' });

/** The Answer object of docs/reference/questions.md §2: the response schema doubles as the output allow-list. */
export const AnswerSchema = Type.Object(
  {
    id: Type.Integer(),
    question_id: Type.Integer(),
    content: Type.String(),
    author_name: Type.String(),
    author_email: Type.String({ description: '"" when none was given; never shown on the storefront' }),
    author_kind: Type.Union(AUTHOR_KINDS.map((kind) => Type.Literal(kind))),
    is_verified_buyer: Type.Integer({ description: '1 when an order of the author holds the product' }),
    status: Status('published answers'),
    moderation_reasons: Reasons,
    helpful_count: Type.Integer(),
    created_at: Type.String({ description: 'RFC 3339' }),
    updated_at: Type.String({ description: 'RFC 3339' }),
  },
  { title: 'Answer' },
);
export type Answer = Static<typeof AnswerSchema>;

export const QuestionSchema = Type.Object(
  {
    id: Type.Integer(),
    product_id: Type.String(),
    content: Type.String(),
    asker_name: Type.String(),
    asker_email: Type.String({ description: '"" when none was given; never shown on the storefront' }),
    status: Status('published questions that have a published answer'),
    moderation_reasons: Reasons,
    is_pinned: Type.Integer({ description: '1: listed first on the storefront' }),
    source: Type.String({ description: 'storefront, api or import' }),
    answer_count: Type.Integer({ description: 'published answers' }),
    helpful_count: Type.Integer(),
    answers: Type.Array(AnswerSchema, { description: 'every answer, oldest first, whatever its status' }),
    created_at: Type.String({ description: 'RFC 3339' }),
    updated_at: Type.String({ description: 'RFC 3339; moves with every change to the question or its answers' }),
    answered_at: Type.Union([Type.String({ description: 'RFC 3339' }), Type.Null()], { description: 'when its first published answer appeared' }),
    deleted_at: Type.Optional(Type.String({ description: 'RFC 3339; present only on tombstones' })),
  },
  { title: 'Question' },
);
export type Question = Static<typeof QuestionSchema>;
