import type { Messages } from '@plaudit/review-view/messages';
import type { ShopConfig } from './env.js';
import { deviceId } from './identity.js';
import { type ListActions, type ListState, renderReviewList } from './review-list-view.js';
import { api, events, loadChunk, openMedia } from './runtime.js';
import { ShadowElement } from './shadow-element.js';
import { LIST_CSS } from './styles.js';
import type { ReviewsPage, StorefrontReview } from './types.js';
import type { openWriteForm } from './chunks/write-form.js';

/**
 * `<plaudit-reviews>` (and `<plaudit-all-reviews>`, §12.2): summary, filters, sort, paging, photos
 * in a lightbox, helpful votes and the write-a-review form. Over a server fragment (§12.4) the
 * fragment stays visible through a slot until the first page is rendered in its exact layout.
 */
export class ReviewsElement extends ShadowElement {
  protected allReviews = false;
  private state: ListState = { page: 1, star: undefined, withPhotos: false, sort: 'comprehensive-descending' };
  private messages!: Messages;
  private config!: ShopConfig;

  constructor() {
    super(LIST_CSS);
  }

  /** Over a server fragment, the fragment stays visible through a slot and no height is reserved. */
  protected override prepare(): void {
    if (!this.querySelector('.plaudit-ssr')) return;
    this.root.appendChild(document.createElement('slot'));
    this.markRendered();
  }

  private scope(): Record<string, string | undefined> {
    if (this.allReviews) return { is_show_all: '1' };
    if (this.hasAttribute('store')) return { is_store_review: '1' };
    const productId = this.getAttribute('product-id');
    return productId ? { product_id: productId } : { product_handle: this.getAttribute('product-handle') ?? undefined };
  }

  private productId(): string {
    return this.getAttribute('product-id') ?? (this.hasAttribute('store') ? '0' : '');
  }

  protected async start(): Promise<void> {
    this.state.sort = this.getAttribute('sort') ?? this.state.sort;
    [this.messages, this.config] = await Promise.all([api.messages(this), api.config()]);
    this.applyShopColours(this.config);
    await this.load();
    events.push({ event_type: 'VIEW_WIDGET', product_id: this.productId(), extra: { widget: this.localName.slice(8) } });
  }

  private async load(fresh = false): Promise<void> {
    const { page, star, withPhotos, sort } = this.state;
    const data = await api.get<ReviewsPage>('/api/v1/reviews/get_product_reviews', {
      ...this.scope(),
      page,
      limit: this.intAttribute('page-size', 15, 1, 50),
      sort_by: sort,
      star,
      has_media: withPhotos ? 1 : undefined,
    }, fresh);
    this.show(renderReviewList(data, this.state, this.messages, this.config, this.actions()));
    this.markRendered();
  }

  private change(patch: Partial<ListState>, eventType: string, extra: Record<string, unknown>): void {
    this.state = { ...this.state, ...patch };
    events.push({ event_type: eventType, product_id: this.productId(), extra });
    this.load().catch(() => undefined);
  }

  private actions(): ListActions {
    return {
      ...(this.config.review_form_enabled === 1 && !this.allReviews ? { write: () => void this.openForm() } : {}),
      filter: (star) => this.change({ star, page: 1 }, 'FILTER_REVIEW', { star: star ?? 0 }),
      togglePhotos: () => this.change({ withPhotos: !this.state.withPhotos, page: 1 }, 'FILTER_REVIEW', { has_media: this.state.withPhotos ? 0 : 1 }),
      sort: (sort) => this.change({ sort, page: 1 }, 'SORT_REVIEW', { sort_by: sort }),
      go: (page) => this.change({ page }, 'PAGINATION', { page }),
      helpful: (review, button) => void this.vote(review, button),
      openMedia: (review, index, opener) => void openMedia(this.root, review, index, this.messages, opener, this.productId()),
    };
  }

  private async vote(review: StorefrontReview, button: HTMLButtonElement): Promise<void> {
    const answer = await api.post<{ helpful_count: number }>('/api/v1/reviews/helpful', { review_id: review.id, vote: 1, device_id: deviceId() });
    button.textContent = this.messages.helpful.replace('{n}', String(answer.helpful_count));
    button.setAttribute('aria-pressed', 'true');
  }


  private async openForm(): Promise<void> {
    const { openWriteForm: open } = await loadChunk<{ openWriteForm: typeof openWriteForm }>('writeForm');
    open(this.root, { api, messages: this.messages, productId: this.productId() || '0', photos: this.config.photo_upload_enabled === 1, onDone: (status) => status === 'published' && this.load(true) });
  }
}

export class AllReviewsElement extends ReviewsElement {
  protected override allReviews = true;
}

