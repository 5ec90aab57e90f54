import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../crypto/tokens.js';
import type { Config } from '../config/config.js';
import { SESSION_DEFAULTS } from '../config/security-defaults.js';

/** httpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure on https. */
function cookieOptions(config: Config, maxAge?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https:'),
    ...(maxAge !== undefined ? { maxAge } : {}),
  };
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const value = request.cookies[name];
  return value === undefined || value === '' ? undefined : value;
}

export function setSessionCookie(reply: FastifyReply, config: Config, sessionId: string): void {
  reply.setCookie(SESSION_DEFAULTS.cookieName, sessionId, cookieOptions(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_DEFAULTS.cookieName, cookieOptions(config));
}

/**
 * The CSRF token of a form shown before there is a session (sign-in, forgotten password): a
 * double-submit cookie. Answers the token for the form's hidden field.
 */
export function issueLoginCsrfToken(reply: FastifyReply, config: Config): string {
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(SESSION_DEFAULTS.loginCsrfCookieName, token, cookieOptions(config, SESSION_DEFAULTS.signInWindowSeconds));
  return token;
}

/** The form sent back the token its cookie holds (compared in constant time). */
export function loginCsrfTokenMatches(request: FastifyRequest, formToken: string | undefined): boolean {
  const cookieToken = readCookie(request, SESSION_DEFAULTS.loginCsrfCookieName);
  return cookieToken !== undefined && safeEqual(formToken ?? '', cookieToken);
}
