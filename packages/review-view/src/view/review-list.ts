import { format } from '../languages.js';
import type { ViewMessages } from '../messages/messages-type.js';
import type { StorefrontReview } from '../storefront-review.js';
import { el, type ViewChild, type ViewElement } from './node.js';
import { pagerView } from './pager.js';
import { reviewCardView } from './review-card.js';
import { starsView } from './stars.js';
import { summaryView } from './summary.js';
import type { ListActions, ListState, RatingSummary, ViewContext } from './view-context.js';

const SORTS: ReadonlyArray<[string, keyof ViewMessages]> = [
  ['comprehensive-descending', 'sortComprehensive'],
  ['created-descending', 'sortNewest'],
  ['rating-descending', 'sortHighest'],
  ['rating-ascending', 'sortLowest'],
  ['image-descending', 'sortPhotos'],
];

function toolbarView(state: ListState, m: ViewMessages, actions: ListActions): ViewElement {
  return el(
    'div',
    { class: 'pt' },
    el(
      'select',
      { 'aria-label': m.allStars, onchange: (event: Event) => actions.filter(Number((event.target as HTMLSelectElement).value) || undefined) },
      el('option', { value: '' }, m.allStars),
      [5, 4, 3, 2, 1].map((star) => el('option', { value: star, selected: state.star === star }, format(m.starsRow, { n: star }, m.locale))),
    ),
    el('button', { type: 'button', class: 'pbtn', 'aria-pressed': String(state.withPhotos), onclick: actions.togglePhotos }, m.withPhotos),
    el('select', { class: 'psort', 'aria-label': m.sortBy, onchange: (event: Event) => actions.sort((event.target as HTMLSelectElement).value) }, SORTS.map(([value, label]) => el('option', { value, selected: state.sort === value }, m[label]))),
  );
}

function emptyView(summary: RatingSummary, m: ViewMessages): ViewElement {
  return el('div', { class: 'pempty' }, starsView(0), el('strong', null, m.noReviews), summary.count === 0 && el('p', { class: 'pm' }, m.firstReview));
}

export interface ListPage {
  summary: RatingSummary;
  reviews: readonly StorefrontReview[];
  totalPages: number;
}

/**
 * Summary, toolbar, reviews and pager (§12.2). With actions (the widget) the toolbar and pager
 * are controls; without (the server's fragment) their rows are reserved at the same height, so the
 * widget that hydrates the fragment fills them without moving anything.
 */
export function reviewListView(page: ListPage, state: ListState, context: ViewContext): ViewChild[] {
  const m = context.messages;
  const actions = context.actions;
  const hasReviews = page.summary.count > 0;
  return [
    summaryView(page.summary, context, state),
    hasReviews && (actions ? toolbarView(state, m, actions) : el('div', { class: 'pt' })),
    page.reviews.length === 0 ? emptyView(page.summary, m) : el('ol', { class: 'pl' }, page.reviews.map((review) => reviewCardView(review, context))),
    pagerView(state.page, page.totalPages, m, actions && ((to) => actions.go(to))),
    // Shoppers may ask how the reviews they read were collected and checked; the answer is one link away.
    context.policyHref !== undefined && el('p', { class: 'ppol' }, el('a', { href: context.policyHref }, m.policyLink)),
  ];
}
