import type { ShopSettings } from '../../shops/shop-settings.js';
import { format, type Messages } from '@plaudit/review-view/messages';
import type { StorefrontReview } from '../storefront-review.presenter.js';
import { formatReviewDate } from '@plaudit/review-view/review-date';
import { starGlyphs } from '@plaudit/review-view/star-glyphs';
import { html, type SafeHtml, trusted } from './safe-html.js';
import { reviewViewCss } from '@plaudit/review-view/review-view-style';

/** Every selector starts with `.plaudit-ssr` (§8), so the fragment cannot restyle the host page. */
const FRAGMENT_STYLE = reviewViewCss('.plaudit-ssr');

export interface FragmentInput {
  shopId: string;
  productId: string;
  settings: ShopSettings;
  messages: Messages;
  rating: { value: number; count: number; stars: readonly [number, number, number, number, number] };
  reviews: readonly StorefrontReview[];
  jsonLd: string | undefined;
  nowSeconds: number;
  /** Where a shopper without JavaScript writes a review (the hosted page, §10); undefined when the form is off. */
  writeReviewUrl: string | undefined;
  /** Whether a second page exists: the pager row is reserved for the widget that hydrates. */
  morePages: boolean;
  showHelpful: boolean;
}

function countLabel(messages: Messages, count: number): string {
  return count === 1 ? messages.reviewCountOne : format(messages.reviewsCount, { n: count });
}

function reviewItem(review: StorefrontReview, input: FragmentInput): SafeHtml {
  const { messages, settings } = input;
  const name = review.author === '' ? messages.anonymous : review.author;
  const details = [review.author_country, formatReviewDate(review.commented_at, settings.date_format, messages, input.nowSeconds)].filter((part) => part !== '');
  const images = review.resources.filter((resource) => resource.resource_type === 1);
  return html`<li class="pr" data-plaudit-review-id="${review.id}">
<p><span class="ps" role="img" aria-label="${format(messages.outOfFive, { rating: review.star })}">${starGlyphs(review.star)}</span> <strong>${name}</strong> <span class="pm">· ${details.join(' · ')}</span>${review.verified_badge === 1 ? html` · <span class="plaudit-verified">${messages.verifiedBuyer}</span>` : ''}</p>
${review.title === '' ? '' : html`<h3>${review.title}</h3>`}
<p>${review.content}</p>
${review.item_type === '' ? '' : html`<p class="pm">${review.item_type}</p>`}
${images.length === 0 ? '' : html`<p class="pmedia">${images.map((image) => html`<a href="${image.src}"><img loading="lazy" width="96" height="96" alt="${format(messages.photoFrom, { name })}" src="${image.thumb_src}"></a>`)}</p>`}
${review.reply_content === '' ? '' : html`<blockquote class="prep" aria-label="${messages.reply}">${review.reply_content}</blockquote>`}
${input.showHelpful ? html`<p class="ph pm">${format(messages.helpful, { n: review.helpful_count })}</p>` : ''}
</li>`;
}

/**
 * The server-rendered fragment of docs/reference/storefront.md §8: summary, histogram and the first page of
 * reviews as plain HTML, readable without JavaScript and by crawlers; every shopper string escaped.
 */
export function renderReviewFragment(input: FragmentInput): string {
  const { messages, rating } = input;
  const histogram = [5, 4, 3, 2, 1].map(
    (star) => html`<li>${star === 1 ? messages.starRowOne : format(messages.starsRow, { n: star })}: ${rating.stars[star - 1]}</li>`,
  );
  const average = rating.value.toFixed(1);
  // The shop's colours (validated #rrggbb) as the defaults behind the page's own custom properties.
  const colours = `.plaudit-ssr{--plaudit-shop-star-color:${input.settings.widget_star_color};--plaudit-shop-accent-color:${input.settings.widget_accent_color}}`;
  return html`<div class="plaudit-ssr" data-plaudit-shop-id="${input.shopId}" data-plaudit-product-id="${input.productId}" data-plaudit-count="${rating.count}">
<style>${trusted(colours + FRAGMENT_STYLE)}</style>
<section class="psum" aria-label="${messages.customerReviews}">
<p><span class="ps" aria-hidden="true">${starGlyphs(rating.value)}</span> <span>${format(messages.outOfFive, { rating: average })}</span> · <span>${countLabel(messages, rating.count)}</span></p>
<ol class="phist">${histogram}</ol>
</section>
<p class="pt">${input.writeReviewUrl === undefined ? '' : html`<a href="${input.writeReviewUrl}">${messages.writeReview}</a>`}</p>
${input.reviews.length === 0 ? html`<p class="pm">${messages.noReviews}</p>` : html`<ol class="pl">${input.reviews.map((review) => reviewItem(review, input))}</ol>`}
${input.morePages ? html`<p class="pp"></p>` : ''}
${input.jsonLd === undefined ? '' : html`<script type="application/ld+json">${trusted(input.jsonLd)}</script>`}
</div>`.markup;
}
