/**
 * A view described once and drawn twice: the server writes it as HTML (view/html.ts) for the
 * fragment and hosted pages, the widget builds it as DOM (widget dom.ts). Sharing the tree is what
 * keeps the two layouts identical, so hydration moves nothing. Handlers (`on…` functions) exist only
 * in the widget's trees; the HTML writer drops them.
 */
export type Handler = (event: Event) => void;
export type AttributeValue = string | number | boolean | undefined | null | Handler;

export interface ViewElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly children: readonly ViewNode[];
}

export type ViewNode = ViewElement | string;
export type ViewChild = ViewNode | number | false | null | undefined | readonly ViewChild[];

function flatten(children: readonly ViewChild[], into: ViewNode[]): ViewNode[] {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    if (Array.isArray(child)) flatten(child as readonly ViewChild[], into);
    else into.push(typeof child === 'number' ? String(child) : (child as ViewNode));
  }
  return into;
}

/** An element: `null`, `undefined` and `false` children and attributes are left out. */
export function el(tag: string, attributes?: Record<string, AttributeValue> | null, ...children: ViewChild[]): ViewElement {
  return { tag, attributes: attributes ?? {}, children: flatten(children, []) };
}
