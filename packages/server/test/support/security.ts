import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { SCOPES } from '../../src/http/actor.js';
import { type AnyOperation, SHOP_ONLY, TOPIC_SCOPE } from '../../src/http/operation.js';
import { envelope, type Harness, openApiPath, signedHeaders } from './harness.js';

export interface RequestParts {
  query?: string;
  body?: unknown;
}

export interface SecurityCase {
  op: AnyOperation;
  /** A request the shop is allowed to make (it may create the data it needs). */
  valid(h: Harness): Promise<RequestParts>;
  /** For operations on one object: a request naming an object of `otherShop`, and one naming no object. */
  foreign?(h: Harness): Promise<{ foreign: RequestParts; missing: RequestParts; foreignId: string; missingId: string }>;
}

/** Row counts that no refused request may change. */
async function snapshot(h: Harness) {
  const db = h.deps.db.kysely;
  const count = async (table: 'reviews' | 'outbox_events' | 'review_stats' | 'review_media' | 'webhook_subscriptions' | 'webhook_deliveries' | 'customers' | 'customer_exclusions' | 'email_unsubscribes' | 'media_files' | 'media_upload_keys') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const updated = await db.selectFrom('reviews').select((eb) => eb.fn.max('updated_at').as('m')).executeTakeFirst();
  const webhooksUpdated = await db.selectFrom('webhook_subscriptions').select((eb) => eb.fn.max('updated_at').as('m')).executeTakeFirst();
  return {
    reviews: await count('reviews'),
    outbox: await count('outbox_events'),
    stats: await count('review_stats'),
    media: await count('review_media'),
    webhooks: await count('webhook_subscriptions'),
    deliveries: await count('webhook_deliveries'),
    customers: await count('customers'),
    exclusions: await count('customer_exclusions'),
    unsubscribes: await count('email_unsubscribes'),
    mediaFiles: await count('media_files'),
    updated: updated?.m ?? null,
    webhooksUpdated: webhooksUpdated?.m ?? null,
  };
}

/** The exact body bytes a request sends (and signs): none for a GET without a body. */
function bodyText(parts: RequestParts): string {
  return parts.body === undefined ? '' : JSON.stringify(parts.body);
}

function raw(h: Harness, op: AnyOperation, parts: RequestParts, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  const body = bodyText(parts);
  return h.app.inject({
    method: op.method,
    url: `${openApiPath(op.operation)}${parts.query ? `?${parts.query}` : ''}`,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { payload: body } : {}),
  });
}

function expectRefused(response: LightMyRequestResponse, status: number, code: number): void {
  expect(response.statusCode).toBe(status);
  const answer = envelope(response);
  expect(answer.code).toBe(code);
  expect(answer.data).toBeUndefined();
  expect(answer.request_id).toMatch(/^[0-9a-f]{32}$/);
  expect(response.headers['x-request-id']).toBe(answer.request_id);
}

/**
 * The shared abuse routine (conventions §2) every operation's tests run: missing, wrong, stale and
 * replayed credentials, an unknown or under-scoped bearer token, and another shop's object. None of
 * them may change a row.
 */
export function securitySuite(getHarness: () => Harness, c: SecurityCase): void {
  const { op } = c;
  const now = () => Math.floor(getHarness().clock.now() / 1000);

  it('refuses a request without credentials (code 16)', async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    const before = await snapshot(h);
    expectRefused(await raw(h, op, parts, {}), 401, 16);
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses a wrong signature and an unknown public token (code 16)', async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    const before = await snapshot(h);
    const body = bodyText(parts);
    expectRefused(await raw(h, op, parts, signedHeaders(h.shop, parts.query ?? '', body, now(), 'not-the-private-token')), 401, 16);
    expectRefused(await raw(h, op, parts, signedHeaders({ ...h.shop, public_token: 'AAAAAAAAAAAAAAAAAAAAAA==' }, parts.query ?? '', body, now())), 401, 16);
    // Another shop's valid signature does not open this shop.
    expectRefused(await raw(h, op, parts, { ...signedHeaders(h.otherShop, parts.query ?? '', body, now()), 'public-token': h.shop.public_token }), 401, 16);
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses a timestamp more than 15 minutes old or ahead (code 16)', async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    const before = await snapshot(h);
    const body = bodyText(parts);
    for (const skew of [-901, 901]) {
      expectRefused(await raw(h, op, parts, signedHeaders(h.shop, parts.query ?? '', body, now() + skew)), 401, 16);
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('accepts the credential at the edge of the window', async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    const body = bodyText(parts);
    const response = await raw(h, op, parts, signedHeaders(h.shop, parts.query ?? '', body, now() - 900));
    expect(envelope(response).code).not.toBe(16);
  });

  if (op.method === 'POST') {
    it('refuses the identical signed POST a second time as a replay', async () => {
      const h = getHarness();
      const parts = await c.valid(h);
      const body = JSON.stringify(parts.body ?? {});
      const headers = signedHeaders(h.shop, parts.query ?? '', body, now() - 3);
      await raw(h, op, parts, headers);
      const before = await snapshot(h);
      const again = await raw(h, op, parts, headers);
      expectRefused(again, 401, 16);
      expect(envelope(again).message).toBe('request replayed');
      expect(await snapshot(h)).toEqual(before);
    });
  }

  it('refuses an unknown bearer token with invalid_token', async () => {
    const h = getHarness();
    const response = await raw(h, op, await c.valid(h), { authorization: 'Bearer bm90LWEtdG9rZW4=' });
    expectRefused(response, 401, 16);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  const scope = op.scope;
  if (scope === SHOP_ONLY) {
    it('refuses every bearer token, whatever its scopes: only the shop itself may do this (code 7)', async () => {
      const h = getHarness();
      const parts = await c.valid(h);
      const token = await h.bearerToken(h.shop, [...SCOPES]);
      const before = await snapshot(h);
      const response = await raw(h, op, parts, { authorization: `Bearer ${token}` });
      expectRefused(response, 403, 7);
      expect(response.headers['www-authenticate']).toBe('Bearer error="insufficient_scope"');
      expect(await snapshot(h)).toEqual(before);
    });
  } else if (scope !== TOPIC_SCOPE) {
    // Webhook operations need the scope of their topic; their own tests cover it with platform-owned webhooks.
    it(`requires the ${scope} scope (code 7, insufficient_scope)`, async () => {
      const h = getHarness();
      const parts = await c.valid(h);
      const others = SCOPES.filter((candidate) => candidate !== scope);
      const token = await h.bearerToken(h.shop, [...others]);
      const before = await snapshot(h);
      const response = await raw(h, op, parts, { authorization: `Bearer ${token}` });
      expectRefused(response, 403, 7);
      expect(response.headers['www-authenticate']).toBe(`Bearer error="insufficient_scope", scope="${scope}"`);
      expect(await snapshot(h)).toEqual(before);
      const allowed = await raw(h, op, await c.valid(h), { authorization: `Bearer ${await h.bearerToken(h.shop, [scope])}` });
      expect(envelope(allowed).code).toBe(0);
    });
  }

  if (c.foreign) {
    const foreign = c.foreign;
    it("answers another shop's object exactly like a missing one (code 5)", async () => {
      const h = getHarness();
      const cases = await foreign(h);
      const before = await snapshot(h);
      const foreignAnswer = await h.call(op.method, op.operation, cases.foreign);
      const missingAnswer = await h.call(op.method, op.operation, cases.missing);
      expect(foreignAnswer.statusCode).toBe(404);
      expect(missingAnswer.statusCode).toBe(404);
      const a = envelope(foreignAnswer);
      const b = envelope(missingAnswer);
      expect(a.code).toBe(5);
      expect(b.code).toBe(5);
      expect(a.message.replace(cases.foreignId, 'ID')).toBe(b.message.replace(cases.missingId, 'ID'));
      expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
      expect(await snapshot(h)).toEqual(before);
    });
  }
}
