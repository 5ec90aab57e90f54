import type { Kysely } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { eraseCustomerData } from '../../data-subjects/erase-customer-data.js';
import { eraseShop } from '../../data-subjects/erase-shop.js';
import type { Actor } from '../../http/actor.js';
import { deleteMediaFiles } from '../../media/sweep-unattached.js';
import { uninstallShop } from '../../platforms/grant-service.js';
import { findShopById, type ShopRow } from '../../shops/shop-repository.js';
import type { MediaStorage } from '../../storage/media-storage.js';
import { type ConnectorLinkRow, findLinkByStore, markUninstalled } from '../../store-links/connector-links.js';
import { applyStoreOrder, applyStoreProduct, storeActor } from '../store-objects.js';
import { secondsOf } from '../../time/clock.js';
import { recordNotice } from '../../webhooks/shop-notices.js';
import { shopifyId } from './shopify-json.js';
import { hasEnded, orderFromShopify, productFromShopify, type ShopifyOrder, type ShopifyProduct, shopifySeconds } from './shopify-payloads.js';

export interface ShopifyDelivery {
  /** As the library normalises it: ORDERS_CREATE. */
  topic: string;
  /** X-Shopify-Shop-Domain, checked by the library with the HMAC. */
  domain: string;
  payload: Record<string, unknown>;
}

export interface ShopifyOutcome {
  status: 200 | 400 | 401;
  outcome: 'applied' | 'stale' | 'ignored' | 'recorded' | 'refused' | 'invalid';
}

/** The mandatory compliance topics: answered even after the app was removed (shop/redact comes 48 hours later). */
const COMPLIANCE = new Set(['CUSTOMERS_DATA_REQUEST', 'CUSTOMERS_REDACT', 'SHOP_REDACT']);
const ORDER_TOPICS = new Set(['ORDERS_CREATE', 'ORDERS_UPDATED', 'ORDERS_FULFILLED', 'ORDERS_CANCELLED', 'ORDERS_PAID']);
const PRODUCT_TOPICS = new Set(['PRODUCTS_CREATE', 'PRODUCTS_UPDATE']);


export interface ShopifyDeliveryDeps {
  db: Db;
  storage: MediaStorage;
}

/**
 * One verified Shopify webhook (docs/connectors.md): the library has checked its HMAC with the
 * app's secret; the store must be linked to a Plaudit shop and still have the app, except for the
 * compliance topics, which Shopify sends after an uninstall too.
 */
export async function receiveShopifyDelivery(deps: ShopifyDeliveryDeps, delivery: ShopifyDelivery, nowMs: number): Promise<ShopifyOutcome> {
  const db = deps.db.kysely;
  const link = await findLinkByStore(db, 'shopify', delivery.domain.toLowerCase());
  const shop = link ? await findShopById(db, link.shop_id) : undefined;
  if (COMPLIANCE.has(delivery.topic)) return shop ? compliance(deps, shop, delivery, nowMs) : { status: 200, outcome: 'ignored' };
  if (!link || !shop || link.status !== 'active') return { status: 401, outcome: 'refused' };
  if (delivery.topic === 'APP_UNINSTALLED') return uninstalled(db, link, shop, nowMs);
  const id = shopifyId(delivery.payload.id);
  if (id === undefined) return { status: 400, outcome: 'invalid' };
  if (ORDER_TOPICS.has(delivery.topic)) return applyOrder(db, storeActor(shop, 'shopify'), delivery.payload as unknown as ShopifyOrder, nowMs);
  if (PRODUCT_TOPICS.has(delivery.topic)) return applyProduct(db, shop.id, link.external_shop, delivery.payload as unknown as ShopifyProduct, nowMs);
  // products/delete and any other topic: the product records stay, since reviews name them.
  return { status: 200, outcome: 'ignored' };
}

/** One order, from a webhook or the backfill: applied unless a newer state of it was applied before. */
export async function applyShopifyOrder(db: Kysely<Database>, shop: ShopRow, order: ShopifyOrder, nowMs: number): Promise<ShopifyOutcome> {
  return applyOrder(db, storeActor(shop, 'shopify'), order, nowMs);
}

async function applyOrder(db: Kysely<Database>, actor: Actor, order: ShopifyOrder, nowMs: number): Promise<ShopifyOutcome> {
  const modifiedAt = shopifySeconds(order.updated_at) ?? shopifySeconds(order.created_at);
  if (modifiedAt === undefined) return { status: 400, outcome: 'invalid' };
  const outcome = await applyStoreOrder(db, actor, 'shopify', { externalId: shopifyId(order.id)!, modifiedAt, ended: hasEnded(order), input: orderFromShopify(order) }, nowMs);
  return { status: 200, outcome };
}

/** One product, from a webhook or the backfill, under the same rule. */
export async function applyProduct(db: Kysely<Database>, shopId: string, storeDomain: string, product: ShopifyProduct, nowMs: number): Promise<ShopifyOutcome> {
  const modifiedAt = shopifySeconds(product.updated_at);
  if (modifiedAt === undefined) return { status: 400, outcome: 'invalid' };
  return { status: 200, outcome: await applyStoreProduct(db, shopId, 'shopify', { externalId: shopifyId(product.id)!, modifiedAt, fields: productFromShopify(product, storeDomain) }, nowMs) };
}

/** app/uninstalled: the token goes, later webhooks are refused, the shop is deactivated and platforms are told. */
async function uninstalled(db: Kysely<Database>, link: ConnectorLinkRow, shop: ShopRow, nowMs: number): Promise<ShopifyOutcome> {
  await db.transaction().execute(async (trx) => {
    await markUninstalled(trx, link, secondsOf(nowMs));
    await uninstallShop(trx, shop, nowMs);
  });
  return { status: 200, outcome: 'applied' };
}

/**
 * The compliance topics, answered with the data-subject tools of docs/privacy.md: a customer's
 * redaction anonymizes their reviews and erases the rest; a shop's redaction erases the whole shop;
 * a data request is left for the merchant, who downloads the data from the console.
 */
async function compliance(deps: ShopifyDeliveryDeps, shop: ShopRow, delivery: ShopifyDelivery, nowMs: number): Promise<ShopifyOutcome> {
  const customer = (delivery.payload.customer ?? {}) as { id?: unknown; email?: unknown };
  const email = typeof customer.email === 'string' && customer.email !== '' ? customer.email : undefined;
  const customerId = shopifyId(customer.id);
  if (delivery.topic === 'SHOP_REDACT') {
    await eraseShop(deps, shop.id);
    return { status: 200, outcome: 'applied' };
  }
  if (email === undefined && customerId === undefined) return { status: 400, outcome: 'invalid' };
  if (delivery.topic === 'CUSTOMERS_DATA_REQUEST') {
    // The store's customer id where it has one: a notice naming an address would outlive the address's erasure.
    const who = customerId !== undefined ? `customer ${customerId}` : email;
    await recordNotice(deps.db.kysely, shop.id, 'data_request', `Shopify asked for the data Plaudit holds about ${who}: download it in Customers → A shopper's data and send it to the store owner.`, secondsOf(nowMs));
    return { status: 200, outcome: 'recorded' };
  }
  const selector = email !== undefined ? { email } : { customerId };
  const { releasedFiles } = await deps.db.kysely.transaction().execute((trx) => eraseCustomerData(trx, shop.id, { ...selector, mode: 'anonymize' }, nowMs));
  await deleteMediaFiles(deps.db.kysely, deps.storage, releasedFiles);
  return { status: 200, outcome: 'applied' };
}
