import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLink } from '../../src/moderation/links.js';
import { hasPersonalData, MASK, maskPersonalData } from '../../src/moderation/personal-data.js';
import { hasProfanity, profanityRules } from '../../src/moderation/profanity.js';
import { screenReview } from '../../src/moderation/screen-review.js';
import { isNearDuplicate } from '../../src/moderation/text-similarity.js';
import { defaultShopSettings, type ShopSettings } from '../../src/shops/shop-settings.js';

const rules = (language = 'en', blocked: string[] = [], allowed: string[] = []) => profanityRules(language, blocked, allowed);
const settings = (change: Partial<ShopSettings> = {}, moderation: Partial<ShopSettings['moderation']> = {}): ShopSettings => ({
  ...defaultShopSettings,
  ...change,
  moderation: { ...defaultShopSettings.moderation, ...moderation },
});
const review = (content: string, extra: Partial<{ rating: number; author: string; title: string; verified: boolean }> = {}) => ({ rating: 5, author: 'Ann', title: '', content, verified: true, ...extra });

describe('profanity', () => {
  it('holds English swearing, also when disguised, and leaves innocent words that contain it alone', () => {
    expect(hasProfanity('This is fucking great', rules())).toBe(true);
    expect(hasProfanity('what a piece of sh1t', rules())).toBe(true);
    expect(hasProfanity('fuuuuck this, f*ck that', rules())).toBe(true);
    expect(hasProfanity('The class assessment of Scunthorpe was fine', rules())).toBe(false);
  });

  it("reads the shop language's list as whole words, and Chinese or Japanese anywhere in the text", () => {
    expect(hasProfanity('Das ist ein Arschloch von Produkt', rules('de'))).toBe(true);
    expect(hasProfanity('Arschlochkind', rules('de'))).toBe(false);
    expect(hasProfanity('Das ist ein Arschloch von Produkt', rules('fr'))).toBe(false);
    expect(hasProfanity('这个东西是傻逼做的', rules('zh-CN'))).toBe(true);
  });

  it("adds the shop's blocked words and drops its allowed ones", () => {
    expect(hasProfanity('Ordered from CompetitorMart instead', rules('en', ['competitormart']))).toBe(true);
    expect(hasProfanity('Ordered from competitormartian', rules('en', ['competitormart']))).toBe(false);
    expect(hasProfanity('The Hure valley honey is lovely', rules('de'))).toBe(true);
    expect(hasProfanity('The Hure valley honey is lovely', rules('de', [], ['hure']))).toBe(false);
  });
});

describe('links', () => {
  it('finds web addresses with a scheme, www. or a spam-prone ending, and not abbreviations or versions', () => {
    for (const text of ['see https://cheap.example/x', 'visit www.deals.example', 'buy at cheap-pills.com now', 'HTTP://SHOUT.EXAMPLE']) expect(hasLink(text), text).toBe(true);
    for (const text of ['fits e.g. a 3.5 inch drive', 'works with v2.5 firmware', 'mail me at ann@example.com', 'well.made and nice']) expect(hasLink(text), text).toBe(false);
  });
});

describe('personal data', () => {
  it('finds e-mail addresses and phone numbers, not dates, prices or sizes', () => {
    for (const text of ['write to ann.lee@example.com', 'call +44 20 7946 0958', 'call (555) 123-4567 today', 'ring 0176 12345678']) expect(hasPersonalData(text), text).toBe(true);
    for (const text of ['arrived on 2025-04-01', 'since 01.04.2025', 'cost $1,299.99', 'size 42 fits', 'order 12345', 'order 12345678', 'tried sizes 38 39 40 41 42', 'worn in 2024 2025', 'v3.5 2025 2025']) expect(hasPersonalData(text), text).toBe(false);
    for (const text of ['text 555-123-4567', 'call 5551234567 now', 'ruf an: 030 1234567']) expect(hasPersonalData(text), text).toBe(true);
  });

  it('masks each address and number and keeps every other word', () => {
    expect(maskPersonalData('Mail ann@example.com or call +1 555 123 4567, delivered 2025-04-01.')).toBe(`Mail ${MASK} or call ${MASK}, delivered 2025-04-01.`);
  });
});

describe('near-duplicates', () => {
  it('sees the same words through case, punctuation and small edits, and leaves short or different texts', () => {
    expect(isNearDuplicate('Amazing quality, fast shipping and great support from the team', 'amazing quality fast shipping, and GREAT support from the team!!')).toBe(true);
    expect(isNearDuplicate('Amazing quality, fast shipping and great support from the team', 'Amazing quality, fast shipping and great support from this team')).toBe(true);
    expect(isNearDuplicate('Great, thanks!', 'Great, thanks!')).toBe(false);
    expect(isNearDuplicate('The blue mug keeps coffee hot for hours', 'The sandals pinch at the heel after a long walk')).toBe(false);
  });
});

describe('screenReview', () => {
  it('holds with every reason that applies, and approves what passes', () => {
    const held = screenReview(review('fucking great, see www.spam.example'), settings(), { earlierTexts: [] });
    expect(held).toMatchObject({ status: 'held', reasons: ['profanity', 'link'] });
    expect(screenReview(review('Lovely mug, keeps coffee hot'), settings(), { earlierTexts: [] })).toMatchObject({ status: 'approved', reasons: [] });
  });

  it('masks personal data by default and holds it when the shop says so', () => {
    const masked = screenReview(review('Call me on +44 20 7946 0958'), settings(), { earlierTexts: [] });
    expect(masked).toEqual({ status: 'approved', reasons: ['personal_data_masked'], title: '', content: `Call me on ${MASK}` });
    expect(screenReview(review('Call me on +44 20 7946 0958'), settings({}, { personal_data: 'hold' }), { earlierTexts: [] })).toMatchObject({ status: 'held', reasons: ['personal_data'], content: 'Call me on +44 20 7946 0958' });
    expect(screenReview(review('Call me on +44 20 7946 0958'), settings({}, { personal_data: 'off' }), { earlierTexts: [] })).toMatchObject({ status: 'approved', reasons: [] });
  });

  it('holds a near-duplicate and a review no order verifies only when those rules are on', () => {
    const text = 'Amazing quality, fast shipping and great support from the team';
    expect(screenReview(review(text), settings(), { earlierTexts: [text] }).reasons).toEqual(['near_duplicate']);
    expect(screenReview(review(text), settings({}, { near_duplicates: 'off' }), { earlierTexts: [text] }).reasons).toEqual([]);
    expect(screenReview(review('Fine', { verified: false }), settings(), { earlierTexts: [] }).reasons).toEqual([]);
    expect(screenReview(review('Fine', { verified: false }), settings({}, { no_order: 'hold' }), { earlierTexts: [] }).reasons).toEqual(['no_order']);
  });

  it("names the shop's publication settings as reasons of their own", () => {
    expect(screenReview(review('Fine'), settings({ auto_publish: false }), { earlierTexts: [] }).reasons).toEqual(['manual_review']);
    expect(screenReview(review('Fine', { rating: 2 }), settings({ auto_publish_min_rating: 4 }), { earlierTexts: [] }).reasons).toEqual(['below_min_rating']);
  });

  it('never holds a text without a trigger, in any language the widget speaks, at any rating', () => {
    // Ordinary review words of several widget languages; numbers short enough not to be a phone number.
    const words = ['great', 'mug', 'fits', 'well', 'the', 'colour', 'arrived', 'quickly', 'sehr', 'gut', 'Tasse', 'très', 'belle', 'qualité', 'muy', 'bonito', 'ottimo', 'prodotto', 'mooi', 'bra', 'çok', 'güzel', 'とても', '良い', '좋아요', '很好', 'ممتاز', 'size', '42', '2025', '3.5', '10%'];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ', ', '. ', '! ', '\n')), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([word, gap]) => word + gap).join('').trim());
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 5 }), fc.constantFrom('en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'tr', 'ja', 'ko', 'zh-CN', 'ar'), fc.boolean(), (content, rating, language, verified) => {
        const decision = screenReview(review(content, { rating, verified }), settings({ language }), { earlierTexts: [] });
        expect(decision).toEqual({ status: 'approved', reasons: [], title: '', content });
      }),
    );
  });

  it('applies the content rules the same to every rating (FTC 16 CFR 465: no suppression by rating)', () => {
    const texts = ['Lovely mug', 'fucking awful', 'see www.spam.example', 'call +44 20 7946 0958', 'Amazing quality, fast shipping and great support from the team', 'Shit, but www.x.com'];
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.record({ profanity: fc.constantFrom('hold', 'off'), links: fc.constantFrom('hold', 'off'), personal_data: fc.constantFrom('hold', 'mask', 'off'), near_duplicates: fc.constantFrom('hold', 'off'), no_order: fc.constantFrom('hold', 'off') } as const),
        fc.boolean(),
        (text, ratingA, ratingB, moderation, verified) => {
          // Publication settings that never hold by rating: then the rating must not change anything.
          const shop = settings({ auto_publish: true, auto_publish_min_rating: 1 }, moderation);
          const facts = { earlierTexts: [texts[4]!] };
          const a = screenReview(review(text, { rating: ratingA, verified }), shop, facts);
          const b = screenReview(review(text, { rating: ratingB, verified }), shop, facts);
          expect(a).toEqual(b);
        },
      ),
    );
  });
});
