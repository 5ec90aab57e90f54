import type { FastifyRequest } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { rateLimited } from './errors.js';
import { countAgainst, type PolicyVerdict, verdict } from './rate-limiter.js';

const POLICY = 'auth-failures';

function key(ip: string): string {
  return `${POLICY}:${ip}`;
}

/**
 * docs/reference/conventions.md §10 `auth-failures`: once an IP has failed authentication too often in the window, every
 * Open API request from it is refused (code 8) until the window resets, before any credential is
 * looked at. Shared by the data operations and the OAuth endpoints.
 */
export async function refuseExhaustedAuthFailureBudget(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const exhausted = await exhaustedAuthFailureBudget(request.ip, deps);
  if (exhausted !== undefined) {
    request.rateLimitVerdict = exhausted;
    throw rateLimited(POLICY, exhausted.resetSeconds);
  }
}

/** The budget's verdict when the IP has none left, else undefined; counts nothing. */
export async function exhaustedAuthFailureBudget(ip: string, deps: AppDeps): Promise<PolicyVerdict | undefined> {
  const policy = deps.config.rateLimits.authFailures;
  if (policy === null) return undefined;
  const nowMs = deps.clock.now();
  const state = await deps.rateLimitStore.peek(key(ip), nowMs, policy.windowSeconds * 1000);
  const v = verdict(POLICY, policy, state, nowMs);
  return v.remaining === 0 ? v : undefined;
}

/** Counts one failed authentication of this request's IP. */
export async function recordAuthFailure(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const counted = await countAgainst(deps.rateLimitStore, POLICY, deps.config.rateLimits.authFailures, key(request.ip), deps.clock.now());
  if (counted !== undefined) request.rateLimitVerdict = counted;
}
