import type { MediaStorage } from '../storage/media-storage.js';
import { seedDemoPhotos } from './demo-photos.js';
import type { MediaUrls } from '../media/media-urls.js';
import type { Db } from '../db/connect.js';
import { hmacActor } from '../http/actor.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import { createReview, type NewReview } from '../reviews/create-review.service.js';
import { findShopById } from '../shops/shop-repository.js';

const MUG = { title: 'Stoneware Mug', handle: 'stoneware-mug' };
const TEE = { title: 'Organic Cotton Tee', handle: 'organic-cotton-tee' };

type Sample = Pick<NewReview, 'productId' | 'rating' | 'author' | 'authorCountry' | 'title' | 'content' | 'isVerified'> & {
  product: typeof MUG | Record<string, never>;
  daysAgo: number;
  reply?: string;
  /** Shown as the incentive disclosure (FTC 16 CFR 465). */
  incentive?: string;
};

// Between them they show every part of a review card: verified badges, countries, a text long
// enough for "Read more", a reply from the shop, photos (the first two), dates across months, and
// an incentive disclosure.
const SAMPLES: Sample[] = [
  {
    productId: 'demo-mug', rating: 5, author: 'Ann Lee', authorCountry: 'US', isVerified: 1, daysAgo: 2, title: 'Keeps coffee hot', product: MUG,
    content: 'Heavy, well glazed and the handle fits two fingers. Bought a second one. It keeps coffee hot through a whole meeting, goes through the dishwasher without losing its shine, and the glaze has a lovely depth in daylight. The base is unglazed, so it never scratches the table. My only wish is a matching saucer; I would buy that too.',
  },
  { productId: 'demo-mug', rating: 4, author: 'Bo Chen', authorCountry: 'DE', isVerified: 1, daysAgo: 9, title: 'Lovely colour', content: 'The blue is deeper than in the photos. Slightly smaller than I expected.', product: MUG, incentive: 'a 10% discount code' },
  { productId: 'demo-mug', rating: 2, author: 'Cy Park', authorCountry: 'KR', isVerified: 0, daysAgo: 24, title: 'Arrived chipped', content: 'The rim was chipped on arrival. Support sent a replacement quickly.', product: MUG, reply: 'Sorry about that, Cy! We now pack every mug in a moulded pulp sleeve.' },
  { productId: 'demo-tee', rating: 5, author: 'Di Alvarez', authorCountry: 'ES', isVerified: 1, daysAgo: 40, title: 'Soft and true to size', content: 'Washed it five times, no shrinking. The fabric feels great.', product: TEE },
  { productId: 'demo-tee', rating: 3, author: 'Ed Novak', authorCountry: 'CZ', isVerified: 0, daysAgo: 75, title: 'Fine, a bit thin', content: 'Nice fit but thinner than my other tees.', product: TEE },
  { productId: '0', rating: 5, author: 'Fay Moreau', authorCountry: 'FR', isVerified: 0, daysAgo: 130, title: 'Great shop', content: 'Fast shipping and a handwritten thank-you note.', product: {} },
];

/** A few reviews for the demo shop, so the console and the API have something to show at once. */
export async function seedDemoReviews(db: Db, clock: Clock, shopId: string, mediaUrls: MediaUrls, storage: MediaStorage): Promise<void> {
  const shop = (await findShopById(db.kysely, shopId))!;
  const actor = { ...hmacActor(shop), caller: 'demo', recordedAs: { kind: 'system' as const, id: 'demo', name: 'Demo data' } };
  const photos = await seedDemoPhotos(db.kysely, storage, shopId, unixSeconds(clock));
  // The first two mug reviews carry a photo each, so the gallery and the lightbox have something to show.
  const mediaFor = (index: number) => (index < photos.length ? [{ url: mediaUrls.urlOf(photos[index]!), thumbnailUrl: undefined, type: 1 as const, isPublished: 1 as const, urlField: 'media', thumbnailField: 'media' }] : []);
  await db.kysely.transaction().execute(async (trx) => {
    // Oldest first, so the order they arrived in (the console's list) is the order they were written in.
    for (const [index, { daysAgo, reply, incentive, ...sample }] of [...SAMPLES.entries()].reverse()) {
      const commentedAt = unixSeconds(clock) - daysAgo * 86_400;
      await createReview(
        trx,
        actor,
        {
          ...sample,
          authorEmail: '',
          authorPhone: '',
          commentedAt,
          itemType: '',
          source: 'demo',
          tag: '',
          orderId: '',
          isFeatured: 0,
          isPublished: undefined,
          isTop: 0,
          isIncentivized: incentive === undefined ? 0 : 1,
          incentive: incentive ?? '',
          reply: reply === undefined ? null : { content: reply, replyAt: commentedAt + 86_400 },
          media: mediaFor(index),
        },
        { mediaUrls, storage, nowMs: clock.now() },
      );
    }
  });
}
