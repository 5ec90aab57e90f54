import { format } from '../languages.js';
import { el, type ViewElement } from './node.js';
import { starsView } from './stars.js';
import { formatAverage, type ListState, type RatingSummary, type ViewContext } from './view-context.js';

/** One histogram row: "5 ★ [bar] 33 %", a filter button in the widget, its twin text in the fragment. */
function histogramRow(star: number, summary: RatingSummary, context: ViewContext, state: ListState | undefined, percentFormat: Intl.NumberFormat): ViewElement {
  const m = context.messages;
  const count = summary.stars[star - 1] ?? 0;
  const share = summary.count === 0 ? 0 : Math.round((count / summary.count) * 100);
  const percent = percentFormat.format(share / 100);
  const name = format(m.histogramRow, { stars: format(m.starsRow, { n: star }, m.locale), count: format(m.reviewsCount, { n: count }, m.locale), percent }, m.locale);
  const parts = [
    el('span', { class: 'pvh' }, name),
    el('span', { class: 'ps1', 'aria-hidden': 'true' }, `${star} `, el('span', null, '★')),
    el('meter', { min: 0, max: 100, value: share, 'aria-hidden': 'true' }),
    el('span', { class: 'pbp', 'aria-hidden': 'true' }, percent),
  ];
  const actions = context.actions;
  if (actions === undefined || state === undefined) return el('li', null, el('span', { class: 'pbar' }, parts));
  const pressed = state.star === star;
  return el('li', null, el('button', { type: 'button', class: 'pbar', 'aria-pressed': String(pressed), onclick: () => actions.filter(pressed ? undefined : star) }, parts));
}

/** The average, the count, the write button and the histogram (§12.2). */
export function summaryView(summary: RatingSummary, context: ViewContext, state?: ListState): ViewElement {
  const m = context.messages;
  const average = formatAverage(summary.rating, m.locale);
  // One formatter for the five rows: making one costs tens of microseconds.
  const percent = new Intl.NumberFormat(m.locale, { style: 'percent' });
  const write = context.actions?.write;
  return el(
    'section',
    { class: 'psum', 'aria-label': m.customerReviews },
    el(
      'div',
      { class: 'pavg' },
      el('p', { class: 'pscore' }, el('span', { class: 'pnum', 'aria-hidden': 'true' }, average), starsView(summary.rating, format(m.outOfFive, { rating: average }, m.locale))),
      el('p', { class: 'pm' }, format(m.reviewsCount, { n: summary.count }, m.locale)),
      write !== undefined
        ? el('button', { type: 'button', class: 'pbtn pri', onclick: write }, m.writeReview)
        : context.writeHref !== undefined && el('a', { class: 'pbtn pri', href: context.writeHref }, m.writeReview),
    ),
    summary.count > 0 && el('ol', { class: 'phist' }, [5, 4, 3, 2, 1].map((star) => histogramRow(star, summary, context, state, percent))),
  );
}
