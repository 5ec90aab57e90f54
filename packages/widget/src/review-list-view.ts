import { format, type Messages } from '@plaudit/review-view/messages';
import { formatReviewDate } from '@plaudit/review-view/review-date';
import { starGlyphs } from '@plaudit/review-view/star-glyphs';
import { h } from './dom.js';
import type { ShopConfig } from './env.js';
import type { ReviewsPage, StorefrontReview } from './types.js';

export interface ListState {
  page: number;
  star: number | undefined;
  withPhotos: boolean;
  sort: string;
}

export interface ListActions {
  write?: () => void;
  filter(star: number | undefined): void;
  togglePhotos(): void;
  sort(value: string): void;
  go(page: number): void;
  helpful(review: StorefrontReview, button: HTMLButtonElement): void;
  openMedia(review: StorefrontReview, index: number, opener: HTMLElement): void;
}

const SORTS: Array<[string, keyof Messages]> = [
  ['comprehensive-descending', 'sortComprehensive'],
  ['created-descending', 'sortNewest'],
  ['rating-descending', 'sortHighest'],
  ['rating-ascending', 'sortLowest'],
  ['image-descending', 'sortPhotos'],
];

const countLabel = (m: Messages, n: number) => (n === 1 ? m.reviewCountOne : format(m.reviewsCount, { n }));

function reviewItem(review: StorefrontReview, m: Messages, config: ShopConfig, actions: ListActions): HTMLLIElement {
  const name = review.author || m.anonymous;
  const details = [review.author_country, formatReviewDate(review.commented_at, config.date_format, m, Date.now() / 1000)].filter(Boolean);
  const images = review.resources.filter((resource) => resource.resource_type === 1);
  const helpful = h('button', { type: 'button', 'aria-pressed': 'false', onclick: (event) => actions.helpful(review, event.currentTarget as HTMLButtonElement) }, format(m.helpful, { n: review.helpful_count }));
  // The same rows, in the same order and with the same spaces, as the server fragment (§8), so hydration moves nothing.
  return h(
    'li',
    { class: 'pr', 'data-plaudit-review-id': review.id },
    h('p', null, h('span', { class: 'ps', role: 'img', 'aria-label': format(m.outOfFive, { rating: review.star }) }, starGlyphs(review.star)), ' ', h('strong', null, name), ' ', h('span', { class: 'pm' }, `· ${details.join(' · ')}`), review.verified_badge === 1 && ' · ', review.verified_badge === 1 && h('span', { class: 'plaudit-verified', title: review.verification_method }, m.verifiedBuyer)),
    review.title && h('h3', null, review.title),
    h('p', null, review.content),
    review.item_type && h('p', { class: 'pm' }, review.item_type),
    images.length > 0 &&
      h(
        'p',
        { class: 'pmedia' },
        ...images.map((image, index) =>
          h(
            'a',
            {
              href: image.src,
              onclick: (event) => {
                event.preventDefault();
                actions.openMedia(review, index, event.currentTarget as HTMLElement);
              },
            },
            h('img', { loading: 'lazy', width: 96, height: 96, alt: format(m.photoFrom, { name }), src: image.thumb_src }),
          ),
        ),
      ),
    review.reply_content && h('blockquote', { class: 'prep', 'aria-label': m.reply }, review.reply_content),
    config.helpful_votes_enabled === 1 && h('p', { class: 'ph pm' }, helpful),
  );
}

/** Summary, toolbar, list and pager of §12.2 `<plaudit-reviews>`, in the fragment's layout. */
export function renderReviewList(data: ReviewsPage, state: ListState, m: Messages, config: ShopConfig, actions: ListActions): HTMLElement {
  const s = data.summary;
  const stars = [s.star1_count, s.star2_count, s.star3_count, s.star4_count, s.star5_count];
  const starFilter = h(
    'select',
    { 'aria-label': m.allStars, onchange: (event) => actions.filter(Number((event.target as HTMLSelectElement).value) || undefined) },
    h('option', { value: '' }, m.allStars),
    ...[5, 4, 3, 2, 1].map((star) => h('option', { value: star, selected: state.star === star }, star === 1 ? m.starRowOne : format(m.starsRow, { n: star }))),
  );
  const sort = h('select', { 'aria-label': m.sortBy, onchange: (event) => actions.sort((event.target as HTMLSelectElement).value) }, ...SORTS.map(([value, label]) => h('option', { value, selected: state.sort === value }, m[label])));
  const pages = data.page.total_page;
  return h(
    'div',
    { class: 'pv' },
    h(
      'section',
      { class: 'psum', 'aria-label': m.customerReviews },
      h('p', null, h('span', { class: 'ps', 'aria-hidden': 'true' }, starGlyphs(s.rating)), ' ', h('span', null, format(m.outOfFive, { rating: s.rating.toFixed(1) })), ' · ', h('span', null, countLabel(m, s.total_reviews))),
      h('ol', { class: 'phist' }, ...[5, 4, 3, 2, 1].map((star) => h('li', null, `${star === 1 ? m.starRowOne : format(m.starsRow, { n: star })}: ${stars[star - 1]}`))),
    ),
    h(
      'p',
      { class: 'pt' },
      actions.write && h('button', { type: 'button', onclick: actions.write }, m.writeReview),
      starFilter,
      h('button', { type: 'button', 'aria-pressed': String(state.withPhotos), onclick: actions.togglePhotos }, m.withPhotos),
      sort,
    ),
    data.list.length === 0 ? h('p', { class: 'pm' }, m.noReviews) : h('ol', { class: 'pl' }, ...data.list.map((review) => reviewItem(review, m, config, actions))),
    pages > 1 &&
      h(
        'p',
        { class: 'pp' },
        h('button', { type: 'button', disabled: state.page <= 1, onclick: () => actions.go(state.page - 1) }, m.previous),
        h('span', { 'aria-live': 'polite' }, format(m.pageOf, { n: state.page, total: pages })),
        h('button', { type: 'button', disabled: state.page >= pages, onclick: () => actions.go(state.page + 1) }, m.next),
      ),
  );
}
