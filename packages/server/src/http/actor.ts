import type { Selectable } from 'kysely';
import type { ShopsTable } from '../db/schema.js';
import { permissionDenied } from './errors.js';

/** The calling shop's row: the same type as the shops module's ShopRow, named here because http sits below shops. */
type ShopRow = Selectable<ShopsTable>;

export const SCOPES = [
  'read_reviews',
  'write_reviews',
  'read_orders',
  'write_orders',
  'read_customers',
  'write_customers',
  'read_customer_events',
  'read_shop_install_status',
  'read_questions',
  'write_questions',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Who is calling, as every service sees it. The auth hook is the only producer: HMAC today, OAuth
 * bearer tokens later (platformId set, scopes from the grant). Services never look at headers.
 */
export interface Actor {
  readonly shop: ShopRow;
  readonly shopId: string;
  readonly platformId: string | null;
  readonly scopes: ReadonlySet<Scope>;
  /** Identity for Idempotency-Key scoping: the shop's HMAC credential or one OAuth client. */
  readonly caller: string;
  /** Key of the per-credential rate limit (public token, or platform × shop). */
  readonly rateLimitKey: string;
  /**
   * Who acts, for the review history, when the credential does not say it: the console's merchant,
   * a shopper on the storefront, an import, the system. Absent: the shop's API or `platformId`.
   */
  readonly recordedAs?: RecordedActor;
}

export type ActorKind = 'shop_api' | 'platform' | 'merchant' | 'shopper' | 'import' | 'system';

export interface RecordedActor {
  kind: ActorKind;
  /** The platform's client id, the merchant's id, the import's id, the system job; '' for the shop's API and shoppers. */
  id: string;
  /** What a person reads in a timeline: the platform's or merchant's name, "Shopper", "CSV import". */
  name: string;
}

/** The actor as the review history records it. */
export function recordedActorOf(actor: Actor): RecordedActor {
  if (actor.recordedAs) return actor.recordedAs;
  return actor.platformId !== null ? { kind: 'platform', id: actor.platformId, name: actor.platformId } : { kind: 'shop_api', id: '', name: 'Shop API' };
}

/** Every scope, shared: an actor's scopes are only ever read. */
const ALL_SCOPES: ReadonlySet<Scope> = new Set(SCOPES);
/**
 * One actor per shop row: a signed request's actor is made from the row the shop directory keeps
 * while the shop is unchanged, so a busy integration's requests share it instead of each building one.
 */
const hmacActors = new WeakMap<ShopRow, Actor>();

export function hmacActor(shop: ShopRow): Actor {
  let actor = hmacActors.get(shop);
  if (actor === undefined) {
    actor = Object.freeze({ shop, shopId: shop.id, platformId: null, scopes: ALL_SCOPES, caller: 'hmac', rateLimitKey: `hmac:${shop.public_token}` });
    hmacActors.set(shop, actor);
  }
  return actor;
}

/** Code 7 with the RFC 6750 challenge naming the missing scope (docs/reference/auth.md §3). HMAC callers hold every scope. */
export function requireScope(actor: Actor, scope: Scope): void {
  if (actor.scopes.has(scope)) return;
  throw permissionDenied(`this credential lacks the ${scope} scope`, { 'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"` });
}
