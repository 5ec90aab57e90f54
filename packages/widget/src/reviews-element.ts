import { format } from '@plaudit/review-view/languages';
import type { ViewMessages } from '@plaudit/review-view/messages/messages-type';
import { reviewListView } from '@plaudit/review-view/view/review-list';
import type { ListActions, ListState } from '@plaudit/review-view/view/view-context';
import type { ShopConfig } from './env.js';
import { deviceId } from './identity.js';
import { api, events, loadChunk, openMedia, REVIEW_WRITTEN } from './runtime.js';
import { ShadowElement } from './shadow-element.js';
import { LIST_CSS } from './styles.js';
import type { ReviewsPage, StorefrontReview } from './types.js';
import { viewRoot } from './view-root.js';
import type { openWriteForm } from './chunks/write-form.js';
import type { openReportForm } from './chunks/report-form.js';

/**
 * `<plaudit-reviews>` (and `<plaudit-all-reviews>`, §12.2): summary, filters, sort, paging, photos
 * in a lightbox, helpful votes, reports and the write-a-review form. Over a server fragment (§12.4) the
 * fragment stays visible through a slot until the first page is rendered in its exact layout.
 */
export class ReviewsElement extends ShadowElement {
  protected allReviews = false;
  private state: ListState = { page: 1, star: undefined, withPhotos: false, sort: 'comprehensive-descending' };
  private messages!: ViewMessages;
  private config!: ShopConfig;

  constructor() {
    super(LIST_CSS);
  }

  protected override prepare(): void {
    this.keepFragmentOrReserve();
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
    // A review written in any list of the page (or the stars' form, later) shows in every list.
    document.addEventListener(REVIEW_WRITTEN, () => void this.load(true).catch(() => undefined));
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
    const { summary: s } = data;
    const listPage = { summary: { rating: s.rating, count: s.total_reviews, stars: [s.star1_count, s.star2_count, s.star3_count, s.star4_count, s.star5_count] }, reviews: data.list, totalPages: data.page.total_page };
    const context = { messages: this.messages, dateFormat: this.config.date_format, nowSeconds: Date.now() / 1000, shopName: this.config.shop_name, showHelpful: this.config.helpful_votes_enabled === 1, policyHref: `${api.env.base}/r/${encodeURIComponent(this.config.shop_id)}/policy`, actions: this.actions() };
    this.show(viewRoot(this.config, this.messages, reviewListView(listPage, this.state, context)));
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
      report: (review, button) => void this.openReport(review, button),
      openMedia: (review, index, opener) => void openMedia(this.root, review, index, this.messages, opener, this.productId()),
    };
  }

  private async vote(review: StorefrontReview, button: HTMLButtonElement): Promise<void> {
    const answer = await api.post<{ helpful_count: number }>('/api/v1/reviews/helpful', { review_id: review.id, vote: 1, device_id: deviceId() });
    button.textContent = format(this.messages.helpful, { n: answer.helpful_count }, this.messages.locale);
    button.setAttribute('aria-pressed', 'true');
  }

  private async openReport(review: StorefrontReview, button: HTMLButtonElement): Promise<void> {
    const { openReportForm: open } = await loadChunk<{ openReportForm: typeof openReportForm }>('reportForm');
    open(this.root, api, this.messages, review.id, button);
  }

  private async openForm(): Promise<void> {
    const { openWriteForm: open } = await loadChunk<{ openWriteForm: typeof openWriteForm }>('writeForm');
    open(this.root, {
      api,
      messages: this.messages,
      productId: this.productId() || '0',
      photos: this.config.photo_upload_enabled === 1,
      onDone: (status) => {
        if (status !== 'published') return;
        // Every element of the page shows the new review: this list, the others and the stars, on one event.
        document.dispatchEvent(new CustomEvent(REVIEW_WRITTEN, { detail: { productId: this.productId() } }));
      },
    });
  }
}

export class AllReviewsElement extends ReviewsElement {
  protected override allReviews = true;
}

