import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { unixSeconds } from '../time/clock.js';
import { safeEqual } from '../crypto/tokens.js';
import { SESSION_DEFAULTS } from '../config/security-defaults.js';
import { readCookie } from './session-cookie.js';
import { type MerchantSession, resumeSession } from './session-service.js';

/** The signed-in merchant of this request, if any. */
export function currentSession(request: FastifyRequest, deps: AppDeps): Promise<MerchantSession | undefined> {
  return resumeSession(deps.db.kysely, readCookie(request, SESSION_DEFAULTS.cookieName), unixSeconds(deps.clock));
}

/** Synchronizer-token check of a form post against its session (constant time). */
export function csrfTokenMatches(session: MerchantSession, submitted: unknown): boolean {
  return typeof submitted === 'string' && safeEqual(submitted, session.csrfToken);
}
