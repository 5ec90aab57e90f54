import type { FastifyRequest } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { rateLimited } from './errors.js';
import { verdict } from './rate-limiter.js';

const POLICY = 'auth-failures';

function key(request: FastifyRequest): string {
  return `${POLICY}:${request.ip}`;
}

/**
 * docs/reference/conventions.md §10 `auth-failures`: once an IP has failed authentication too often in the window, every
 * Open API request from it is refused (code 8) until the window resets, before any credential is
 * looked at. Shared by the data operations and the OAuth endpoints.
 */
export async function refuseExhaustedAuthFailureBudget(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const policy = deps.config.rateLimits.authFailures;
  if (policy === null) return;
  const nowMs = deps.clock.now();
  const state = await deps.rateLimitStore.peek(key(request), nowMs, policy.windowSeconds * 1000);
  const v = verdict(POLICY, policy, state, nowMs);
  if (v.remaining === 0) {
    request.rateLimitVerdict = v;
    throw rateLimited(POLICY, v.resetSeconds);
  }
}

/** Counts one failed authentication of this request's IP. */
export async function recordAuthFailure(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const policy = deps.config.rateLimits.authFailures;
  if (policy === null) return;
  const nowMs = deps.clock.now();
  const state = await deps.rateLimitStore.increment(key(request), nowMs, policy.windowSeconds * 1000);
  request.rateLimitVerdict = verdict(POLICY, policy, state, nowMs);
}
