import type { AppDeps } from '../http/app-deps.js';
import { firstOf, formFields, queryValues, type TypedApp } from '../http/route-input.js';
import { unixSeconds } from '../time/clock.js';
import { SESSION_DEFAULTS } from '../config/security-defaults.js';
import { csrfTokenMatches, currentSession } from '../merchants/current-session.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import { findMerchantByEmail } from '../merchants/merchant-repository.js';
import { findPlatform } from '../platforms/platform-repository.js';
import { normalizeEmail } from '../merchants/merchant-service.js';
import { passwordMatches } from '../merchants/password.js';
import { safeReturnPath } from './return-path.js';
import { takeFlash } from './flash.js';
import { clearSessionCookie, issueLoginCsrfToken, loginCsrfTokenMatches, readCookie, setSessionCookie } from '../merchants/session-cookie.js';
import { endSession, startSession } from '../merchants/session-service.js';
import { SignInThrottle } from '../merchants/sign-in-throttle.js';

const loginForm = formFields('email', 'password', 'return_to', 'csrf_token');
const logoutForm = formFields('csrf_token');

/**
 * Sign-in, sign-out and the console's landing page (docs/reference/auth.md §9). The sign-in form has no session
 * yet, so its CSRF token is a double-submit cookie; every later form uses the session's token.
 */
export function registerSignInRoutes(app: TypedApp, deps: AppDeps): void {
  const throttle = new SignInThrottle(deps.rateLimitStore);

  const showLogin = async (reply: Parameters<typeof sendPage>[0], status: number, fields: { returnTo: string; email?: string; error?: string }) => {
    const csrfToken = issueLoginCsrfToken(reply, deps.config);
    const appName = await appAskingThrough(fields.returnTo);
    return sendPage(reply, 'login', { title: appName ? `Sign in to connect ${appName}` : 'Sign in', appName, flash: takeFlash(reply.request, reply), csrfToken, returnTo: fields.returnTo, email: fields.email ?? '', error: fields.error ?? '' }, { status });
  };

  /** The registered app whose authorization request sent the merchant here, named on the sign-in page. */
  const appAskingThrough = async (returnTo: string): Promise<string> => {
    const target = new URL(returnTo, deps.config.publicUrl);
    const clientId = target.searchParams.get('client_id');
    if (!target.pathname.endsWith('/authorize') || clientId === null) return '';
    return (await findPlatform(deps.db.kysely, clientId))?.name ?? '';
  };

  app.get('/console/login', { schema: { querystring: queryValues('return_to') } }, async (request, reply) => {
    const returnTo = safeReturnPath(firstOf(request.query.return_to), deps.config.publicUrl);
    if (await currentSession(request, deps)) return reply.code(303).header('location', returnTo).send();
    return showLogin(reply, 200, { returnTo });
  });

  app.post('/console/login', { schema: { body: loginForm } }, async (request, reply) => {
    const form = request.body;
    const returnTo = safeReturnPath(form.return_to, deps.config.publicUrl);
    const email = normalizeEmail(form.email ?? '');
    if (!loginCsrfTokenMatches(request, form.csrf_token)) {
      return showLogin(reply, 403, { returnTo, email, error: 'This form expired. Please sign in again.' });
    }
    const attempt = await throttle.reserveAttempt(request.ip, email, deps.clock.now());
    if (attempt.lockedForSeconds > 0) {
      reply.header('retry-after', String(attempt.lockedForSeconds));
      return showLogin(reply, 429, { returnTo, email, error: `Too many failed sign-ins. Try again in ${Math.ceil(attempt.lockedForSeconds / 60)} minutes.` });
    }
    const merchant = email === '' ? undefined : await findMerchantByEmail(deps.db.kysely, email);
    if (!(await passwordMatches(merchant?.password_hash, form.password ?? '')) || !merchant) {
      request.log.info({ event: 'sign_in_failed' }, 'merchant sign-in failed');
      return showLogin(reply, 401, { returnTo, email, error: 'E-mail or password is incorrect.' });
    }
    await attempt.succeeded();
    // A new session id on every sign-in: a session id planted before sign-in never becomes valid.
    const previous = readCookie(request, SESSION_DEFAULTS.cookieName);
    if (previous) await endSession(deps.db.kysely, previous);
    setSessionCookie(reply, deps.config, await startSession(deps.db.kysely, merchant.id, unixSeconds(deps.clock)));
    reply.clearCookie(SESSION_DEFAULTS.loginCsrfCookieName, { path: '/' });
    return reply.code(303).header('location', returnTo).header('cache-control', 'no-store').send();
  });

  app.post('/console/logout', { schema: { body: logoutForm } }, async (request, reply) => {
    const session = await currentSession(request, deps);
    if (session && !csrfTokenMatches(session, request.body.csrf_token)) {
      return sendMessagePage(reply, 403, 'Sign-out refused', 'This form expired. Reload the page and try again.');
    }
    const sessionId = readCookie(request, SESSION_DEFAULTS.cookieName);
    if (sessionId) await endSession(deps.db.kysely, sessionId);
    clearSessionCookie(reply, deps.config);
    return reply.code(303).header('location', '/console/login').send();
  });
}
