/**
 * The one stylesheet of the review views, shared by the server fragment (§8, scoped to `.plaudit-ssr`)
 * and the widget's shadow roots (scoped to `.pv`). Both render the same view tree (view/), so rows
 * the widget makes interactive (histogram bars, toolbar, helpful, pager) have the same boxes in
 * both and hydrating the fragment moves nothing. No dependencies: the widget bundle imports this file.
 *
 * Colours come from the public `--plaudit-*` custom properties (docs/reference/storefront.md §12.6),
 * falling back to the shop's colours and then to defaults that meet WCAG contrast on white, or on
 * the dark surface when the root carries `data-theme="dark"` (or `auto` and the shopper prefers dark).
 */

/** Heights of the rows the widget fills after the server's first paint, by container width. */
export const ROW_HEIGHTS = { toolbarWide: 44, toolbarNarrow: 88, helpful: 32, pager: 44 } as const;

/** Where the summary, toolbar and cards change from one column to two. */
const WIDE = '@container plaudit (min-width: 560px)';

const LIGHT =
  '--pt:var(--plaudit-text-color,#1f2937);--pmu:var(--plaudit-muted-color,#4b5563);--pbg:var(--plaudit-background,transparent);' +
  '--psf:var(--plaudit-surface-color,#f6f7f9);--pln:var(--plaudit-border-color,#e5e7eb);--pac:var(--plaudit-accent-color,var(--plaudit-shop-accent-color,#1f2937));' +
  '--pon:var(--plaudit-on-accent-color,#fff);--pst:var(--plaudit-star-color,var(--plaudit-shop-star-color,#c27803));--pse:var(--plaudit-star-empty-color,#d1d5db);' +
  '--pok:var(--plaudit-verified-color,#166534);--prd:var(--plaudit-border-radius,8px);--psp:calc(var(--plaudit-density,1) * 16px);--pdl:var(--plaudit-dialog-background,#fff)';

// The shop's light accent is not used on a dark surface: a dark brand colour would vanish there.
const DARK =
  '--pt:var(--plaudit-text-color,#f3f4f6);--pmu:var(--plaudit-muted-color,#a3acb9);--pbg:var(--plaudit-background,#111827);' +
  '--psf:var(--plaudit-surface-color,#1f2937);--pln:var(--plaudit-border-color,#374151);--pac:var(--plaudit-dark-accent-color,#f3f4f6);' +
  '--pon:var(--plaudit-dark-on-accent-color,#111827);--pse:var(--plaudit-star-empty-color,#4b5563);--pok:var(--plaudit-verified-color,#4ade80);--pdl:var(--plaudit-dialog-background,#111827)';

/**
 * The theme's variables on `selector`: light, dark with `data-theme="dark"`, and dark with
 * `data-theme="auto"` when the shopper's system prefers it. The views and the widget's dialogs use it.
 */
export function themeCss(selector: string): string {
  return `${selector}{${LIGHT}}${selector}[data-theme=dark]{${DARK}}@media (prefers-color-scheme:dark){${selector}[data-theme=auto]{${DARK}}}`;
}

/** Scopes rules to `root`: `&` is the root itself, anything else a descendant of it. */
export function scopedRule(root: string, selectors: string, body: string): string {
  const scoped = selectors.split(',').map((part) => {
    const selector = part.trim();
    if (selector === '') return root;
    return selector.startsWith('&') ? root + selector.slice(1) : `${root} ${selector}`;
  });
  return `${scoped.join(',')}{${body}}`;
}

export function reviewViewCss(root: string): string {
  const r = (selectors: string, body: string) => scopedRule(root, selectors, body);
  return [
    themeCss(root),
    r('', 'display:block;container:plaudit/inline-size;font-family:var(--plaudit-font-family,inherit);color:var(--pt);background:var(--pbg);line-height:1.5;text-align:start'),
    r('&[data-theme=dark],&[data-theme=auto]', 'color-scheme:light dark'),
    r('*,*::before,*::after', 'box-sizing:border-box'),
    r('ol,ul', 'list-style:none;margin:0;padding:0'),
    r('p,h3,blockquote', 'margin:0'),
    r('.pvh', 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap'),
    r('.pm', 'color:var(--pmu)'),
    // Stars: five glyphs, each full, half or empty; the number is in the element's label.
    r('.ps', 'display:inline-flex;gap:1px;color:var(--pse);line-height:1;font-size:1.1em;vertical-align:-.1em;unicode-bidi:isolate'),
    r('.ps .f', 'color:var(--pst)'),
    r('.ps .h', 'background:linear-gradient(90deg,var(--pst) 50%,var(--pse) 50%);-webkit-background-clip:text;background-clip:text;color:transparent'),
    r('&[dir=rtl] .ps .h', 'background:linear-gradient(270deg,var(--pst) 50%,var(--pse) 50%);-webkit-background-clip:text;background-clip:text'),
    // Controls: every button, link-as-button and select of the views.
    r('a', 'color:var(--pac)'),
    r('.pbtn,select', 'display:inline-flex;align-items:center;justify-content:center;gap:6px;height:36px;padding:0 14px;font:inherit;font-size:.875rem;font-weight:500;line-height:1;color:var(--pt);background:var(--pbg);border:1px solid var(--pln);border-radius:var(--prd);cursor:pointer;text-decoration:none;white-space:nowrap;max-width:100%'),
    r('select', 'padding-inline-end:8px;appearance:auto'),
    r('.pbtn:hover,select:hover', 'border-color:var(--pmu)'),
    r('.pbtn.pri', 'background:var(--pac);border-color:var(--pac);color:var(--pon)'),
    r('.pbtn.pri:hover', 'filter:brightness(1.15)'),
    r('.pbtn[aria-pressed=true]', 'background:var(--pac);border-color:var(--pac);color:var(--pon)'),
    r('.pbtn:disabled', 'opacity:.45;cursor:default'),
    r('.pbtn.sm', 'height:28px;padding:0 10px;font-size:.8125rem'),
    r(':focus-visible', 'outline:2px solid var(--pac);outline-offset:2px'),
    // Summary: the average, the count and a histogram whose bars filter the list.
    r('.psum', 'display:grid;gap:var(--psp);padding:var(--psp);background:var(--psf);border-radius:var(--prd)'),
    r('.pavg', 'display:grid;gap:4px;align-content:start;justify-items:start'),
    r('.pscore', 'display:flex;align-items:center;gap:10px'),
    r('.pnum', 'font-size:2.25rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums'),
    r('.pavg .ps', 'font-size:1.35em'),
    r('.pavg .pbtn', 'margin-top:8px'),
    // Five rows from the first bar on, and both columns top-aligned below: a page that paints while
    // the fragment is still arriving (a slow network, a busy phone) shows nothing move as the rest
    // of the summary comes in (centring moved the average and the first bars, CLS > 0).
    r('.phist', 'display:grid;grid-template-rows:repeat(5,1fr);gap:2px'),
    r('.pbar', 'display:grid;grid-template-columns:3.25em 1fr 3.25em;align-items:center;gap:10px;width:100%;height:26px;padding:0 6px;margin:0;font:inherit;font-size:.875rem;color:var(--pt);background:transparent;border:1px solid transparent;border-radius:6px;text-align:start'),
    r('button.pbar', 'cursor:pointer'),
    r('button.pbar:hover', 'background:var(--pbg);border-color:var(--pln)'),
    r('button.pbar[aria-pressed=true]', 'border-color:var(--pac)'),
    r('.pbar .ps1', 'white-space:nowrap'),
    r('.pbar .ps1 span', 'color:var(--pst)'),
    r('.pbar .pbp', 'text-align:end;color:var(--pmu);font-variant-numeric:tabular-nums'),
    r('meter', 'display:block;width:100%;height:8px;border:0;border-radius:99px;background:var(--pln);appearance:none'),
    r('meter::-webkit-meter-bar', 'background:var(--pln);border:0;border-radius:99px;height:8px'),
    r('meter::-webkit-meter-optimum-value,meter::-webkit-meter-suboptimum-value,meter::-webkit-meter-even-less-good-value', 'background:var(--pst);border-radius:99px'),
    r('meter::-moz-meter-bar', 'background:var(--pst);border-radius:99px'),
    // Toolbar: filters and sort; two rows on a narrow container, one on a wide one.
    r('.pt', `display:grid;grid-template-columns:1fr 1fr;gap:8px;align-content:center;height:${ROW_HEIGHTS.toolbarNarrow}px;margin:8px 0 0;overflow:hidden`),
    r('.pt select,.pt .pbtn', 'width:100%'),
    r('.pt .psort', 'grid-column:1/-1'),
    // Reviews.
    r('.pr', 'display:grid;gap:6px;padding:var(--psp) 0;border-bottom:1px solid var(--pln)'),
    r('.prh', 'display:flex;justify-content:space-between;align-items:center;gap:8px'),
    r('.prh time', 'font-size:.8125rem;white-space:nowrap'),
    r('.pa', 'display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;font-size:.875rem'),
    r('.pa strong', 'font-weight:600;overflow-wrap:anywhere'),
    r('.pbadge', 'position:relative;display:inline-flex;align-items:center;gap:4px;color:var(--pok);font-weight:500;cursor:help;border-radius:4px'),
    r('.ptip', 'position:absolute;inset-inline-start:0;top:calc(100% + 6px);z-index:2;display:none;width:max-content;max-width:min(260px,70vw);padding:8px 10px;font-size:.8125rem;font-weight:400;line-height:1.4;color:#fff;background:#1f2937;border-radius:6px;box-shadow:0 4px 12px rgb(0 0 0/.2)'),
    r('.pbadge:hover .ptip,.pbadge:focus .ptip,.pbadge:focus-within .ptip', 'display:block'),
    // The incentive disclosure reads as a plain fact in the text colour, not as praise in green.
    r('.pinc', 'margin:0;font-size:.8125rem'),
    r('.ppol', 'margin:16px 0 0;font-size:.8125rem;text-align:end'),
    r('.ppol a', 'color:var(--pmu)'),
    r('.pbadge-inc', 'color:var(--pt);padding:1px 6px;border:1px solid var(--pln)'),
    r('.pr h3', 'font-size:1rem;font-weight:600;line-height:1.4;overflow-wrap:anywhere'),
    r('.pc', 'white-space:pre-line;overflow-wrap:anywhere'),
    r('.plong .pc', 'display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:5;overflow:hidden'),
    r('.pmt', 'position:absolute;opacity:0;width:1px;height:1px;margin:0'),
    r('.pmt:checked+.pc', '-webkit-line-clamp:unset;display:block'),
    r('.pmore', 'justify-self:start;font-size:.875rem;font-weight:600;color:var(--pac);text-decoration:underline;cursor:pointer'),
    r('.pmore .pl1,.pmt:checked~.pmore .pl0', 'display:none'),
    r('.pmt:checked~.pmore .pl1', 'display:inline'),
    r('.pmt:focus-visible~.pmore', 'outline:2px solid var(--pac);outline-offset:2px'),
    r('.pitem', 'font-size:.8125rem'),
    r('.pmedia', 'display:flex;gap:8px;flex-wrap:wrap'),
    r('.pmedia a', 'position:relative;display:block;border-radius:var(--prd);overflow:hidden;line-height:0'),
    r('.pmedia img,.pmedia .pvid', 'width:88px;height:88px;object-fit:cover;display:block;background:var(--psf)'),
    r('.pplay', 'position:absolute;inset:0;display:grid;place-items:center;color:#fff;font-size:1.5rem;line-height:1;background:rgb(0 0 0/.25)'),
    r('.prep', 'padding:10px 12px;background:var(--psf);border-inline-start:3px solid var(--pac);border-radius:0 var(--prd) var(--prd) 0;font-size:.9375rem'),
    r('&[dir=rtl] .prep', 'border-radius:var(--prd) 0 0 var(--prd)'),
    r('.prep .preh', 'font-size:.8125rem;font-weight:600;margin-bottom:2px'),
    r('.ph', `display:flex;align-items:center;gap:10px;height:${ROW_HEIGHTS.helpful}px;font-size:.8125rem`),
    r('span.pbtn', 'cursor:default'),
    // "Report" is quiet on purpose: a link-like text button at the row's end, never a call to action.
    r('.prpt', 'margin-inline-start:auto;padding:4px 2px;font:inherit;color:var(--pt);background:none;border:0;text-decoration:underline'),
    r('button.prpt', 'cursor:pointer'),
    // Empty state and pager.
    r('.pempty', 'display:grid;justify-items:center;gap:4px;padding:calc(var(--psp) * 2) var(--psp);text-align:center'),
    r('.pempty .ps', 'font-size:1.75rem;margin-bottom:6px'),
    r('.pempty strong', 'font-size:1.0625rem'),
    r('.pp', `display:flex;gap:12px;align-items:center;justify-content:center;height:${ROW_HEIGHTS.pager}px;margin:12px 0 0;font-size:.875rem`),
    `${WIDE}{${[
      r('.psum', 'grid-template-columns:minmax(180px,1fr) 2fr;align-items:start'),
      r('.pt', `display:flex;height:${ROW_HEIGHTS.toolbarWide}px`),
      r('.pt select,.pt .pbtn', 'width:auto'),
      r('.pt .psort', 'margin-inline-start:auto'),
    ].join('')}}`,
  ].join('');
}
