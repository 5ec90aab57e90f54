import { format } from '../languages.js';
import type { ViewMessages } from '../messages/messages-type.js';
import { el, type ViewElement } from './node.js';

export interface StarPickerOptions {
  /** Prefix of the radios' ids, unique in the document or shadow root. */
  idPrefix: string;
  checked?: number;
  /** Id of the error message, when there is one. */
  errorId?: string;
  autofocus?: boolean;
}

/**
 * Five clickable stars that are a radio group underneath (§12.2): the arrow keys and no-JS forms
 * work as for any radio group, screen readers hear "3 stars, radio, 3 of 5", and the CSS of
 * starPickerCss previews a rating on hover. Home and End are added by the scripts that use it.
 */
export function starPickerView(m: ViewMessages, options: StarPickerOptions): ViewElement {
  return el(
    'fieldset',
    { class: 'ppick', ...(options.errorId ? { 'aria-describedby': options.errorId } : {}) },
    el('legend', null, m.rating),
    el(
      'div',
      { class: 'pstars' },
      [1, 2, 3, 4, 5].map((star) => [
        el('input', {
          type: 'radio',
          name: 'rating',
          value: star,
          id: `${options.idPrefix}-${star}`,
          checked: options.checked === star,
          required: true,
          autofocus: options.autofocus === true && star === 1,
          ...(options.errorId ? { 'aria-invalid': 'true' } : {}),
        }),
        el('label', { for: `${options.idPrefix}-${star}` }, el('span', { class: 'pvh' }, format(m.starsRow, { n: star }, m.locale)), el('span', { 'aria-hidden': 'true' }, '★')),
      ]),
    ),
  );
}

/** The picker's look, scoped under `root`: empty stars, filled up to the hovered star, else up to the chosen one. */
export function starPickerCss(root: string): string {
  const p = `${root} .ppick`;
  const empty = 'var(--plaudit-star-empty-color,#c4c9d1)';
  const filled = 'var(--plaudit-star-color,var(--plaudit-shop-star-color,#c27803))';
  return [
    `${p}{border:0;padding:0;margin:0;min-width:0}`,
    `${p} legend{padding:0;margin-bottom:4px;font-weight:600}`,
    `${p} .pstars{display:inline-flex}`,
    `${p} .pvh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`,
    `${p} input{position:absolute;opacity:0;width:1px;height:1px;margin:0}`,
    `${p} label{display:inline-block;margin:0;padding:0 3px;font-size:2.25rem;font-weight:400;line-height:1.1;color:${empty};cursor:pointer;transition:transform .1s}`,
    `${p} label:hover{transform:scale(1.12)}`,
    `${p} .pstars:not(:hover):has(input:checked) label{color:${filled}}`,
    `${p} .pstars:not(:hover) input:checked+label~label{color:${empty}}`,
    `${p} .pstars:hover label{color:${filled}}`,
    `${p} .pstars label:hover~label{color:${empty}}`,
    `${p} input:focus-visible+label{outline:2px solid currentColor;outline-offset:1px;border-radius:4px}`,
  ].join('');
}

/** Home and End for a picker's radios (arrow keys are the browser's own). */
export function addStarPickerKeys(group: HTMLElement): void {
  group.addEventListener('keydown', (event) => {
    if (event.key !== 'Home' && event.key !== 'End') return;
    const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    const target = event.key === 'Home' ? radios[0] : radios[radios.length - 1];
    if (!target) return;
    event.preventDefault();
    target.checked = true;
    target.focus();
    target.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
