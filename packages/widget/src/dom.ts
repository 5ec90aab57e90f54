type Attribute = string | number | boolean | undefined | ((event: Event) => void);
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
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  append(element, children);
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
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    root.prepend(h('style', null, css));
  }
}
