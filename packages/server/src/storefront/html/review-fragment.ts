import type { ShopSettings } from '../../shops/shop-settings.js';
import { isRightToLeft, pickLanguage, type Messages } from '@plaudit/review-view/messages';
import type { StorefrontReview } from '../storefront-review.presenter.js';
import { renderHtml } from '@plaudit/review-view/view/html';
import { el } from '@plaudit/review-view/view/node';
import { reviewListView } from '@plaudit/review-view/view/review-list';
import { html, trusted } from './safe-html.js';
import { reviewViewCss } from '@plaudit/review-view/review-view-style';

/** Every selector starts with `.plaudit-ssr` (§8), so the fragment cannot restyle the host page. */
const FRAGMENT_STYLE = reviewViewCss('.plaudit-ssr');

export interface FragmentInput {
  shopId: string;
  shopName: string;
  productId: string;
  settings: ShopSettings;
  messages: Messages;
  rating: { value: number; count: number; stars: readonly [number, number, number, number, number] };
  reviews: readonly StorefrontReview[];
  jsonLd: string | undefined;
  nowSeconds: number;
  /** Where a shopper without JavaScript writes a review (the hosted page, §10); undefined when the form is off. */
  writeReviewUrl: string | undefined;
  /** Pages of the default order: the pager row is reserved for the widget that hydrates when there are several. */
  totalPages: number;
  showHelpful: boolean;
  /** The shop's "How reviews work" page (§10.1). */
  policyUrl: string;
}

/**
 * The server-rendered fragment of docs/reference/storefront.md §8: summary, histogram and the first page of
 * reviews as plain HTML, readable without JavaScript and by crawlers. It is the widget's own view
 * tree (review-view's view/), written as escaped HTML, so the widget that hydrates it moves nothing.
 */
export function renderReviewFragment(input: FragmentInput): string {
  const { messages } = input;
  const language = pickLanguage(messages.locale);
  // The shop's colours (validated #rrggbb) as the defaults behind the page's own custom properties.
  const colours = `.plaudit-ssr{--plaudit-shop-star-color:${input.settings.widget_star_color};--plaudit-shop-accent-color:${input.settings.widget_accent_color}}`;
  const context = {
    messages,
    dateFormat: input.settings.date_format,
    nowSeconds: input.nowSeconds,
    shopName: input.shopName,
    showHelpful: input.showHelpful,
    ...(input.writeReviewUrl === undefined ? {} : { writeHref: input.writeReviewUrl }),
    policyHref: input.policyUrl,
  };
  const page = { summary: { rating: input.rating.value, count: input.rating.count, stars: input.rating.stars }, reviews: input.reviews, totalPages: input.totalPages };
  const view = el('div', null, reviewListView(page, { page: 1, star: undefined, withPhotos: false, sort: 'comprehensive-descending' }, context));
  const body = view.children.map(renderHtml).join('\n');
  return html`<div class="plaudit-ssr" data-plaudit-shop-id="${input.shopId}" data-plaudit-product-id="${input.productId}" data-plaudit-count="${input.rating.count}" data-theme="${input.settings.widget_theme}" lang="${messages.locale}"${isRightToLeft(language) ? trusted(' dir="rtl"') : ''}>
<style>${trusted(colours + FRAGMENT_STYLE)}</style>
${trusted(body)}
${input.jsonLd === undefined ? '' : html`<script type="application/ld+json">${trusted(input.jsonLd)}</script>`}
</div>`.markup;
}
