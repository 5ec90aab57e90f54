import { format } from '../languages.js';
import { formatReviewDate } from '../review-date.js';
import type { StorefrontResource, StorefrontReview } from '../storefront-review.js';
import { el, type ViewElement } from './node.js';
import { starsView } from './stars.js';
import type { ViewContext } from './view-context.js';

/** Longer texts are cut to five lines with "Read more"; decided by length so both renderers agree. */
export const LONG_REVIEW_CHARACTERS = 320;

const IMAGE = 1;
const VIDEO = 2;

function mediaView(review: StorefrontReview, name: string, context: ViewContext): ViewElement | false {
  const m = context.messages;
  const shown = review.resources.map((resource, index) => ({ resource, index })).filter(({ resource }) => resource.resource_type === IMAGE || resource.resource_type === VIDEO);
  if (shown.length === 0) return false;
  const tile = (resource: StorefrontResource, index: number) => {
    const video = resource.resource_type === VIDEO;
    const alt = format(video ? m.videoFrom : m.photoFrom, { name }, m.locale);
    const actions = context.actions;
    return el(
      'a',
      {
        href: resource.src,
        ...(video && resource.thumb_src === '' ? { 'aria-label': alt } : {}),
        onclick: actions && ((event: Event) => {
          event.preventDefault();
          actions.openMedia(review, index, event.currentTarget as HTMLElement);
        }),
      },
      resource.thumb_src === '' ? el('span', { class: 'pvid' }) : el('img', { loading: 'lazy', width: 88, height: 88, alt, src: resource.thumb_src }),
      video && el('span', { class: 'pplay', 'aria-hidden': 'true' }, '▶'),
    );
  };
  return el('div', { class: 'pmedia' }, shown.map(({ resource, index }) => tile(resource, index)));
}

/**
 * The row under a review: the helpful vote when the shop has it, and "Report" on every review
 * (docs/reference/storefront.md §6.1). The server's fragment writes the same row with inert controls, so the
 * widget's list replaces it without moving anything (CLS 0).
 */
function actionsView(review: StorefrontReview, name: string, context: ViewContext): ViewElement {
  const m = context.messages;
  const label = format(m.helpful, { n: review.helpful_count }, m.locale);
  const actions = context.actions;
  const helpful = actions
    ? el('button', { type: 'button', class: 'pbtn sm', 'aria-pressed': 'false', onclick: (event: Event) => actions.helpful(review, event.currentTarget as HTMLButtonElement) }, label)
    : el('span', { class: 'pbtn sm' }, label);
  const report = actions
    ? el('button', { type: 'button', class: 'prpt', 'aria-label': format(m.reportReview, { name }, m.locale), 'aria-haspopup': 'dialog', onclick: (event: Event) => actions.report(review, event.currentTarget as HTMLButtonElement) }, m.report)
    : el('span', { class: 'prpt' }, m.report);
  return el('p', { class: 'ph' }, context.showHelpful && el('span', { class: 'pm' }, m.wasHelpful), context.showHelpful && helpful, report);
}

/** What the verified badge vouches for, by how the review was verified. */
function verificationMeaning(review: StorefrontReview, m: ViewContext['messages']): string {
  if (review.verification_method === 'order') return m.verifiedByOrder;
  if (review.verification_method === 'import') return m.verifiedByImport;
  return m.verifiedMeaning;
}

/**
 * The incentive disclosure, on its own line under the author so it cannot be missed (the FTC rule
 * asks for a clear and conspicuous disclosure), its meaning on hover and focus like the badge's.
 */
function incentiveView(review: StorefrontReview, context: ViewContext): ViewElement {
  const m = context.messages;
  const tipId = `plaudit-incentive-${review.id}`;
  const meaning = review.incentive === '' ? m.incentiveMeaningGeneric : format(m.incentiveMeaning, { incentive: review.incentive }, m.locale);
  return el('p', { class: 'pinc' }, el('span', { class: 'pbadge pbadge-inc', tabindex: 0, 'aria-describedby': tipId }, m.incentivized, el('span', { class: 'ptip', role: 'tooltip', id: tipId }, meaning)));
}

/**
 * One review: stars and date, author and badge, title, text, photos, the shop's reply, helpful and report.
 * Shopper text carries `dir="auto"`: an English review in an Arabic widget reads left to right.
 */
export function reviewCardView(review: StorefrontReview, context: ViewContext): ViewElement {
  const m = context.messages;
  const name = review.author === '' ? m.anonymous : review.author;
  const long = review.content.length > LONG_REVIEW_CHARACTERS;
  const moreId = `plaudit-more-${review.id}`;
  const badgeId = `plaudit-verified-${review.id}`;
  return el(
    'li',
    { class: long ? 'pr plong' : 'pr', 'data-plaudit-review-id': review.id },
    el('div', { class: 'prh' }, starsView(review.star, format(m.outOfFive, { rating: review.star }, m.locale)), el('time', { class: 'pm', datetime: review.commented_at.slice(0, 10) }, formatReviewDate(review.commented_at, context.dateFormat, m.locale, context.nowSeconds))),
    el(
      'p',
      { class: 'pa' },
      el('strong', { dir: 'auto' }, name),
      review.verified_badge === 1 &&
        el('span', { class: 'pbadge', tabindex: 0, 'aria-describedby': badgeId }, el('span', { 'aria-hidden': 'true' }, '✓'), m.verifiedBuyer, el('span', { class: 'ptip', role: 'tooltip', id: badgeId }, verificationMeaning(review, m))),
      review.author_country !== '' && el('span', { class: 'pm' }, review.author_country),
    ),
    review.incentivized === 1 && incentiveView(review, context),
    review.title !== '' && el('h3', { dir: 'auto' }, review.title),
    long && el('input', { type: 'checkbox', class: 'pmt', id: moreId }),
    el('p', { class: 'pc', dir: 'auto' }, review.content),
    long && el('label', { class: 'pmore', for: moreId }, el('span', { class: 'pl0' }, m.readMore), el('span', { class: 'pl1' }, m.showLess)),
    review.item_type !== '' && el('p', { class: 'pm pitem', dir: 'auto' }, review.item_type),
    mediaView(review, name, context),
    review.reply_content !== '' && el('blockquote', { class: 'prep' }, el('p', { class: 'preh' }, format(m.replyFrom, { shop: context.shopName }, m.locale)), el('p', { class: 'pc', dir: 'auto' }, review.reply_content)),
    actionsView(review, name, context),
  );
}
