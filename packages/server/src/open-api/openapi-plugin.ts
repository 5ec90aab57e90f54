import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TObject } from '@sinclair/typebox';
import type { AppDeps } from '../http/app-deps.js';
import { unixSeconds } from '../time/clock.js';
import { type Actor, requireScope } from '../http/actor.js';
import { successEnvelope, SuccessSchema, ErrorSchema } from '../http/envelope.js';
import { sendCachedEnvelope } from '../http/cached-envelope.js';
import { notModifiedIfHeld } from '../http/answer-cache.js';
import { ShopDirectory } from '../shops/shop-directory.js';
import { recordAuthFailure, refuseExhaustedAuthFailureBudget } from '../http/auth-failure-budget.js';
import { authenticateBearer } from '../http/bearer-auth.js';
import { deadlineExceeded, withinDeadline } from '../http/deadline.js';
import { ApiError, Code, invalidArgument, permissionDenied, rateLimited } from '../http/errors.js';
import { authenticateHmac, headerOf, hmacDepsOf, signedRequestOf } from './hmac-auth.js';
import { chargeCredential } from './credential-limit.js';
import { signedReadRecording } from './signed-read-recording.js';
import { claimIdempotencyKey, completeIdempotencyKey, fingerprintOf, type IdempotencyClaim, parseIdempotencyKey } from '../http/idempotency.js';
import { type AnyOperation, SHOP_ONLY, TOPIC_SCOPE } from '../http/operation.js';
import { normalizeQuery, type RawQuery } from '../http/query-string.js';
import { type PolicyVerdict, rateLimitHeaders } from '../http/rate-limiter.js';
import { dropMeaninglessNulls, normalizeBodyText } from '../http/text-normalization.js';
import { registerMethodNotAllowed } from '../http/method-not-allowed.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    rawBody?: string;
    idempotencyClaim?: IdempotencyClaim;
    rateLimitVerdict?: PolicyVerdict;
    /** The shop's content version, when authentication read it (HMAC): it keys the answer cache. */
    contentVersion?: number;
  }
  interface FastifyContextConfig {
    operation?: AnyOperation;
  }
}

export const OPENAPI_PREFIX = '/api/v1/openapi';
/** Where Trustoo's older documentation put every operation; clients written against it still call there. */
export const LEGACY_OPENAPI_PREFIX = '/api/v1/open_api';

function header(request: FastifyRequest, name: string): string | undefined {
  return headerOf(request.headers, name);
}

/** Steps 3–5 of docs/reference/conventions.md §4.5: the IP's failure budget, authentication, the credential's limit, scope. */
async function admit(request: FastifyRequest, op: AnyOperation, deps: AppDeps): Promise<Actor> {
  await refuseExhaustedAuthFailureBudget(request, deps);
  let actor: Actor;
  try {
    const authorization = header(request, 'authorization');
    // A present Authorization header means bearer authentication; HMAC headers are then ignored.
    if (authorization !== undefined) {
      actor = await authenticateBearer(authorization, deps.bearer);
    } else {
      const signed = await authenticateHmac(signedRequestOf(request.method, request.raw.url, request.headers, request.rawBody ?? ''), hmacDepsOf(deps));
      actor = signed.actor;
      request.contentVersion = signed.contentVersion;
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === Code.unauthenticated) await recordAuthFailure(request, deps);
    throw error;
  }

  const limit = await chargeCredential(deps, actor);
  if (limit !== undefined) {
    request.rateLimitVerdict = limit;
    if (limit.exceeded) throw rateLimited('openapi', limit.resetSeconds);
  }

  if (op.scope === SHOP_ONLY) {
    if (actor.platformId !== null) {
      throw permissionDenied('only the shop itself (an HMAC-signed request) may do this', { 'www-authenticate': 'Bearer error="insufficient_scope"' });
    }
  } else if (op.scope !== TOPIC_SCOPE) {
    requireScope(actor, op.scope);
  }
  return actor;
}

async function prepareInput(request: FastifyRequest, reply: FastifyReply, op: AnyOperation, deps: AppDeps): Promise<boolean> {
  if (op.method === 'POST') {
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    if (key !== undefined && request.actor) {
      const fingerprint = fingerprintOf(op.method, `${OPENAPI_PREFIX}/${op.operation}`, request.rawBody ?? '');
      const outcome = await claimIdempotencyKey(deps.db.kysely, request.actor, key, fingerprint, unixSeconds(deps.clock));
      if (outcome.kind === 'replay') {
        const stored = JSON.parse(outcome.body) as { request_id: string; code: number };
        reply.businessCode = stored.code;
        await reply
          .code(outcome.status)
          .header('idempotent-replayed', 'true')
          .header('x-request-id', stored.request_id)
          .type('application/json; charset=utf-8')
          .send(outcome.body);
        return false;
      }
      request.idempotencyClaim = outcome.claim;
    }
    request.body = dropMeaninglessNulls(normalizeBodyText(request.body as Record<string, unknown>, op.body), op.body);
  } else {
    const { values, errors } = normalizeQuery(request.query as RawQuery, (op.querystring ?? { properties: {} }) as TObject);
    if (errors.length > 0) throw invalidArgument(errors);
    request.query = values;
  }
  return true;
}

async function handle(request: FastifyRequest, reply: FastifyReply, op: AnyOperation, deps: AppDeps): Promise<void> {
  const actor = request.actor as Actor;
  const now = unixSeconds(deps.clock);
  const committedTasks: Array<() => Promise<void>> = [];
  const context = { actor, query: request.query, body: request.body, deps, now, afterCommit: (task: () => Promise<void>) => void committedTasks.push(task) };
  // Deadlines measure real elapsed time, not the injected clock: they guard the server's resources.
  const timeoutMs = deps.config.requestTimeoutMs;
  const deadlineAt = performance.now() + timeoutMs;
  if (op.method === 'GET') {
    const read = () => withinDeadline(op.handler({ ...context, db: deps.db.kysely }), deadlineAt, timeoutMs);
    reply.businessCode = 0;
    if (op.cacheable) return sendCachedAnswer(request, reply, op, deps, read);
    await reply.send(successEnvelope(await read(), request.id, unixSeconds(deps.clock), op.successMessage));
    return;
  }
  // Effects, outbox events and the stored idempotent answer commit together (docs/reference/conventions.md §9).
  let committing = false;
  const committed = deps.db.kysely.transaction().execute(async (trx) => {
    const data = await op.handler({ ...context, db: trx });
    if (performance.now() > deadlineAt) throw deadlineExceeded(timeoutMs);
    committing = true;
    const serialized = reply.serialize(successEnvelope(data, request.id, unixSeconds(deps.clock), op.successMessage)) as string;
    if (request.idempotencyClaim) await completeIdempotencyKey(trx, request.idempotencyClaim, 200, serialized, now);
    return serialized;
  });
  const body = await withinDeadline(committed, deadlineAt, timeoutMs, () => !committing);
  request.idempotencyClaim = undefined;
  for (const task of committedTasks) await task().catch((error: unknown) => request.log.error({ err: error }, 'work after the commit failed'));
  deps.outboxSignal?.();
  reply.businessCode = 0;
  await reply.type('application/json; charset=utf-8').send(body);
}

/**
 * A read whose answer depends only on the shop's published content and the query
 * (docs/reference/conventions.md §4.7): kept in the answer cache under the shop's content version,
 * tagged with a strong ETag, and answered 304 when the caller already holds it.
 */
async function sendCachedAnswer(request: FastifyRequest, reply: FastifyReply, op: AnyOperation, deps: AppDeps, read: () => Promise<unknown>): Promise<void> {
  const actor = request.actor as Actor;
  const version = request.contentVersion ?? (await ShopDirectory.of(deps.db).byId(actor.shopId))?.version;
  // The shop was found a moment ago; only a shop deleted since has no version.
  if (version === undefined) throw new ApiError(Code.notFound, 'shop not found');
  const key = `${op.operation} ${canonicalQuery(request.query as Record<string, unknown>)}`;
  // Serialised by the operation's own schema, the allow-list that also shapes uncached answers.
  // (Fastify types the input as an object; fast-json-stringify serialises arrays just as well.)
  const answer = await deps.answers.answer(actor.shopId, version, key, async () => reply.serializeInput((await read()) as { [key: string]: unknown }, op.data));
  if (notModifiedIfHeld(request, reply, answer.etag, 'private, no-cache')) return;
  const made = sendCachedEnvelope(request, reply, answer, unixSeconds(deps.clock), op.successMessage);
  // A shop's own signed read may be answered again by the lane; a platform's token goes the long way.
  if (actor.platformId === null && header(request, 'authorization') === undefined) reply.laneRecording = signedReadRecording(deps, op, answer, made.encoding);
}

/** The OpenAPI entries of a conditional read's ETag and 304 (docs/reference/conventions.md §4.7). */
const ETAG_HEADER = { ETag: { type: 'string', description: 'strong tag of the data; send it back in If-None-Match to get 304 while the shop\'s content is unchanged' } };
const NOT_MODIFIED = { description: 'Not Modified: If-None-Match named the current ETag. No body.', type: 'null', headers: ETAG_HEADER };

/** The validated query with its names in order, so the same question always has the same key. */
function canonicalQuery(query: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(query).sort().map((name) => [name, query[name]]));
}

function registerOperation(app: FastifyInstance, op: AnyOperation, deps: AppDeps, url: string, hidden: boolean, methods: readonly string[] = [op.method]): void {
  app.route({
    method: [...methods],
    url,
    exposeHeadRoute: false,
    config: { operation: op },
    schema: {
      hide: hidden,
      operationId: hidden ? undefined : op.operation,
      summary: op.summary,
      description: op.description,
      tags: op.tags,
      security:
        op.scope === SHOP_ONLY
          ? [{ PublicToken: [], Timestamp: [], Sign: [] }]
          : [{ PublicToken: [], Timestamp: [], Sign: [] }, { BearerAuth: op.scope === TOPIC_SCOPE ? [] : [op.scope] }],
      ...(op.method === 'GET' && op.querystring ? { querystring: op.querystring } : {}),
      ...(op.method === 'POST' && op.body ? { body: op.body } : {}),
      response: op.cacheable
        ? { 200: { ...SuccessSchema(op.data, op.successMessage), headers: ETAG_HEADER }, 304: NOT_MODIFIED, '4xx': ErrorSchema, '5xx': ErrorSchema }
        : { 200: SuccessSchema(op.data, op.successMessage), '4xx': ErrorSchema, '5xx': ErrorSchema },
    },
    preValidation: async (request, reply) => {
      if (request.body === undefined || request.body === null) request.body = {};
      request.actor = await admit(request, op, deps);
      const proceed = await prepareInput(request, reply, op, deps);
      if (!proceed) return reply;
    },
    handler: (request, reply) => handle(request, reply, op, deps),
  });
  registerMethodNotAllowed(app, url, [...methods]);
}

/** Registers the Open API operations with the contract's hooks, in an encapsulated context. */
export async function openApiPlugin(app: FastifyInstance, options: { deps: AppDeps; operations: readonly AnyOperation[] }): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    // Only a cached read's answer may be kept, and then only by its caller, revalidated.
    if (reply.statusCode >= 400 || !reply.hasHeader('etag')) reply.header('cache-control', 'no-store');
    if (request.rateLimitVerdict) reply.headers(rateLimitHeaders(request.rateLimitVerdict));
    return payload;
  });
  for (const op of options.operations) {
    registerOperation(app, op, options.deps, `${OPENAPI_PREFIX}/${op.operation}`, false);
    registerOperation(app, op, options.deps, `${LEGACY_OPENAPI_PREFIX}/${op.operation}`, true, op.legacyMethod ? [op.method, op.legacyMethod] : [op.method]);
    for (const alias of op.aliases ?? []) registerOperation(app, op, options.deps, alias, true);
  }
}
