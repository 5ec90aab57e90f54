/**
 * The storefront question of docs/reference/questions.md §7, as the server presents it and the
 * widget reads it. Types only: no e-mail address, status or moderation detail, ever.
 */
export interface StorefrontAnswer {
  id: number;
  content: string;
  /** The shop's name format applied; the store's answers carry its sender name. */
  author: string;
  /** `store` for the merchant's answers; `buyer` when an order of the author holds the product; else `shopper`. */
  badge: 'store' | 'buyer' | 'shopper';
  answered_at: string;
  helpful_count: number;
}

export interface StorefrontQuestion {
  id: number;
  content: string;
  author: string;
  asked_at: string;
  is_pinned: number;
  helpful_count: number;
  answers: StorefrontAnswer[];
}

export interface QuestionsPage {
  page: { cur_page: number; total_page: number; count: number };
  list: StorefrontQuestion[];
}
