import type { AppDeps } from '../http/app-deps.js';
import type { Actor } from '../http/actor.js';
import { countAgainst, type PolicyVerdict } from '../http/rate-limiter.js';

/** One request against the credential's Open API limit (docs/reference/conventions.md §10); undefined when the limit is off. */
export function chargeCredential(deps: AppDeps, actor: Actor): Promise<PolicyVerdict | undefined> {
  return countAgainst(deps.rateLimitStore, 'openapi', deps.config.rateLimits.openapi, actor.rateLimitKey, deps.clock.now());
}
