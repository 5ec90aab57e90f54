import type { LightMyRequestResponse } from 'fastify';
import { expect, it, onTestFinished } from 'vitest';
import { SCOPES } from '../../src/http/actor.js';
import { type AnyOperation, SHOP_ONLY, TOPIC_SCOPE } from '../../src/http/operation.js';
import type { Scope } from '../../src/http/actor.js';
import { databaseChecksum } from './database-checksum.js';
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
  /**
   * Required for webhook operations, whose scope is the scope of the topic concerned: that scope,
   * and a request valid for the harness's platform (its own subscriptions, made with `token`).
   * `filtered` for a list that leaves out what the token's scopes do not cover instead of refusing:
   * it answers how many items of the valid request the response lists.
   */
  topicScope?: { scope: Scope; valid(h: Harness, token: string): Promise<RequestParts>; filtered?(answer: unknown): number };
}

/**
 * What no refused request may change: a checksum of every row of every table (database-checksum.ts).
 * The clock moves on before each refused call, so a write it made would carry a new time too.
 */
async function snapshot(h: Harness): Promise<Record<string, string>> {
  const sums = await databaseChecksum(h);
  h.clock.advanceSeconds(REFUSAL_CLOCK_STEP_SECONDS);
  // Other tests of the file read the harness's clock as the contract's example time.
  onTestFinished(() => h.clock.advanceSeconds(-REFUSAL_CLOCK_STEP_SECONDS));
  return sums;
}

const REFUSAL_CLOCK_STEP_SECONDS = 3;

/** The exact body bytes a request sends (and signs): none for a GET without a body. */
function bodyText(parts: RequestParts): string {
  return parts.body === undefined ? '' : JSON.stringify(parts.body);
}

let clientCounter = 0;
/**
 * Each request of the suite comes from an address of its own (198.18.0.0/15, the benchmarking
 * range): the suite sends many deliberate failures, and the per-IP auth-failures budget, which has
 * its own tests, would otherwise answer 429 in their place.
 */
const nextClientAddress = () => {
  clientCounter += 1;
  return `198.18.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
};

function raw(h: Harness, op: AnyOperation, parts: RequestParts, headers: Record<string, string>, path = openApiPath(op.operation)): Promise<LightMyRequestResponse> {
  const body = bodyText(parts);
  return h.app.inject({
    method: op.method,
    remoteAddress: nextClientAddress(),
    url: `${path}${parts.query ? `?${parts.query}` : ''}`,
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

  // Every path the operation answers on, its older aliases included, refuses the same way.
  const paths = [openApiPath(op.operation), ...(op.aliases ?? [])];

  it(`refuses a request without credentials (code 16) on ${paths.length} path(s)`, async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    for (const path of paths) {
      const before = await snapshot(h);
      expectRefused(await raw(h, op, parts, {}, path), 401, 16);
      expect(await databaseChecksum(h)).toEqual(before);
    }
  });

  it('refuses a wrong signature, a signature with one hex digit changed, and an unknown public token (code 16)', async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    const body = bodyText(parts);
    for (const path of paths) {
      const before = await snapshot(h);
      expectRefused(await raw(h, op, parts, signedHeaders(h.shop, parts.query ?? '', body, now(), 'not-the-private-token'), path), 401, 16);
      // The first, a middle and the last digit: a comparison that skips any of them is caught.
      const good = signedHeaders(h.shop, parts.query ?? '', body, now());
      for (const index of [0, 31, 63]) {
        const digit = good.sign![index]!;
        const flipped = `${good.sign!.slice(0, index)}${digit === '0' ? '1' : '0'}${good.sign!.slice(index + 1)}`;
        expectRefused(await raw(h, op, parts, { ...good, sign: flipped }, path), 401, 16);
      }
      expectRefused(await raw(h, op, parts, signedHeaders({ ...h.shop, public_token: 'AAAAAAAAAAAAAAAAAAAAAA==' }, parts.query ?? '', body, now()), path), 401, 16);
      // Another shop's valid signature does not open this shop.
      expectRefused(await raw(h, op, parts, { ...signedHeaders(h.otherShop, parts.query ?? '', body, now()), 'public-token': h.shop.public_token }, path), 401, 16);
      expect(await databaseChecksum(h)).toEqual(before);
    }
  });

  it('refuses a timestamp more than 15 minutes old or ahead (code 16)', async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    const before = await snapshot(h);
    const body = bodyText(parts);
    for (const skew of [-901, 901]) {
      expectRefused(await raw(h, op, parts, signedHeaders(h.shop, parts.query ?? '', body, now() + skew)), 401, 16);
    }
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('accepts the credential at both edges of the window (900 s behind and ahead)', async () => {
    const h = getHarness();
    for (const skew of [-900, 900]) {
      const parts = await c.valid(h);
      const response = await raw(h, op, parts, signedHeaders(h.shop, parts.query ?? '', bodyText(parts), now() + skew));
      expect([skew, envelope(response).code]).toEqual([skew, 0]);
    }
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
      expect(await databaseChecksum(h)).toEqual(before);
    });
  }

  it('refuses an unknown bearer token with invalid_token', async () => {
    const h = getHarness();
    const parts = await c.valid(h);
    for (const path of paths) {
      const before = await snapshot(h);
      const response = await raw(h, op, parts, { authorization: 'Bearer bm90LWEtdG9rZW4=' }, path);
      expectRefused(response, 401, 16);
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      expect(await databaseChecksum(h)).toEqual(before);
    }
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
      expect(await databaseChecksum(h)).toEqual(before);
    });
  } else if (scope === TOPIC_SCOPE) {
    it('requires the scope of the topic concerned (code 7, insufficient_scope)', async () => {
      const h = getHarness();
      if (!c.topicScope) throw new Error(`${op.operation} needs its scope tested: pass topicScope to securitySuite`);
      const { scope: needed, valid, filtered } = c.topicScope;
      const parts = await valid(h, await h.bearerToken(h.shop, [needed]));
      const others = SCOPES.filter((candidate) => candidate !== needed);
      const token = await h.bearerToken(h.shop, [...others]);
      const before = await snapshot(h);
      const response = await raw(h, op, parts, { authorization: `Bearer ${token}` });
      if (filtered) {
        expect([envelope(response).code, filtered(envelope(response).data)]).toEqual([0, 0]);
      } else {
        expectRefused(response, 403, 7);
        expect(response.headers['www-authenticate']).toBe(`Bearer error="insufficient_scope", scope="${needed}"`);
      }
      expect(await databaseChecksum(h)).toEqual(before);
      const allowed = await raw(h, op, await valid(h, await h.bearerToken(h.shop, [needed])), { authorization: `Bearer ${await h.bearerToken(h.shop, [needed])}` });
      expect(envelope(allowed).code).toBe(0);
      if (filtered) expect(filtered(envelope(allowed).data)).toBeGreaterThan(0);
    });
  } else {
    it(`requires the ${scope} scope (code 7, insufficient_scope)`, async () => {
      const h = getHarness();
      const parts = await c.valid(h);
      const others = SCOPES.filter((candidate) => candidate !== scope);
      const token = await h.bearerToken(h.shop, [...others]);
      const before = await snapshot(h);
      const response = await raw(h, op, parts, { authorization: `Bearer ${token}` });
      expectRefused(response, 403, 7);
      expect(response.headers['www-authenticate']).toBe(`Bearer error="insufficient_scope", scope="${scope}"`);
      expect(await databaseChecksum(h)).toEqual(before);
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
      expect(await databaseChecksum(h)).toEqual(before);
    });
  }
}
