import type { ViewNode } from './node.js';

const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'meta', 'source', 'track', 'wbr']);
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML (and SVG) content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => TEXT_ESCAPES[character]!);
const SAFE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The tree as HTML, every text and attribute value escaped, so shopper text never becomes markup.
 * Tag and attribute names come from code, and are still checked: a name outside [a-z0-9-] or a
 * string-valued `on…` attribute is a programming error, refused rather than written.
 */
export function renderHtml(node: ViewNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  if (!SAFE_NAME.test(node.tag)) throw new Error(`unsafe tag name ${node.tag}`);
  let attributes = '';
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value === undefined || value === null || value === false || typeof value === 'function') continue;
    if (!SAFE_NAME.test(name) || name.startsWith('on')) throw new Error(`unsafe attribute name ${name}`);
    attributes += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID_ELEMENTS.has(node.tag)) return `<${node.tag}${attributes}>`;
  return `<${node.tag}${attributes}>${node.children.map(renderHtml).join('')}</${node.tag}>`;
}
