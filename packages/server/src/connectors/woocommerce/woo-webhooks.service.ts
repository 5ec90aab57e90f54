import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { findShopById } from '../../shops/shop-repository.js';
import { findLink, secretOf } from '../../store-links/connector-links.js';
import { applyStoreOrder, applyStoreProduct, storeActor } from '../store-objects.js';
import { isGenuineWooDelivery } from './woo-signature.js';
import { ENDED_STATUSES, gmtSeconds, orderFromWoo, type WooOrder, type WooProduct } from './woo-payloads.js';

export interface WooDelivery {
  rawBody: string;
  signature: string | undefined;
  /** `X-WC-Webhook-Topic`, e.g. order.updated; absent on the ping WooCommerce sends when a webhook is saved. */
  topic: string | undefined;
}

/** What became of a delivery: the HTTP status answered, and why (for the log, never for the sender). */
export interface WooOutcome {
  status: 200 | 400 | 401;
  outcome: 'applied' | 'stale' | 'ignored' | 'ping' | 'refused' | 'invalid';
}

/** WooCommerce's ping when a webhook is saved: `webhook_id=<n>`, form-encoded. It changes nothing. */
const PING = /^webhook_id=\d{1,20}$/;


/**
 * One WooCommerce webhook delivery for a shop (docs/connectors.md): verified with the shop's
 * webhook secret before anything is read; orders go through Create Order (idempotent on the order
 * id), products through the product records; an older modification than one already applied is
 * acknowledged and ignored. A refusal stores nothing.
 */
export async function receiveWooDelivery(deps: { db: Kysely<Database>; secretKey: Buffer }, shopId: string, delivery: WooDelivery, nowMs: number): Promise<WooOutcome> {
  const shop = await findShopById(deps.db, shopId);
  const link = shop && shop.status === 'active' ? await findLink(deps.db, 'woocommerce', shopId) : undefined;
  if (!shop || !link || link.status !== 'active') return { status: 401, outcome: 'refused' };
  if (delivery.topic === undefined && PING.test(delivery.rawBody.trim())) return { status: 200, outcome: 'ping' };
  if (!isGenuineWooDelivery(delivery.rawBody, delivery.signature, secretOf(deps.secretKey, link))) return { status: 401, outcome: 'refused' };

  let payload: unknown;
  try {
    payload = JSON.parse(delivery.rawBody);
  } catch {
    return { status: 400, outcome: 'invalid' };
  }
  if (typeof payload !== 'object' || payload === null || !Number.isSafeInteger((payload as { id?: unknown }).id)) return { status: 400, outcome: 'invalid' };
  const [resource, event] = (delivery.topic ?? '').split('.');
  if (event !== 'created' && event !== 'updated') return { status: 200, outcome: 'ignored' };
  if (resource === 'order') return applyOrder(deps.db, storeActor(shop, 'woocommerce'), payload as WooOrder, nowMs);
  if (resource === 'product') return applyProduct(deps.db, shopId, payload as WooProduct, nowMs);
  return { status: 200, outcome: 'ignored' };
}

async function applyOrder(db: Kysely<Database>, actor: Actor, order: WooOrder, nowMs: number): Promise<WooOutcome> {
  const modifiedAt = gmtSeconds(order.date_modified_gmt) ?? gmtSeconds(order.date_created_gmt);
  if (modifiedAt === undefined || typeof order.status !== 'string') return { status: 400, outcome: 'invalid' };
  const outcome = await applyStoreOrder(db, actor, 'woocommerce', { externalId: String(order.id), modifiedAt, ended: ENDED_STATUSES.has(order.status), input: orderFromWoo(order) }, nowMs);
  return { status: 200, outcome };
}

async function applyProduct(db: Kysely<Database>, shopId: string, product: WooProduct, nowMs: number): Promise<WooOutcome> {
  const modifiedAt = gmtSeconds(product.date_modified_gmt);
  if (modifiedAt === undefined) return { status: 400, outcome: 'invalid' };
  const fields = { title: product.name, handle: product.slug, url: product.permalink, image: product.images?.[0]?.src, sku: product.sku };
  return { status: 200, outcome: await applyStoreProduct(db, shopId, 'woocommerce', { externalId: String(product.id), modifiedAt, fields }, nowMs) };
}
