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

const SAMPLES: Array<Pick<NewReview, 'productId' | 'rating' | 'author' | 'title' | 'content'> & { product: typeof MUG | Record<string, never> }> = [
  { productId: 'demo-mug', rating: 5, author: 'Ann Lee', title: 'Keeps coffee hot', content: 'Heavy, well glazed and the handle fits two fingers. Bought a second one.', product: MUG },
  { productId: 'demo-mug', rating: 4, author: 'Bo Chen', title: 'Lovely colour', content: 'The blue is deeper than in the photos. Slightly smaller than I expected.', product: MUG },
  { productId: 'demo-mug', rating: 2, author: 'Cy Park', title: 'Arrived chipped', content: 'The rim was chipped on arrival. Support sent a replacement quickly.', product: MUG },
  { productId: 'demo-tee', rating: 5, author: 'Di Alvarez', title: 'Soft and true to size', content: 'Washed it five times, no shrinking. The fabric feels great.', product: TEE },
  { productId: 'demo-tee', rating: 3, author: 'Ed Novak', title: 'Fine, a bit thin', content: 'Nice fit but thinner than my other tees.', product: TEE },
  { productId: '0', rating: 5, author: 'Fay Moreau', title: 'Great shop', content: 'Fast shipping and a handwritten thank-you note.', product: {} },
];

/** A few reviews for the demo shop, so the console and the API have something to show at once. */
export async function seedDemoReviews(db: Db, clock: Clock, shopId: string, mediaUrls: MediaUrls, storage: MediaStorage): Promise<void> {
  const shop = (await findShopById(db.kysely, shopId))!;
  const actor = { ...hmacActor(shop), caller: 'demo' };
  const photos = await seedDemoPhotos(db.kysely, storage, shopId, unixSeconds(clock));
  // The first two mug reviews carry a photo each, so the gallery and the lightbox have something to show.
  const mediaFor = (index: number) => (index < photos.length ? [{ url: mediaUrls.urlOf(photos[index]!), thumbnailUrl: undefined, type: 1 as const, isPublished: 1 as const, urlField: 'media', thumbnailField: 'media' }] : []);
  await db.kysely.transaction().execute(async (trx) => {
    for (const [index, sample] of SAMPLES.entries()) {
      await createReview(
        trx,
        actor,
        {
          ...sample,
          authorEmail: '',
          authorPhone: '',
          authorCountry: '',
          commentedAt: undefined,
          itemType: '',
          source: 'demo',
          tag: '',
          orderId: '',
          isVerified: 0,
          isFeatured: 0,
          isPublished: undefined,
          isTop: 0,
          reply: null,
          media: mediaFor(index),
        },
        { mediaUrls, storage, nowMs: clock.now() },
      );
    }
  });
}
