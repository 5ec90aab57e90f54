import { reviewViewCss } from '@plaudit/review-view/review-view-style';

/** The shared view sheet (the fragment's own, so hydration matches it), scoped to the shadow roots' `.pv`. */
const VIEW_CSS = reviewViewCss('.pv');

const REDUCED_MOTION = '@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important;transition:none!important;animation:none!important}}';

/** Lists: the reserved height until rendered (§12.4), filled with placeholders of fixed size. */
export const LIST_CSS =
  ':host{display:block}:host(:not([data-rendered])){min-height:var(--plaudit-reserved-height,480px)}' +
  VIEW_CSS +
  '.pskel{display:grid;gap:12px}.pk{background:var(--psf);border-radius:var(--prd);animation:ppulse 1.4s ease-in-out infinite}' +
  '.pk-sum{height:140px}.pk-line{height:36px;width:60%}.pk-card{height:84px}' +
  '@keyframes ppulse{50%{opacity:.55}}' +
  REDUCED_MOTION;

/** Carousel and gallery: fixed heights the page reserves too, arrows in side gutters, whole items only. */
export const SHOWCASE_CSS =
  ':host{display:block;height:var(--plaudit-carousel-height,260px)}:host(plaudit-gallery){height:var(--plaudit-gallery-height,168px)}' +
  VIEW_CSS +
  '.pv{height:100%}' +
  '.pshow{position:relative;height:100%;padding:0 44px}' +
  '.parrow{position:absolute;top:50%;transform:translateY(-50%);width:36px;height:36px;padding:0;border-radius:50%;font-size:1.25rem;z-index:1}' +
  '.pprev{inset-inline-start:0}.pnext{inset-inline-end:0}' +
  '.pv[dir=rtl] .parrow span{display:inline-block;transform:scaleX(-1)}' +
  '.pshow[data-still] .parrow{visibility:hidden}' +
  '.ptrack{display:grid;grid-auto-flow:column;grid-auto-columns:100%;gap:12px;height:100%;overflow-x:auto;overscroll-behavior-x:contain;scroll-snap-type:x mandatory;scrollbar-width:none;padding:2px}' +
  '.ptrack::-webkit-scrollbar{display:none}' +
  '.ptrack>li{scroll-snap-align:start;min-width:0}' +
  '.pcard{display:flex;flex-direction:column;gap:8px;padding:16px;background:var(--psf);border-radius:var(--prd);overflow:hidden}' +
  '.pcard h3{font-size:1rem;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  '.pcard .pc{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:4;overflow:hidden;font-size:.9375rem}' +
  '.pcard .pa{margin-top:auto}' +
  '.ptiles{grid-auto-columns:calc((100% - 24px)/3)}' +
  '.ptile{display:block;width:100%;height:100%;padding:0;border:0;font:inherit;color:inherit;border-radius:var(--prd);overflow:hidden;background:var(--psf);cursor:zoom-in}' +
  '.ptile img{width:100%;height:100%;object-fit:cover;display:block;transition:transform .2s}.ptile:hover img{transform:scale(1.04)}' +
  '.pnone{display:grid;place-items:center;height:100%;margin:0;border:1px dashed var(--pln);border-radius:var(--prd)}' +
  '@container plaudit (min-width:520px){.pcards{grid-auto-columns:calc((100% - 12px)/2)}.ptiles{grid-auto-columns:calc((100% - 36px)/4)}}' +
  '@container plaudit (min-width:800px){.pcards{grid-auto-columns:calc((100% - 24px)/3)}.ptiles{grid-auto-columns:calc((100% - 60px)/6)}}' +
  '@container plaudit (min-width:1080px){.pcards{grid-auto-columns:calc((100% - 36px)/4)}}' +
  REDUCED_MOTION;

export const STARS_CSS =
  ':host{display:inline-block;min-height:1.5em;line-height:1.5}' +
  'a{display:inline-flex;align-items:center;gap:6px;color:var(--plaudit-text-color,inherit);text-decoration:none;font-family:var(--plaudit-font-family,inherit)}' +
  '.ps{display:inline-flex;gap:1px;color:var(--plaudit-star-empty-color,#d1d5db);line-height:1;font-size:1.1em}' +
  '.ps .f{color:var(--plaudit-star-color,var(--plaudit-shop-star-color,#c27803))}' +
  '.ps .h{background:linear-gradient(90deg,var(--plaudit-star-color,var(--plaudit-shop-star-color,#c27803)) 50%,var(--plaudit-star-empty-color,#d1d5db) 50%);-webkit-background-clip:text;background-clip:text;color:transparent}' +
  '.pn{font-size:.875em;text-decoration:underline;text-underline-offset:2px}' +
  'a:focus-visible{outline:2px solid var(--plaudit-accent-color,var(--plaudit-shop-accent-color,#1f2937));outline-offset:2px}';
