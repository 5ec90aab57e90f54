import type { AppDeps } from '../http/app-deps.js';
import type { Answer } from '../http/answer-cache.js';
import type { LaneRecording } from '../http/answer-lane.js';
import { exhaustedAuthFailureBudget } from '../http/auth-failure-budget.js';
import { cachedEnvelopeBody } from '../http/cached-envelope.js';
import type { AnyOperation } from '../http/operation.js';
import { rateLimitHeaders } from '../http/rate-limiter.js';
import { unixSeconds } from '../time/clock.js';
import { chargeCredential } from './credential-limit.js';
import { authenticateHmac, hmacDepsOf, signedRequestOf } from './hmac-auth.js';

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
