import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@plaudit/review-view/messages';
import { formatReviewDate } from '@plaudit/review-view/review-date';
import { reviewViewCss, scopedRule } from '@plaudit/review-view/review-view-style';
import { starParts } from '@plaudit/review-view/star-glyphs';
import { renderHtml } from '@plaudit/review-view/view/html';
import { el } from '@plaudit/review-view/view/node';
import { reviewCardView, LONG_REVIEW_CHARACTERS } from '@plaudit/review-view/view/review-card';
import { starPickerCss } from '@plaudit/review-view/view/star-picker';
import type { StorefrontReview } from '@plaudit/review-view/storefront-review';

/** Every selector of a stylesheet, at-rule blocks opened. */
function selectorsOf(css: string): string[] {
  const selectors: string[] = [];
  const body = css.replace(/@keyframes\s+\w+\{(?:[^{}]*\{[^{}]*\})*\}/g, '');
  for (const match of body.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
    const prelude = match[1]!.replace(/^.*@[^{]*\{/, '').trim();
    if (prelude.startsWith('@')) continue;
    selectors.push(...prelude.split(',').map((selector) => selector.trim()));
  }
  return selectors;
}

const review = (patch: Partial<StorefrontReview> = {}): StorefrontReview => ({
  id: 7,
  star: 4,
  author: 'Ann L.',
  author_country: 'DE',
  title: 'Good',
  content: 'Solid mug.',
  commented_at: '2026-11-01 10:00:00',
  verified_badge: 1,
  verification_method: 'order',
  incentivized: 0,
  incentive: '',
  reply_content: '',
  item_type: '',
  helpful_count: 2,
  resources: [],
  corresponding_product: null,
  ...patch,
});

describe('review view', () => {
  it('scopes every selector of the shared sheet to its root, after the first comma too', () => {
    for (const root of ['.plaudit-ssr', '.pv']) {
      const selectors = selectorsOf(reviewViewCss(root));
      expect(selectors.length).toBeGreaterThan(50);
      // The root, then a combinator, an attribute or a pseudo-class: `.pvselect` (the old bug) is not scoped.
      for (const selector of selectors) expect(selector.startsWith(root) && /^([ \[:]|$)/.test(selector.slice(root.length)), selector).toBe(true);
    }
    expect(scopedRule('.pv', '&[dir=rtl] a, button,select', 'x:y')).toBe('.pv[dir=rtl] a,.pv button,.pv select{x:y}');
    for (const selector of selectorsOf(starPickerCss('main'))) expect(selector.startsWith('main .ppick'), selector).toBe(true);
  });

  it('writes text and attribute values escaped, and drops handlers', () => {
    const tree = el('p', { title: '"><script>', onclick: () => undefined, hidden: true, 'data-x': 0 }, '<b>&</b>', el('br'));
    expect(renderHtml(tree)).toBe('<p title="&quot;&gt;&lt;script&gt;" hidden data-x="0">&lt;b&gt;&amp;&lt;/b&gt;<br></p>');
  });

  it('refuses tag and attribute names it could not write safely', () => {
    expect(() => renderHtml(el('p', { onclick: 'alert(1)' }))).toThrow(/unsafe attribute/);
    expect(() => renderHtml(el('p', { 'a b': 'x' }))).toThrow(/unsafe attribute/);
    expect(() => renderHtml(el('scr ipt'))).toThrow(/unsafe tag/);
  });

  it('rounds ratings to half stars', () => {
    expect(starParts(3.67).join('')).toBe('fffhe');
    expect(starParts(4.8).join('')).toBe('fffff');
    expect(starParts(0).join('')).toBe('eeeee');
    expect(starParts(1.2).join('')).toBe('feeee');
  });

  it('writes relative dates in the language of the page', () => {
    const now = Date.parse('2026-11-22T12:00:00Z') / 1000;
    expect(formatReviewDate('2026-11-01 10:00:00', 'relative', 'en', now)).toBe('3 weeks ago');
    expect(formatReviewDate('2026-11-21 10:00:00', 'relative', 'de', now)).toBe('gestern');
    expect(formatReviewDate('2026-11-22 10:00:00', 'relative', 'fr', now)).toBe('aujourd’hui');
    expect(formatReviewDate('2025-10-01 10:00:00', 'relative', 'ja', now)).toBe('昨年');
    expect(formatReviewDate('2026-11-01 10:00:00', 'dd/mm/yyyy', 'en', now)).toBe('01/11/2026');
  });

  it('cuts long texts behind "Read more" and explains the verified badge', () => {
    const context = { messages: MESSAGES.en, dateFormat: 'yyyy-mm-dd' as const, nowSeconds: 0, shopName: 'Mugs & Co', showHelpful: true };
    const short = renderHtml(reviewCardView(review(), context));
    expect(short).not.toContain('pmore');
    expect(short).toContain('<span class="pbadge" tabindex="0" aria-describedby="plaudit-verified-7">');
    expect(short).toContain('role="tooltip" id="plaudit-verified-7">Matched to an order of this product in the shop.</span>');
    // The badge says how the review was verified.
    expect(renderHtml(reviewCardView(review({ verification_method: 'import' }), context))).toContain('>Marked as a verified purchase by the review app it was imported from.</span>');
    expect(renderHtml(reviewCardView(review({ verification_method: 'platform' }), context))).toContain('>The shop confirmed that this reviewer bought the product.</span>');
    const long = renderHtml(reviewCardView(review({ content: 'x'.repeat(LONG_REVIEW_CHARACTERS + 1), reply_content: 'Thanks!' }), context));
    expect(long).toContain('<li class="pr plong"');
    expect(long).toContain('<label class="pmore" for="plaudit-more-7"><span class="pl0">Read more</span><span class="pl1">Show less</span></label>');
    expect(long).toContain('<p class="preh">Reply from Mugs &amp; Co</p>');
  });

  it('discloses an incentive on its own line, with what it was when the shop said so, and never otherwise', () => {
    const context = { messages: MESSAGES.en, dateFormat: 'yyyy-mm-dd' as const, nowSeconds: 0, shopName: 'Mugs & Co', showHelpful: false };
    expect(renderHtml(reviewCardView(review(), context))).not.toContain('pinc');
    const described = renderHtml(reviewCardView(review({ incentivized: 1, incentive: '10% off <next> order' }), context));
    expect(described).toContain(
      '<p class="pinc"><span class="pbadge pbadge-inc" tabindex="0" aria-describedby="plaudit-incentive-7">Received an incentive<span class="ptip" role="tooltip" id="plaudit-incentive-7">The reviewer received 10% off &lt;next&gt; order for this review.</span></span></p>',
    );
    const generic = renderHtml(reviewCardView(review({ incentivized: 1, incentive: '' }), { ...context, messages: MESSAGES.de }));
    expect(generic).toContain('>Mit Gegenleistung<');
    expect(generic).toContain('etwa einen Rabatt oder ein kostenloses Produkt.');
  });
});
