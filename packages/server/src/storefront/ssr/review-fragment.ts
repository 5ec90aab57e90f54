import type { ShopSettings } from '../../shops/shop-settings.js';
import { format, type Messages } from '../i18n/messages.js';
import type { StorefrontReview } from '../storefront-review.presenter.js';
import { formatReviewDate } from './review-date.js';
import { html, type SafeHtml, trusted } from './safe-html.js';

/** Every selector starts with `.plaudit-ssr` (§8), so the fragment cannot restyle the host page. */
const FRAGMENT_STYLE = [
  '.plaudit-ssr{font:inherit;color:inherit;line-height:1.5}',
  '.plaudit-ssr .plaudit-stars{color:#c27803;letter-spacing:1px}',
  '.plaudit-ssr ol{list-style:none;margin:0;padding:0}',
  '.plaudit-ssr .plaudit-review{border-top:1px solid #e5e7eb;padding:12px 0}',
  '.plaudit-ssr .plaudit-review h3{font-size:1em;margin:4px 0}',
  '.plaudit-ssr .plaudit-review p{margin:4px 0}',
  '.plaudit-ssr .plaudit-muted{color:#6b7280}',
  '.plaudit-ssr .plaudit-media{display:flex;gap:8px;flex-wrap:wrap}',
  '.plaudit-ssr .plaudit-media img{width:96px;height:96px;object-fit:cover;border-radius:6px}',
  '.plaudit-ssr .plaudit-reply{margin:8px 0 0;padding:8px 12px;border-left:3px solid #e5e7eb;color:#374151}',
].join('');

export interface FragmentInput {
  shopId: string;
  productId: string;
  settings: ShopSettings;
  messages: Messages;
  rating: { value: number; count: number; stars: readonly [number, number, number, number, number] };
  reviews: readonly StorefrontReview[];
  jsonLd: string | undefined;
  nowSeconds: number;
}

export function starGlyphs(rating: number): string {
  const full = Math.round(rating);
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

function countLabel(messages: Messages, count: number): string {
  return count === 1 ? messages.reviewCountOne : format(messages.reviewsCount, { n: count });
}

function reviewItem(review: StorefrontReview, input: FragmentInput): SafeHtml {
  const { messages, settings } = input;
  const name = review.author === '' ? messages.anonymous : review.author;
  const details = [review.author_country, formatReviewDate(review.commented_at, settings.date_format, messages, input.nowSeconds)].filter((part) => part !== '');
  const images = review.resources.filter((resource) => resource.resource_type === 1);
  return html`<li class="plaudit-review" data-plaudit-review-id="${review.id}">
<p><span class="plaudit-stars" role="img" aria-label="${format(messages.outOfFive, { rating: review.star })}">${starGlyphs(review.star)}</span> <strong>${name}</strong> <span class="plaudit-muted">· ${details.join(' · ')}</span>${review.verified_badge === 1 ? html` · <span class="plaudit-verified">${messages.verifiedBuyer}</span>` : ''}</p>
${review.title === '' ? '' : html`<h3>${review.title}</h3>`}
<p>${review.content}</p>
${review.item_type === '' ? '' : html`<p class="plaudit-muted">${review.item_type}</p>`}
${images.length === 0 ? '' : html`<p class="plaudit-media">${images.map((image) => html`<a href="${image.src}"><img loading="lazy" width="96" height="96" alt="${format(messages.photoFrom, { name })}" src="${image.thumb_src}"></a>`)}</p>`}
${review.reply_content === '' ? '' : html`<blockquote class="plaudit-reply" aria-label="${messages.reply}">${review.reply_content}</blockquote>`}
</li>`;
}

/**
 * The server-rendered fragment of storefront.md §8: summary, histogram and the first page of
 * reviews as plain HTML, readable without JavaScript and by crawlers; every shopper string escaped.
 */
export function renderReviewFragment(input: FragmentInput): string {
  const { messages, rating } = input;
  const histogram = [5, 4, 3, 2, 1].map(
    (star) => html`<li>${star === 1 ? messages.starRowOne : format(messages.starsRow, { n: star })}: ${rating.stars[star - 1]}</li>`,
  );
  const average = rating.value.toFixed(1);
  return html`<div class="plaudit-ssr" data-plaudit-shop-id="${input.shopId}" data-plaudit-product-id="${input.productId}" data-plaudit-count="${rating.count}">
<style>${trusted(FRAGMENT_STYLE)}</style>
<section class="plaudit-summary" aria-label="${messages.customerReviews}">
<p><span class="plaudit-stars" aria-hidden="true">${starGlyphs(rating.value)}</span> <span>${format(messages.outOfFive, { rating: average })}</span> · <span>${countLabel(messages, rating.count)}</span></p>
<ol class="plaudit-histogram">${histogram}</ol>
</section>
${input.reviews.length === 0 ? html`<p class="plaudit-muted">${messages.noReviews}</p>` : html`<ol class="plaudit-list">${input.reviews.map((review) => reviewItem(review, input))}</ol>`}
${input.jsonLd === undefined ? '' : html`<script type="application/ld+json">${trusted(input.jsonLd)}</script>`}
</div>`.markup;
}
