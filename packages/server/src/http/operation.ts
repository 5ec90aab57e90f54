import type { SuccessMessage } from './envelope.js';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor, Scope } from './actor.js';
import type { AppDeps } from './app-deps.js';

export interface OperationContext<Query, Body> {
  actor: Actor;
  query: Query;
  body: Body;
  /** A transaction for POST operations (effects, outbox and idempotency commit together). */
  db: Kysely<Database>;
  deps: AppDeps;
  /** Unix seconds of this request, from the injected clock. */
  now: number;
  /**
   * Work that must wait for the commit because it cannot be rolled back (deleting media bytes).
   * It runs before the answer is sent; a failure is logged, not answered, since the change stands.
   */
  afterCommit: (task: () => Promise<void>) => void;
}

/**
 * One Open API operation: its wire schema (validation, output allow-list and OpenAPI entry at once),
 * the scope it needs and a handler that calls a service. See open-api/openapi-plugin.ts for the hooks
 * that run before it, in the order of the contract (docs/reference/conventions.md §4.5).
 */
export const SHOP_ONLY = 'shop_only';
/** The scope depends on the webhook topic in the request; the handler checks it (docs/reference/webhooks.md §1). */
export const TOPIC_SCOPE = 'scope_of_topic';

export interface Operation<Q extends TObject | undefined = TObject | undefined, B extends TSchema | undefined = TSchema | undefined, D extends TSchema = TSchema> {
  operation: string;
  method: 'GET' | 'POST';
  /**
   * The bearer scope the operation needs, or `shop_only` for the shop's own decisions about its
   * partners (Cancel Platform Authorization): those take the shop's HMAC signature, never a
   * platform's token. `scope_of_topic` for webhook operations, whose handler requires the scope
   * of the topic concerned.
   */
  scope: Scope | typeof SHOP_ONLY | typeof TOPIC_SCOPE;
  summary: string;
  description?: string;
  tags: string[];
  querystring?: Q;
  body?: B;
  data: D;
  /** Older paths that behave exactly like this one. */
  aliases?: string[];
  /**
   * The method Trustoo's older documentation gave this operation, answered under the legacy
   * `/api/v1/open_api/` prefix besides the operation's own (a POST body, however it is sent).
   */
  legacyMethod?: 'PUT' | 'DELETE';
  /**
   * A GET whose answer depends only on the shop's published content (reviews, their media and
   * statistics, products, the shop's settings) and the query: answered from the answer cache while
   * the shop's content version holds, with an ETag (docs/reference/conventions.md §4.7).
   */
  cacheable?: true;
  /** The envelope's message on success when Trustoo documents another than `success`. */
  successMessage?: SuccessMessage;
  handler(ctx: OperationContext<Q extends TObject ? Static<Q> : undefined, B extends TSchema ? Static<B> : undefined>): Promise<Static<D>>;
}

export function defineOperation<Q extends TObject | undefined, B extends TSchema | undefined, D extends TSchema>(op: Operation<Q, B, D>): Operation<Q, B, D> {
  return op;
}

// Operations are stored side by side in one list; the generic parameters are erased there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any, any>;
