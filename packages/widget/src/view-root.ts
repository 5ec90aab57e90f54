import { isRightToLeft, pickLanguage } from '@plaudit/review-view/languages';
import type { ViewMessages } from '@plaudit/review-view/messages/messages-type';
import { el, type ViewChild } from '@plaudit/review-view/view/node';
import { enCore } from '@plaudit/review-view/messages/en-core';
import { h, toDom } from './dom.js';
import type { ShopConfig } from './env.js';

/** The `.pv` root every widget view sits in: the shop's theme, the language and its direction. */
export function viewRoot(config: ShopConfig, messages: ViewMessages, ...children: ViewChild[]): Node {
  const rtl = isRightToLeft(pickLanguage(messages.locale));
  return toDom(el('div', { class: 'pv', 'data-theme': config.theme, lang: messages.locale, dir: rtl ? 'rtl' : undefined }, ...children));
}

/** Grey placeholders in the reserved height (§12.4), announced as loading; replaced, never resized, by the view. */
export function skeleton(): HTMLElement {
  const bones = ['pk pk-sum', 'pk pk-line', 'pk pk-card', 'pk pk-card', 'pk pk-card'].map((name) => h('div', { class: name }));
  return h('div', { class: 'pv pskel', 'aria-busy': 'true', role: 'status' }, h('span', { class: 'pvh' }, enCore.loading), ...bones);
}
