import { reviewViewCss } from '@plaudit/review-view/review-view-style';

/** Shadow-root styles: the fragment's own sheet (so hydration matches it) plus the widget-only pieces. */
export const LIST_CSS =
  ':host{display:block}:host(:not([data-rendered])){min-height:var(--plaudit-reserved-height,480px)}' +
  reviewViewCss('.pv') +
  '.pv .plaudit-verified{color:#166534}' +
  '.pv button[aria-pressed=true]{background:var(--plaudit-accent-color,var(--plaudit-shop-accent-color,#1f2937));color:#fff}' +
  '.pv button:disabled{opacity:.5;cursor:default}' +
  '.row{display:flex;gap:12px;overflow-x:auto;scroll-snap-type:x mandatory;height:var(--plaudit-carousel-height,220px);padding:4px}' +
  '.card{flex:0 0 260px;scroll-snap-align:start;border:1px solid var(--plaudit-border-color,#e5e7eb);border-radius:var(--plaudit-border-radius,8px);padding:12px;overflow:hidden}' +
  '.card p{margin:4px 0;display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden}' +
  '.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:8px}' +
  '.grid button{padding:0;border:0;height:auto;aspect-ratio:1;background:none}' +
  '.grid img{width:100%;height:100%;object-fit:cover;border-radius:var(--plaudit-border-radius,8px);display:block}' +
  '@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important;transition:none!important}}';

export const STARS_CSS =
  ':host{display:inline-block;min-height:1.5em;line-height:1.5}' +
  'a{color:var(--plaudit-text-color,inherit);text-decoration:none;font-family:var(--plaudit-font-family,inherit)}' +
  '.ps{color:var(--plaudit-star-color,var(--plaudit-shop-star-color,#c27803));letter-spacing:1px}' +
  'a:focus-visible{outline:2px solid var(--plaudit-accent-color,var(--plaudit-shop-accent-color,#1f2937));outline-offset:2px}';
