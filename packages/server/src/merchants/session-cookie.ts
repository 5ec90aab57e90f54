import type { FastifyReply, FastifyRequest } from 'fastify';
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

export function setLoginCsrfCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_DEFAULTS.loginCsrfCookieName, token, cookieOptions(config, SESSION_DEFAULTS.signInWindowSeconds));
}
