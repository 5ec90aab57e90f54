import { format } from '@plaudit/review-view/languages';
import { starsView } from '@plaudit/review-view/view/stars';
import { formatAverage } from '@plaudit/review-view/view/view-context';
import { h, toDom } from './dom.js';
import { api, REVIEW_WRITTEN } from './runtime.js';
import { ShadowElement } from './shadow-element.js';
import { STARS_CSS } from './styles.js';

interface ProductRating {
  product_id: string;
  product_handle: string;
  rating: number;
  total_reviews: number;
}

/**
 * All `<plaudit-stars>` of a page share one get_products_rating request per 100 products (§12.2):
 * elements that connect in the same task join one batch.
 */
const pending = new Map<string, Array<(rating: ProductRating) => void>>();
let scheduled = false;

/** Asks again past the browser's cache, after the shopper's own review changed the rating. */
let fresh = false;

function requestRating(key: string): Promise<ProductRating> {
  return new Promise((resolve) => {
    const waiting = pending.get(key) ?? [];
    waiting.push(resolve);
    pending.set(key, waiting);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(() => void flush());
    }
  });
}

async function flush(): Promise<void> {
  scheduled = false;
  const keys = [...pending.keys()];
  for (const kind of ['id:', 'handle:']) {
    const values = keys.filter((key) => key.startsWith(kind)).map((key) => key.slice(kind.length));
    for (let start = 0; start < values.length; start += 100) {
      const batch = values.slice(start, start + 100);
      const answers = await api.get<ProductRating[]>('/api/v1/reviews/get_products_rating', { [kind === 'id:' ? 'product_id' : 'product_handle']: batch.join(',') }, fresh);
      answers.forEach((answer, index) => {
        const key = kind + batch[index];
        for (const resolve of pending.get(key) ?? []) resolve(answer);
        pending.delete(key);
      });
    }
  }
}

/** `<plaudit-stars>`: average stars and count; activating it scrolls to the page's review list. */
export class StarsElement extends ShadowElement {
  constructor() {
    super(STARS_CSS);
  }

  protected async start(): Promise<void> {
    document.addEventListener(REVIEW_WRITTEN, () => {
      fresh = true;
      void this.render().catch(() => undefined);
    });
    await this.render();
  }

  private async render(): Promise<void> {
    const id = this.getAttribute('product-id');
    const key = id ? `id:${id}` : `handle:${this.getAttribute('product-handle') ?? ''}`;
    const [rating, messages, config] = await Promise.all([requestRating(key), api.messages(this), api.config()]);
    this.applyShopColours(config);
    const m = messages;
    const count = format(m.reviewsCount, { n: rating.total_reviews }, m.locale);
    const label = `${format(m.outOfFive, { rating: formatAverage(rating.rating, m.locale) }, m.locale)}, ${count}`;
    const link = h(
      'a',
      {
        href: '#plaudit-reviews',
        'aria-label': label,
        onclick: (event) => {
          const list = document.querySelector('plaudit-reviews');
          event.preventDefault();
          list?.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
        },
      },
      toDom(starsView(rating.rating)),
      h('span', { class: 'pn', 'aria-hidden': 'true' }, `(${rating.total_reviews})`),
    );
    this.show(link);
  }
}
