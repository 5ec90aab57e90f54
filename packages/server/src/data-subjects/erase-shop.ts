import { eraseShopCustomers } from '../customers/customer-data.js';
import type { Db } from '../db/connect.js';
import { eraseShopEvents } from '../events/event-data.js';
import { forgetShopAnswers } from '../http/idempotency.js';
import { eraseShopMedia, filesOfShop } from '../media/review-files.js';
import { deleteMediaFiles } from '../media/sweep-unattached.js';
import { forgetShopMembership } from '../merchants/merchant-repository.js';
import { eraseShopOrders } from '../orders/order-data.js';
import { eraseShopOutbox } from '../outbox/outbox.js';
import { eraseShopGrants } from '../platforms/platform-shop.js';
import { eraseShopProducts } from '../products/product-repository.js';
import { eraseShopImports, importFilesOfShop } from '../review-csv/review-import-repository.js';
import { eraseShopReviews } from '../reviews/author-data.js';
import { eraseShopQuestions } from '../questions/asker-data.js';
import { eraseShopConnectors } from '../store-links/connector-links.js';
import { eraseShopRecord, findShopById } from '../shops/shop-repository.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { eraseShopWebhooks } from '../webhooks/subscription-repository.js';

/**
 * Erases a whole shop (docs/privacy.md §5: Shopify's `shop/redact`, a merchant leaving): its files,
 * then every row of it in one transaction, children before the rows they reference, the shop last.
 * Files go first because bytes cannot roll back: if the transaction then fails, running the
 * erasure again finishes it, whereas rows deleted first would leave bytes nothing points to.
 * Answers false when there is no such shop.
 */
export async function eraseShop(deps: { db: Db; storage: MediaStorage }, shopId: string): Promise<boolean> {
  const db = deps.db.kysely;
  if (!(await findShopById(db, shopId))) return false;
  await deleteMediaFiles(db, deps.storage, await filesOfShop(db, shopId));
  for (const key of await importFilesOfShop(db, shopId)) await deps.storage.delete(key);
  await db.transaction().execute(async (trx) => {
    await eraseShopImports(trx, shopId);
    await eraseShopWebhooks(trx, shopId);
    await eraseShopGrants(trx, shopId);
    await forgetShopMembership(trx, shopId);
    await eraseShopReviews(trx, shopId);
    await eraseShopQuestions(trx, shopId);
    await eraseShopConnectors(trx, shopId);
    await eraseShopMedia(trx, shopId);
    await eraseShopOrders(trx, shopId);
    await eraseShopEvents(trx, shopId);
    await eraseShopCustomers(trx, shopId);
    await eraseShopOutbox(trx, shopId);
    await eraseShopProducts(trx, shopId);
    await forgetShopAnswers(trx, shopId);
    await eraseShopRecord(trx, shopId);
  });
  return true;
}
