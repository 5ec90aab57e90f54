import type { DateFormat } from '../review-date.js';
import type { ViewMessages } from '../messages/messages-type.js';
import type { StorefrontReview } from '../storefront-review.js';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** What the shopper can do in the widget; the server's fragment has no actions. */
export interface ListActions {
  write?: () => void;
  filter(star: number | undefined): void;
  togglePhotos(): void;
  sort(value: string): void;
  go(page: number): void;
  helpful(review: StorefrontReview, button: HTMLButtonElement): void;
  report(review: StorefrontReview, button: HTMLButtonElement): void;
  openMedia(review: StorefrontReview, index: number, opener: HTMLElement): void;
}

export interface ListState {
  page: number;
  star: number | undefined;
  withPhotos: boolean;
  sort: string;
}

/** Everything a list view needs besides its data. */
export interface ViewContext {
  messages: ViewMessages;
  dateFormat: DateFormat;
  nowSeconds: number;
  shopName: string;
  showHelpful: boolean;
  /** The widget's handlers; undefined when the server writes the fragment. */
  actions?: ListActions;
  /** The fragment's write-a-review link (the hosted page, §10), when the form is on. */
  writeHref?: string;
  /** The shop's "How reviews work" page (§10.1), linked under every list. */
  policyHref?: string;
}

export interface RatingSummary {
  rating: number;
  count: number;
  /** Reviews with 1 … 5 stars. */
  stars: readonly number[];
}

/** "3.7", "3,7": one decimal, in the page's language. */
export function formatAverage(rating: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating);
}
