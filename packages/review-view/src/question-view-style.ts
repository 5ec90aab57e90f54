import { scopedRule } from './review-view-style.js';

/**
 * The question list's own rules (docs/reference/questions.md §8), on top of the review view's
 * sheet (theme variables, buttons, badges, pager), for the fragment's `.plaudit-ssr` root and the
 * questions element's `.pv`. The search row and the ask button keep one height in both, so the
 * element that hydrates the fragment moves nothing.
 */
export function questionViewCss(root: string): string {
  const r = (selectors: string, body: string) => scopedRule(root, selectors, body);
  return [
    r('.pqhd', 'display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:12px;min-height:36px'),
    r('.pqtt', 'margin:0;font-size:1.125rem;font-weight:700;line-height:1.3'),
    r('.pqtt .pm', 'font-size:.875rem;font-weight:400;margin-inline-start:4px'),
    r('.pqaskr', 'display:inline-block;width:9rem;height:36px'),
    r('.pqs', 'display:flex;gap:8px;height:40px;margin:12px 0'),
    r('.pqs input', 'flex:1;min-width:0;height:40px;padding:0 12px;font:inherit;font-size:.9375rem;color:var(--pt);background:var(--pbg);border:1px solid var(--pmu);border-radius:var(--prd)'),
    r('.pqs .pbtn', 'height:40px'),
    r('.pql', 'display:grid'),
    r('.pq', 'display:grid;gap:6px;padding:var(--psp) 0;border-top:1px solid var(--pln)'),
    r('.pqtx', 'display:flex;gap:10px;margin:0;font-size:1rem;line-height:1.5;overflow-wrap:anywhere;white-space:pre-line'),
    r('h3.pqtx', 'font-weight:600'),
    r('.pqk', 'flex:none;display:inline-grid;place-items:center;width:1.5rem;height:1.5rem;border-radius:50%;font-size:.75rem;font-weight:700;background:var(--psf);color:var(--pt)'),
    r('.pqa1 .pqk', 'background:var(--pac);color:var(--pon)'),
    r('.pqby', 'display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;margin:0;padding-inline-start:calc(1.5rem + 10px);font-size:.875rem'),
    r('.pqas', 'display:grid;gap:10px;margin-top:6px;padding-inline-start:calc(1.5rem + 10px)'),
    r('.pqa1', 'display:grid;gap:4px;padding:12px;background:var(--psf);border-radius:var(--prd)'),
    r('.pqa1 .pqby', 'padding-inline-start:calc(1.5rem + 10px)'),
    r('.pqby .pbadge', 'cursor:default'),
    r('.pqstore', 'padding:1px 8px;font-size:.75rem;font-weight:600;background:var(--pac);color:var(--pon)'),
    r('.pqempty', 'margin:8px 0;padding:var(--psp);text-align:center;background:var(--psf);border-radius:var(--prd)'),
    '@container plaudit (max-width: 420px){' + r('.pqas', 'padding-inline-start:0') + r('.pqa1 .pqby', 'padding-inline-start:0') + '}',
  ].join('');
}
