import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../http/app-deps.js';
import type { StorefrontPolicy } from '../../config/config.js';
import { rateLimited } from '../../http/errors.js';
import { rateLimitHeaders, verdict } from '../../http/rate-limiter.js';

export type { StorefrontPolicy };

/**
 * Counts one request against a policy (operator-adjustable, `off` to disable) for `subject` (the client IP, or for the e-mail policy the
 * shop and address), sets the RateLimit headers, and throws code 8 when over the limit.
 */
export async function chargePublicLimit(deps: AppDeps, reply: FastifyReply, policy: StorefrontPolicy, subject: string): Promise<void> {
  const config = deps.config.rateLimits.storefront[policy];
  if (config === null) return;
  const nowMs = deps.clock.now();
  const state = await deps.rateLimitStore.increment(`${policy}:${subject}`, nowMs, config.windowSeconds * 1000);
  const result = verdict(policy, config, state, nowMs);
  for (const [name, value] of Object.entries(rateLimitHeaders(result))) reply.header(name, value);
  if (result.exceeded) throw rateLimited(policy, result.resetSeconds);
}
