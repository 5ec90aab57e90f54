import { format, type Messages } from '@plaudit/review-view/messages';
import { h } from '../dom.js';
import type { StorefrontReview } from '../types.js';
import { openDialog } from './dialog.js';

/** The lightbox chunk (§12.2): a review's photos and video in a modal dialog, arrow keys to move. */
export function openLightbox(root: ShadowRoot, review: StorefrontReview, start: number, messages: Messages, opener: HTMLElement, onClose: () => void): void {
  const media = review.resources;
  const name = review.author || messages.anonymous;
  let index = Math.min(Math.max(start, 0), media.length - 1);
  const dialog = openDialog(root, format(messages.photoFrom, { name }), messages.close, opener, () => {
    if (media.some((item) => item.resource_type === 2)) onClose();
  });
  const stage = h('div');
  const caption = h('p', { 'aria-live': 'polite' });
  const show = () => {
    const item = media[index]!;
    stage.replaceChildren(item.resource_type === 2 ? h('video', { src: item.src, controls: true, preload: 'metadata' }) : h('img', { src: item.src, alt: format(messages.photoFrom, { name }) }));
    caption.textContent = media.length > 1 ? format(messages.pageOf, { n: index + 1, total: media.length }) : '';
  };
  const step = (delta: number) => {
    index = (index + delta + media.length) % media.length;
    show();
  };
  dialog.append(stage, caption);
  if (media.length > 1) {
    dialog.append(h('p', null, h('button', { type: 'button', onclick: () => step(-1) }, messages.previous), ' ', h('button', { type: 'button', onclick: () => step(1) }, messages.next)));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowLeft') step(-1);
      if (event.key === 'ArrowRight') step(1);
    });
  }
  show();
}
