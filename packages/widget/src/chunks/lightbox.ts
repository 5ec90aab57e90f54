import { format } from '@plaudit/review-view/languages';
import type { ViewMessages } from '@plaudit/review-view/messages/messages-type';
import { h } from '../dom.js';
import type { StorefrontReview } from '../types.js';
import { openDialog } from './dialog.js';

/** The lightbox's own dialog rules: a wider dialog, the stage and the previous/next row. */
const LIGHTBOX_CSS =
  'dialog.lb{width:min(100vw - 24px,880px)}' +
  'dialog .stage img,dialog .stage video{max-width:100%;max-height:70vh;display:block;margin:0 auto;border-radius:6px}' +
  'dialog .lnav{display:flex;align-items:center;justify-content:space-between;gap:12px;margin-top:12px}' +
  'dialog .lnav .dbtn{height:40px;background:transparent;color:inherit;border-color:var(--pln)}';

/** The lightbox chunk (§12.2): a review's photos and video in a modal dialog, arrow keys to move. */
export function openLightbox(root: ShadowRoot, review: StorefrontReview, start: number, messages: ViewMessages, opener: HTMLElement, onClose: () => void): void {
  const m = messages;
  const media = review.resources;
  const name = review.author || m.anonymous;
  let index = Math.min(Math.max(start, 0), media.length - 1);
  const { dialog, body } = openDialog(root, format(m.photoFrom, { name }, m.locale), m.close, opener, () => {
    if (media.some((item) => item.resource_type === 2)) onClose();
  }, LIGHTBOX_CSS);
  dialog.classList.add('lb');
  const stage = h('div', { class: 'stage' });
  const caption = h('span', { 'aria-live': 'polite' });
  const show = () => {
    const item = media[index]!;
    stage.replaceChildren(item.resource_type === 2 ? h('video', { src: item.src, controls: true, preload: 'metadata', 'aria-label': format(m.videoFrom, { name }, m.locale) }) : h('img', { src: item.src, alt: format(m.photoFrom, { name }, m.locale) }));
    caption.textContent = media.length > 1 ? format(m.pageOf, { n: index + 1, total: media.length }, m.locale) : '';
  };
  const step = (delta: number) => {
    index = (index + delta + media.length) % media.length;
    show();
  };
  body.append(stage);
  if (media.length > 1) {
    body.append(h('div', { class: 'lnav' }, h('button', { type: 'button', class: 'dbtn', onclick: () => step(-1) }, m.previous), caption, h('button', { type: 'button', class: 'dbtn', onclick: () => step(1) }, m.next)));
    dialog.addEventListener('keydown', (event) => {
      const rtl = dialog.getAttribute('dir') === 'rtl' ? -1 : 1;
      if (event.key === 'ArrowLeft') step(-1 * rtl);
      if (event.key === 'ArrowRight') step(1 * rtl);
    });
  }
  show();
}
