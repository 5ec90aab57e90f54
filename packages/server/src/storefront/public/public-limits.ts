import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { RateLimitPolicy } from '../../config.js';
import { rateLimited } from '../../http/errors.js';
import { rateLimitHeaders, verdict } from '../../http/rate-limiter.js';

/** storefront.md §1.6: per client IP, fixed windows. */
export const STOREFRONT_POLICIES = {
  'storefront-read': { limit: 600, windowSeconds: 60 },
  'storefront-submit': { limit: 5, windowSeconds: 600 },
  'storefront-submit-email': { limit: 5, windowSeconds: 86_400 },
  'storefront-upload': { limit: 10, windowSeconds: 3600 },
  'storefront-helpful': { limit: 60, windowSeconds: 3600 },
  'storefront-events': { limit: 120, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export type StorefrontPolicy = keyof typeof STOREFRONT_POLICIES;

/**
 * Counts one request against a policy for `subject` (the client IP, or for the e-mail policy the
 * shop and address), sets the RateLimit headers, and throws code 8 when over the limit.
 */
export async function chargePublicLimit(deps: AppDeps, reply: FastifyReply, policy: StorefrontPolicy, subject: string): Promise<void> {
  const config = STOREFRONT_POLICIES[policy];
  const nowMs = deps.clock.now();
  const state = await deps.rateLimitStore.increment(`${policy}:${subject}`, nowMs, config.windowSeconds * 1000);
  const result = verdict(policy, config, state, nowMs);
  for (const [name, value] of Object.entries(rateLimitHeaders(result))) reply.header(name, value);
  if (result.exceeded) throw rateLimited(policy, result.resetSeconds);
}

export function clientIp(request: FastifyRequest): string {
  return request.ip;
}
