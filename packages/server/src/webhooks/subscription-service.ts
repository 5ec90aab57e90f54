import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type Actor, requireScope } from '../http/actor.js';
import { conflict, invalidField, notFound } from '../http/errors.js';
import { checkDestination, type EgressPolicy, EgressRefusedError, type HostResolver } from '../egress/safe-http-client.js';
import { open, seal } from '../crypto/secret-box.js';
import { randomBase64Secret } from '../crypto/tokens.js';
import { OAUTH_DEFAULTS } from '../config/security-defaults.js';
import { cancelPendingDeliveries } from './delivery-repository.js';
import {
  countOwnedSubscriptions,
  deleteSubscriptionRow,
  findDuplicate,
  findOwnedSubscription,
  insertSubscription,
  listOwnedSubscriptions,
  type SubscriptionOwner,
  type SubscriptionRow,
  updateSubscriptionRow,
} from './subscription-repository.js';
import { isTopic, TOPIC_SCOPES, TOPICS, type Topic } from '../outbox/topics.js';
import { presentWebhook } from './webhook-presenter.js';

export const MAX_SUBSCRIPTIONS_PER_OWNER = 20;
const MAX_URL_LENGTH = 2048;
/** After a rotation the old secret keeps signing for a day, so receivers can switch without a gap. */
const PREVIOUS_SECRET_SECONDS = 24 * 3600;

export interface SubscriptionDeps {
  secretKey: Buffer;
  egress: EgressPolicy;
  resolveHost?: HostResolver | undefined;
  now: number;
}

/** A shop-owned subscription for HMAC callers; a (platform, shop) one for bearer callers. */
export function ownerOf(actor: Actor): SubscriptionOwner {
  return { shopId: actor.shopId, platformId: actor.platformId ?? '' };
}

function checkTopic(actor: Actor, topic: string): Topic {
  if (!isTopic(topic)) throw invalidField('topic', `must be one of ${TOPICS.join(', ')}`);
  requireScope(actor, TOPIC_SCOPES[topic]);
  return topic;
}

async function checkUrl(url: string, deps: SubscriptionDeps): Promise<void> {
  if (url.length > MAX_URL_LENGTH) throw invalidField('url', `must be at most ${MAX_URL_LENGTH} characters`);
  try {
    await checkDestination(url, deps.egress, deps.resolveHost);
  } catch (error) {
    if (error instanceof EgressRefusedError) throw invalidField('url', error.reason);
    throw error;
  }
}

/** A subscription the caller owns, with the scope of its topic; foreign and missing alike are code 5. */
async function ownedSubscription(db: Kysely<Database>, actor: Actor, id: number): Promise<SubscriptionRow> {
  const row = await findOwnedSubscription(db, ownerOf(actor), id);
  if (!row) throw notFound('webhook', id);
  if (isTopic(row.topic)) requireScope(actor, TOPIC_SCOPES[row.topic]);
  return row;
}

function newSecret(): string {
  return `whsec_${randomBase64Secret(OAUTH_DEFAULTS.secretBytes)}`;
}

export async function createSubscription(db: Kysely<Database>, actor: Actor, deps: SubscriptionDeps, input: { topic: string; url: string }) {
  const topic = checkTopic(actor, input.topic);
  await checkUrl(input.url, deps);
  const owner = ownerOf(actor);
  if ((await countOwnedSubscriptions(db, owner)) >= MAX_SUBSCRIPTIONS_PER_OWNER) {
    throw invalidField('topic', `at most ${MAX_SUBSCRIPTIONS_PER_OWNER} webhooks per owner; delete one first`);
  }
  if (await findDuplicate(db, owner, topic, input.url)) throw conflict(`a webhook for ${topic} at this url already exists`);
  const secret = newSecret();
  const row = await insertSubscription(db, {
    shop_id: owner.shopId,
    platform_id: owner.platformId,
    topic,
    url: input.url,
    status: 'active',
    secret_sealed: seal(deps.secretKey, secret),
    consecutive_failures: 0,
    created_at: deps.now,
    updated_at: deps.now,
  });
  return { ...presentWebhook(row), secret };
}

export async function updateSubscription(
  db: Kysely<Database>,
  actor: Actor,
  deps: SubscriptionDeps,
  input: { id: number; topic?: string | undefined; url?: string | undefined; status?: 'active' | 'disabled' | undefined },
) {
  const row = await ownedSubscription(db, actor, input.id);
  const topic = input.topic !== undefined ? checkTopic(actor, input.topic) : row.topic;
  const url = input.url ?? row.url;
  if (input.url !== undefined) await checkUrl(input.url, deps);
  if ((topic !== row.topic || url !== row.url) && (await findDuplicate(db, ownerOf(actor), topic, url, row.id))) {
    throw conflict(`a webhook for ${topic} at this url already exists`);
  }
  const reenabled = input.status === 'active' && row.status === 'disabled';
  const updated = await updateSubscriptionRow(db, row.id, {
    topic,
    url,
    status: input.status ?? row.status,
    updated_at: deps.now,
    // Re-enabling starts the failure count again (docs/reference/webhooks.md §2).
    ...(reenabled ? { consecutive_failures: 0, failing_since: null, disabled_reason: null } : {}),
    ...(input.status === 'disabled' && row.status === 'active' ? { disabled_reason: 'disabled by its owner' } : {}),
  });
  return presentWebhook(updated);
}

export async function deleteSubscription(db: Kysely<Database>, actor: Actor, id: number, now: number): Promise<{ id: string }> {
  const row = await ownedSubscription(db, actor, id);
  await cancelPendingDeliveries(db, row.id, now);
  await deleteSubscriptionRow(db, row.id);
  return { id: String(row.id) };
}

export async function listSubscriptions(db: Kysely<Database>, actor: Actor, topic?: string) {
  if (topic !== undefined) checkTopic(actor, topic);
  const rows = await listOwnedSubscriptions(db, ownerOf(actor), topic);
  // A platform sees only the subscriptions its scopes cover.
  return rows.filter((row) => !isTopic(row.topic) || actor.scopes.has(TOPIC_SCOPES[row.topic])).map(presentWebhook);
}

export async function rotateSubscriptionSecret(db: Kysely<Database>, actor: Actor, deps: SubscriptionDeps, id: number): Promise<{ id: string; secret: string }> {
  const row = await ownedSubscription(db, actor, id);
  const secret = newSecret();
  await updateSubscriptionRow(db, row.id, {
    secret_sealed: seal(deps.secretKey, secret),
    previous_secret_sealed: row.secret_sealed,
    previous_secret_expires_at: deps.now + PREVIOUS_SECRET_SECONDS,
    updated_at: deps.now,
  });
  return { id: String(row.id), secret };
}

/** The live Standard Webhooks secrets of a subscription, newest first. */
export function liveSecrets(secretKey: Buffer, row: Pick<SubscriptionRow, 'secret_sealed' | 'previous_secret_sealed' | 'previous_secret_expires_at'>, now: number): string[] {
  const secrets = [open(secretKey, row.secret_sealed)];
  if (row.previous_secret_sealed !== null && (row.previous_secret_expires_at ?? 0) > now) secrets.push(open(secretKey, row.previous_secret_sealed));
  return secrets;
}

export { ownedSubscription };
