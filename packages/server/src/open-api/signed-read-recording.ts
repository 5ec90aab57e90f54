import type { AppDeps } from '../http/app-deps.js';
import type { Actor } from '../http/actor.js';
import type { Answer } from '../http/answer-cache.js';
import type { LaneRecording } from '../http/answer-lane.js';
import { exhaustedAuthFailureBudget } from '../http/auth-failure-budget.js';
import { cachedEnvelopeBody } from '../http/cached-envelope.js';
import type { AnyOperation } from '../http/operation.js';
import { type PolicyVerdict, rateLimitHeaders, verdict } from '../http/rate-limiter.js';
import { ShopDirectory } from '../shops/shop-directory.js';
import { unixSeconds } from '../time/clock.js';
import { authenticateHmac, type HmacDeps, signedRequestOf } from './hmac-auth.js';

export function hmacDepsOf(deps: AppDeps): HmacDeps {
  return { shops: ShopDirectory.of(deps.db), secretKey: deps.secretKey, clock: deps.clock, replayCache: deps.replayCache };
}

/** One request against the credential's Open API limit (docs/reference/conventions.md §10); undefined when the limit is off. */
export async function chargeCredential(deps: AppDeps, actor: Actor): Promise<PolicyVerdict | undefined> {
  const policy = deps.config.rateLimits.openapi;
  if (policy === null) return undefined;
  const nowMs = deps.clock.now();
  const state = await deps.rateLimitStore.increment(actor.rateLimitKey, nowMs, policy.windowSeconds * 1000);
  return verdict('openapi', policy, state, nowMs);
}

/**
 * How the answer lane answers a shop's signed cached read again (http/answer-lane.ts): the same
 * steps as the long way, in its order, each without side effects until the last: the IP's failure
 * budget (read, not counted), the signature of this very request (its own Timestamp and Sign), the
 * shop's content version, the kept answer, and only then the credential's rate limit. Any of them
 * failing leaves the request to the app, which refuses it and counts the failure as it always does.
 * An HMAC-signed shop holds every scope, so there is no scope to check.
 */
export function signedReadRecording(deps: AppDeps, op: AnyOperation, answer: Answer, encoding: string | undefined): LaneRecording {
  const { shopId, version, key } = answer;
  return {
    encoding,
    async replay({ raw, ip }) {
      if ((await exhaustedAuthFailureBudget(ip, deps)) !== undefined) return undefined;
      const signed = await authenticateHmac(signedRequestOf('GET', raw.url, raw.headers, ''), hmacDepsOf(deps)).catch(() => undefined);
      if (signed === undefined || signed.actor.shopId !== shopId || signed.contentVersion !== version) return undefined;
      const kept = deps.answers.peek(shopId, version, key);
      if (kept === undefined) return undefined;
      const limit = await chargeCredential(deps, signed.actor);
      if (limit?.exceeded) return undefined;
      return { body: (requestId) => cachedEnvelopeBody(kept, raw.headers['accept-encoding'], requestId, unixSeconds(deps.clock), op.successMessage).body, headers: limit === undefined ? {} : rateLimitHeaders(limit) };
    },
  };
}
