/**
 * The one stylesheet of a review list, shared by the server fragment (§8, scoped to `.plaudit-ssr`)
 * and the widget's shadow roots (scoped to `.pv`). Rows the widget makes interactive (toolbar,
 * helpful button, pager) have fixed heights in both, so hydrating the fragment moves nothing.
 * No dependencies: the widget bundle imports this file.
 */
export const ROW_HEIGHTS = { toolbar: 44, helpful: 28, pager: 44 } as const;

export function reviewViewCss(root: string): string {
  const r = (selector: string, body: string) => selector.split(',').map((part) => `${root}${part}`).join(',') + `{${body}}`;
  return [
    r('', 'display:block;font-family:var(--plaudit-font-family,inherit);color:var(--plaudit-text-color,inherit);background:var(--plaudit-background,transparent);line-height:1.5'),
    r(' *', 'box-sizing:border-box'),
    r(' .ps', 'color:var(--plaudit-star-color,var(--plaudit-shop-star-color,#c27803));letter-spacing:1px'),
    r(' .pm', 'color:var(--plaudit-muted-color,#6b7280)'),
    r(' ol', 'list-style:none;margin:0;padding:0'),
    r(' .psum p', 'margin:0 0 4px'),
    r(' .phist', 'display:flex;flex-wrap:wrap;gap:4px 12px;margin:0 0 4px'),
    r(' .pt', `height:${ROW_HEIGHTS.toolbar}px;display:flex;gap:8px;align-items:center;overflow:hidden;margin:0`),
    r(' .pr', 'border-top:1px solid var(--plaudit-border-color,#e5e7eb);padding:12px 0'),
    r(' .pr h3', 'font-size:1em;margin:4px 0'),
    r(' .pr p', 'margin:4px 0;overflow-wrap:anywhere'),
    r(' .pmedia', 'display:flex;gap:8px;flex-wrap:wrap;margin:4px 0'),
    r(' .pmedia img', 'width:96px;height:96px;object-fit:cover;border-radius:var(--plaudit-border-radius,8px);display:block'),
    r(' .prep', 'margin:8px 0 0;padding:8px 12px;border-left:3px solid var(--plaudit-border-color,#e5e7eb)'),
    r(' .ph', `height:${ROW_HEIGHTS.helpful}px;margin:4px 0 0;display:flex;align-items:center`),
    r(' .pp', `height:${ROW_HEIGHTS.pager}px;display:flex;gap:8px;align-items:center;justify-content:center;margin:0`),
    r(' a,button,select', 'font:inherit;color:var(--plaudit-accent-color,var(--plaudit-shop-accent-color,#1f2937))'),
    r(' button,select', 'height:32px;padding:0 10px;border:1px solid var(--plaudit-border-color,#e5e7eb);border-radius:var(--plaudit-border-radius,8px);background:transparent;cursor:pointer'),
    r(' .ph button', 'height:24px;padding:0 8px;font-size:.875em'),
    r(' :focus-visible', 'outline:2px solid var(--plaudit-accent-color,var(--plaudit-shop-accent-color,#1f2937));outline-offset:2px'),
  ].join('');
}
