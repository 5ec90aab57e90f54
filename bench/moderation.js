// npm run bench:moderation (and the end of npm run bench): what the moderation rules cost a new
// review on the request path (docs/reference/moderation.md), in this process, against the cost of
// reading the same review's JSON body measured in the same run. Every rule is on, with two earlier
// texts to compare, in English, German and Japanese (the lists differ per language).
import { screenReview } from '../packages/server/dist/moderation/screen-review.js';
import { defaultShopSettings } from '../packages/server/dist/shops/shop-settings.js';

const ROUNDS = Number(process.env.BENCH_MODERATION_ROUNDS ?? 20_000);
const review = {
  rating: 4,
  author: 'Ann Lee',
  title: 'Keeps coffee hot',
  content: 'Heavy, well glazed and the handle fits two fingers. Bought a second one. It keeps coffee hot through a whole meeting, goes through the dishwasher without losing its shine, and the glaze has a lovely depth in daylight.',
  verified: true,
};
const facts = { earlierTexts: ['The blue is deeper than in the photos. Slightly smaller than I expected.', 'Fast shipping and a handwritten thank-you note.'] };
const body = JSON.stringify({ product_id: '9200305176832', ...review });

/** Microseconds per call, after a warm-up of a tenth as many calls. */
function microseconds(work) {
  for (let i = 0; i < ROUNDS / 10; i++) work();
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) work();
  return ((performance.now() - start) * 1000) / ROUNDS;
}

const baseline = microseconds(() => JSON.parse(body));
console.log(`Moderation rules per new review (${ROUNDS.toLocaleString('en')} rounds)`);
console.log(`  baseline: JSON.parse of the review's body         ${baseline.toFixed(1)} µs`);
for (const language of ['en', 'de', 'ja']) {
  const settings = { ...defaultShopSettings, language, moderation: { ...defaultShopSettings.moderation, no_order: 'hold' } };
  const cost = microseconds(() => screenReview(review, settings, facts));
  console.log(`  screenReview, shop language ${language.padEnd(2)}                   ${cost.toFixed(1)} µs  (${(cost / baseline).toFixed(1)}x baseline)`);
}
