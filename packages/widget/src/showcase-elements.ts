import { format } from '@plaudit/review-view/messages';
import { starGlyphs } from '@plaudit/review-view/star-glyphs';
import { h } from './dom.js';
import { api, events, openMedia } from './runtime.js';
import { ShadowElement } from './shadow-element.js';
import { LIST_CSS } from './styles.js';
import type { ReviewsPage } from './types.js';

/** Carousel and gallery read the shop's or one product's reviews; both reserve their height until rendered (§12.4). */
abstract class ShowcaseElement extends ShadowElement {
  constructor() {
    super(LIST_CSS);
  }

  protected scope(): Record<string, string> {
    const productId = this.getAttribute('product-id');
    return productId ? { product_id: productId } : { is_show_all: '1' };
  }
}

/** `<plaudit-carousel>`: a scrolling row of well-rated review cards; it never moves by itself. */
export class CarouselElement extends ShowcaseElement {
  protected async start(): Promise<void> {
    const messages = await api.messages(this);
    this.applyShopColours(await api.config());
    const minRating = this.intAttribute('min-rating', 4, 1, 5);
    const data = await api.get<ReviewsPage>('/api/v1/reviews/get_product_reviews', { ...this.scope(), sort_by: 'rating-descending', limit: this.intAttribute('limit', 10, 1, 50) });
    const cards = data.list.filter((review) => review.star >= minRating);
    this.show(
      h(
        'div',
        { class: 'pv' },
        h(
          'ul',
          { class: 'row', role: 'list', 'aria-label': messages.customerReviews, tabindex: 0 },
          ...cards.map((review) =>
            h(
              'li',
              { class: 'card' },
              h('span', { class: 'ps', role: 'img', 'aria-label': format(messages.outOfFive, { rating: review.star }) }, starGlyphs(review.star)),
              h('p', null, h('strong', null, review.title || review.author || messages.anonymous)),
              h('p', null, review.content),
              h('p', { class: 'pm' }, review.author || messages.anonymous),
            ),
          ),
        ),
      ),
    );
    this.markRendered();
    events.push({ event_type: 'VIEW_WIDGET', extra: { widget: 'carousel' } });
  }
}

/** `<plaudit-gallery>`: a grid of review photos, each opening its review in the lightbox. */
export class GalleryElement extends ShowcaseElement {
  protected async start(): Promise<void> {
    const messages = await api.messages(this);
    this.applyShopColours(await api.config());
    const data = await api.get<ReviewsPage>('/api/v1/reviews/get_product_reviews', { ...this.scope(), has_media: 1, sort_by: 'created-descending', limit: this.intAttribute('limit', 24, 1, 50) });
    const tiles = data.list.flatMap((review) =>
      review.resources
        .map((resource, index) => ({ resource, index }))
        .filter(({ resource }) => resource.resource_type === 1)
        .map(({ resource, index }) =>
          h(
            'button',
            { type: 'button', onclick: (event) => void openMedia(this.root, review, index, messages, event.currentTarget as HTMLElement) },
            h('img', { loading: 'lazy', width: 120, height: 120, alt: format(messages.photoFrom, { name: review.author || messages.anonymous }), src: resource.thumb_src }),
          ),
        ),
    );
    this.show(h('div', { class: 'pv' }, tiles.length === 0 ? h('p', { class: 'pm' }, messages.noReviews) : h('div', { class: 'grid' }, ...tiles)));
    this.markRendered();
    events.push({ event_type: 'VIEW_WIDGET', extra: { widget: 'gallery' } });
  }
}
