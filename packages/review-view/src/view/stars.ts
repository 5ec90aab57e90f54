import { starParts } from '../star-glyphs.js';
import { el, type ViewElement } from './node.js';

/**
 * Five stars, full, half or empty. With a label the row is an image of that name; without one it
 * is decoration beside text that already says the rating.
 */
export function starsView(rating: number, label?: string): ViewElement {
  const attributes = label === undefined ? { class: 'ps', 'aria-hidden': 'true' } : { class: 'ps', role: 'img', 'aria-label': label };
  return el('span', attributes, ...starParts(rating).map((part) => el('span', { class: part }, '★')));
}
