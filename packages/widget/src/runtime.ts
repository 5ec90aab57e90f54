import { Api, readEnv } from './env.js';
import { EventQueue } from './events.js';
import type { ViewMessages } from '@plaudit/review-view/messages/messages-type';
import type { openLightbox as OpenLightboxFunction } from './chunks/lightbox.js';
import type { StorefrontReview } from './types.js';

type OpenLightbox = typeof OpenLightboxFunction;

/** One per page: the API client and the event queue every element shares. Captured while the script runs. */
const script = document.currentScript as HTMLScriptElement | null;
export const api = new Api(readEnv(script));
export const events = new EventQueue(api);

/** Dispatched on the document when the shopper's review is published: lists and stars on the page refresh. */
export const REVIEW_WRITTEN = 'plaudit:review-written';

declare const __PLAUDIT_CHUNKS__: { writeForm: string; lightbox: string; reportForm: string; questions: string };

/** Lazily loaded chunks (§12.2): the write form, the lightbox, the report form and the questions element, fetched on first use. */
export function loadChunk<T>(name: keyof typeof __PLAUDIT_CHUNKS__): Promise<T> {
  return import(/* @vite-ignore */ new URL(`/widget/v1/${__PLAUDIT_CHUNKS__[name]}`, api.env.base).href) as Promise<T>;
}

/**
 * Opens a review's photos and video in the lightbox chunk, reporting CLICK_MEDIA, and
 * CLOSE_VIDEO_POPUP when a lightbox with a video closes (§12.9).
 */
export async function openMedia(root: ShadowRoot, review: StorefrontReview, index: number, messages: ViewMessages, opener: HTMLElement, productId?: string): Promise<void> {
  events.push({ event_type: 'CLICK_MEDIA', ...(productId ? { product_id: productId } : {}), review_id: review.id, extra: { media_index: index } });
  const { openLightbox } = await loadChunk<{ openLightbox: OpenLightbox }>('lightbox');
  openLightbox(root, review, index, messages, opener, () => events.push({ event_type: 'CLOSE_VIDEO_POPUP', review_id: review.id }));
}
