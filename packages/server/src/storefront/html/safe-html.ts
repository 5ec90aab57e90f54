import { escapeXml } from '../xml-escape.js';

/** Markup that is already safe; only `html` and `trusted` make one. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Interpolated = SafeHtml | string | number | readonly SafeHtml[] | null | undefined | false;

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map((item) => render(item)).join('');
  return escapeXml(String(value));
}

/**
 * A template tag that escapes every interpolated value unless it is SafeHtml: shopper text can
 * only ever become text, whatever it contains (docs/reference/storefront.md §1.2).
 */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, part, index) => out + part + (index < values.length ? render(values[index]) : ''), ''));
}

/** For markup built here from constants (styles, JSON-LD already escaped for its context). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
