import { format } from '@plaudit/review-view/languages';
import type { ViewMessages } from '@plaudit/review-view/messages/messages-type';
import { el, type ViewElement } from '@plaudit/review-view/view/node';
import { starsView } from '@plaudit/review-view/view/stars';
import type { ShopConfig } from './env.js';
import { api, events, openMedia } from './runtime.js';
import { ShadowElement } from './shadow-element.js';
import { SHOWCASE_CSS } from './styles.js';
import type { ReviewsPage, StorefrontReview } from './types.js';
import { viewRoot } from './view-root.js';

/**
 * Carousel and gallery: a row of whole cards or tiles that scrolls by pages with arrows and snaps to
 * item edges. Items are sized as fractions of the row (container queries), so none is ever cut off;
 * both have a fixed height (the page reserves it, §12.4) and read the shop's or one product's reviews.
 */
abstract class ShowcaseElement extends ShadowElement {
  constructor() {
    super(SHOWCASE_CSS);
  }

  protected scope(): Record<string, string> {
    const productId = this.getAttribute('product-id');
    return productId ? { product_id: productId } : { is_show_all: '1' };
  }

  /** A labelled scrolling row with previous/next buttons that are disabled at either end. */
  protected row(config: ShopConfig, m: ViewMessages, label: string, kind: 'pcards' | 'ptiles', items: ViewElement[]): void {
    const step = (direction: number) => {
      const track = this.root.querySelector<HTMLElement>('.ptrack');
      if (!track) return;
      const rtl = getComputedStyle(track).direction === 'rtl' ? -1 : 1;
      track.scrollBy({ left: direction * rtl * (track.clientWidth + 12), behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    };
    const arrow = (direction: number, text: string, glyph: string) => el('button', { type: 'button', class: `pbtn parrow ${direction < 0 ? 'pprev' : 'pnext'}`, 'aria-label': text, onclick: () => step(direction) }, el('span', { 'aria-hidden': 'true' }, glyph));
    this.show(
      viewRoot(
        config,
        m,
        el(
          'section',
          { class: 'pshow', 'aria-label': label },
          arrow(-1, m.previous, '‹'),
          el('ul', { class: `ptrack ${kind}`, role: 'list', tabindex: 0, 'aria-label': label, onscroll: () => this.updateArrows() }, items),
          arrow(1, m.next, '›'),
        ),
      ),
    );
    this.markRendered();
    requestAnimationFrame(() => this.updateArrows());
  }

  private updateArrows(): void {
    const track = this.root.querySelector<HTMLElement>('.ptrack');
    const [previous, next] = Array.from(this.root.querySelectorAll<HTMLButtonElement>('.parrow'));
    if (!track || !previous || !next) return;
    const position = Math.abs(track.scrollLeft);
    const end = track.scrollWidth - track.clientWidth;
    previous.disabled = position <= 1;
    next.disabled = position >= end - 1;
    // Hidden, not removed: the arrows' gutters keep the row's width, so nothing moves.
    this.root.querySelector('.pshow')?.toggleAttribute('data-still', end <= 1);
  }
}

function cardView(review: StorefrontReview, m: ViewMessages): ViewElement {
  const name = review.author || m.anonymous;
  return el(
    'li',
    { class: 'pcard' },
    starsView(review.star, format(m.outOfFive, { rating: review.star }, m.locale)),
    review.title !== '' && el('h3', { dir: 'auto' }, review.title),
    el('p', { class: 'pc', dir: 'auto' }, review.content),
    el(
      'p',
      { class: 'pa' },
      el('strong', { dir: 'auto' }, name),
      review.verified_badge === 1 && el('span', { class: 'pbadge' }, el('span', { 'aria-hidden': 'true' }, '✓'), m.verifiedBuyer),
      // A card is as much "where the review is shown" as the list: the disclosure travels with it.
      review.incentivized === 1 && el('span', { class: 'pbadge pbadge-inc' }, m.incentivized),
    ),
  );
}

/** `<plaudit-carousel>`: well-rated review cards in a row; it never moves by itself. */
export class CarouselElement extends ShowcaseElement {
  protected async start(): Promise<void> {
    const [m, config] = await Promise.all([api.messages(this), api.config()]);
    this.applyShopColours(config);
    const minRating = this.intAttribute('min-rating', 4, 1, 5);
    const data = await api.get<ReviewsPage>('/api/v1/reviews/get_product_reviews', { ...this.scope(), sort_by: 'rating-descending', limit: this.intAttribute('limit', 10, 1, 50) });
    this.row(config, m, m.customerReviews, 'pcards', data.list.filter((review) => review.star >= minRating).map((review) => cardView(review, m)));
    events.push({ event_type: 'VIEW_WIDGET', extra: { widget: 'carousel' } });
  }
}

/** `<plaudit-gallery>`: review photos in a row of tiles, each opening its review in the lightbox. */
export class GalleryElement extends ShowcaseElement {
  protected async start(): Promise<void> {
    const [m, config] = await Promise.all([api.messages(this), api.config()]);
    this.applyShopColours(config);
    const data = await api.get<ReviewsPage>('/api/v1/reviews/get_product_reviews', { ...this.scope(), has_media: 1, sort_by: 'created-descending', limit: this.intAttribute('limit', 24, 1, 50) });
    const tiles = data.list.flatMap((review) =>
      review.resources
        .map((resource, index) => ({ resource, index }))
        .filter(({ resource }) => resource.resource_type === 1)
        .map(({ resource, index }) =>
          el(
            'li',
            null,
            el(
              'button',
              { type: 'button', class: 'ptile', onclick: (event: Event) => void openMedia(this.root, review, index, m, event.currentTarget as HTMLElement) },
              el('img', { loading: 'lazy', alt: format(m.photoFrom, { name: review.author || m.anonymous }, m.locale), src: resource.thumb_src }),
            ),
          ),
        ),
    );
    if (tiles.length === 0) {
      this.show(viewRoot(config, m, el('p', { class: 'pm pnone' }, m.noPhotos)));
      this.markRendered();
    } else {
      this.row(config, m, m.customerPhotos, 'ptiles', tiles);
    }
    events.push({ event_type: 'VIEW_WIDGET', extra: { widget: 'gallery' } });
  }
}
