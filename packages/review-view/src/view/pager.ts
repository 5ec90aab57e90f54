import { format } from '../languages.js';
import type { ViewMessages } from '../messages/messages-type.js';
import { el, type ViewChild } from './node.js';

/**
 * Previous, "page n of total", next, for every paged list of the views. With `go` (the widget) it
 * is a control; without (the server's fragment) its row is reserved at the same height, so the
 * widget that hydrates the fragment fills it without moving anything. One page needs no pager.
 */
export function pagerView(current: number, totalPages: number, m: ViewMessages, go?: (page: number) => void): ViewChild {
  if (totalPages <= 1) return null;
  if (!go) return el('div', { class: 'pp' });
  const label = format(m.pageOf, { n: current, total: totalPages }, m.locale);
  return el(
    'nav',
    { class: 'pp', 'aria-label': label },
    el('button', { type: 'button', class: 'pbtn', disabled: current <= 1, onclick: () => go(current - 1) }, el('span', { 'aria-hidden': 'true' }, '‹'), m.previous),
    el('span', { 'aria-live': 'polite' }, label),
    el('button', { type: 'button', class: 'pbtn', disabled: current >= totalPages, onclick: () => go(current + 1) }, m.next, el('span', { 'aria-hidden': 'true' }, '›')),
  );
}
