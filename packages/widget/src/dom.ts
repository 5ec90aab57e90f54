import type { ViewNode } from '@plaudit/review-view/view/node';

type Attribute = string | number | boolean | undefined | null | ((event: Event) => void);
type Child = Node | string | number | null | undefined | false;

/**
 * Builds elements without ever parsing HTML: strings become text nodes, so shopper text cannot
 * turn into markup (docs/reference/storefront.md §12.10). `on…` attributes become listeners, `true` an empty attribute.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Record<string, Attribute> | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== undefined && value !== null && value !== false) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** A shared view tree (review-view's view/) as DOM, with its handlers attached. */
export function toDom(node: ViewNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = h(node.tag as keyof HTMLElementTagNameMap, node.attributes);
  for (const child of node.children) element.appendChild(toDom(child));
  // A <select>'s value follows `selected` only once its options exist.
  if (element instanceof HTMLSelectElement) for (const option of Array.from(element.options)) if (option.hasAttribute('selected')) option.selected = true;
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/**
 * Styles for a shadow root as a constructed stylesheet: a page's Content-Security-Policy does not
 * govern those, so the widget works under `style-src` without 'unsafe-inline'. Older browsers get a
 * style element.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheetFor(css)];
  } else {
    root.prepend(h('style', null, css));
  }
}

/** One parsed sheet per stylesheet text, shared by every element that adopts it. */
const sheets = new Map<string, CSSStyleSheet>();

function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}
