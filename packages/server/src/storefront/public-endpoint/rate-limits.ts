import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../http/app-deps.js';
import type { StorefrontPolicy } from '../../config/config.js';
import { rateLimited } from '../../http/errors.js';
import { countAgainst, type PolicyVerdict, rateLimitHeaders } from '../../http/rate-limiter.js';

export type { StorefrontPolicy };

/**
 * Counts one request against a policy (operator-adjustable, `off` to disable) for `subject` (the client IP, or for the e-mail policy the
 * shop and address), sets the RateLimit headers, and throws code 8 when over the limit.
 */
export async function chargePublicLimit(deps: AppDeps, reply: FastifyReply, policy: StorefrontPolicy, subject: string): Promise<void> {
  const charged = await chargePolicy(deps, policy, subject);
  if (charged === undefined) return;
  reply.headers(rateLimitHeaders(charged));
  if (charged.exceeded) throw rateLimited(policy, charged.resetSeconds);
}

/** The counting part of chargePublicLimit, for the answer lane: the verdict, or undefined when the policy is off. */
export function chargePolicy(deps: AppDeps, policy: StorefrontPolicy, subject: string): Promise<PolicyVerdict | undefined> {
  return countAgainst(deps.rateLimitStore, policy, deps.config.rateLimits.storefront[policy], `${policy}:${subject}`, deps.clock.now());
}
