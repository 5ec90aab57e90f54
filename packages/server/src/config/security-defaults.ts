/**
 * Every security lifetime and size, in one place (docs/reference/auth.md §10). Changing one here changes it
 * everywhere; the tests read their expectations from here too.
 */
export const OAUTH_DEFAULTS = Object.freeze({
  /** An authorization code is single-use and short-lived: it travels through the browser. */
  authorizationCodeSeconds: 5 * 60,
  accessTokenSeconds: 3600,
  /** Each refresh token lives 90 days from its issue; every use rotates it. */
  refreshTokenSeconds: 90 * 24 * 3600,
  /** A grant's refresh chain ends a year after consent: the merchant must approve again. */
  grantChainSeconds: 365 * 24 * 3600,
  /** Random bytes of codes, access and refresh tokens (base64 on the wire, SHA-256 at rest). */
  tokenBytes: 16,
  /** Random bytes of private tokens, client secrets and webhook secrets. */
  secretBytes: 32,
});

/** HMAC-signed requests (docs/reference/auth.md §2). */
export const HMAC_DEFAULTS = Object.freeze({
  /** A Timestamp may be this far from the server clock, in either direction. */
  windowSeconds: 15 * 60,
  publicTokenBytes: 16,
  privateTokenBytes: 32,
});

/** Merchant browser sessions (docs/reference/auth.md §9). */
export const SESSION_DEFAULTS = Object.freeze({
  idleSeconds: 12 * 3600,
  cookieName: 'plaudit_session',
  /** The sign-in form's CSRF token lives in its own cookie until a session exists. */
  loginCsrfCookieName: 'plaudit_login_csrf',
  /** Failed sign-ins allowed per IP and per account in a window, before a lockout until it ends. */
  signInFailuresPerIp: 20,
  signInFailuresPerAccount: 5,
  signInWindowSeconds: 15 * 60,
});
