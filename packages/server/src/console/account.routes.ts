import type { AppDeps } from '../http/app-deps.js';
import { formFields, type TypedApp } from '../http/route-input.js';
import { unixSeconds } from '../time/clock.js';
import { SESSION_DEFAULTS } from '../config/security-defaults.js';
import { consoleOf, sendConsolePage } from './console-context.js';
import { redirectWithFlash } from './flash.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordMatches } from '../merchants/password.js';
import { clearSessionCookie, readCookie } from '../merchants/session-cookie.js';
import { endAllSessions } from '../merchants/session-service.js';
import { setPasswordHash } from '../merchants/merchant-repository.js';

const passwordForm = formFields('current_password', 'new_password', 'confirm_password');

/** Account: change password (every other session ends), sign out everywhere. */
export function registerConsoleAccountRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console/account', async (request, reply) => sendConsolePage(reply, consoleOf(request), 'account', 'console-account', { title: 'Account', error: '' }));

  app.post('/console/account/password', { schema: { body: passwordForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const form = request.body;
    const fail = (error: string) => sendConsolePage(reply, context, 'account', 'console-account', { title: 'Account', error }, 400);
    if (!(await passwordMatches(context.session.merchant.password_hash, form.current_password ?? ''))) return fail('Your current password is not correct.');
    const next = form.new_password ?? '';
    if (next.length < PASSWORD_MIN_LENGTH || next.length > PASSWORD_MAX_LENGTH) return fail(`The new password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`);
    if (next !== (form.confirm_password ?? '')) return fail('The two new passwords differ.');
    await setPasswordHash(deps.db.kysely, context.session.merchant.id, await hashPassword(next), unixSeconds(deps.clock));
    // Whoever else knew the old password loses their sessions; this browser stays signed in.
    await endAllSessions(deps.db.kysely, context.session.merchant.id, readCookie(request, SESSION_DEFAULTS.cookieName));
    return redirectWithFlash(reply, '/console/account', 'password-changed');
  });

  app.post('/console/account/sign-out-everywhere', async (request, reply) => {
    const context = consoleOf(request);
    await endAllSessions(deps.db.kysely, context.session.merchant.id);
    clearSessionCookie(reply, deps.config);
    return reply.code(303).header('location', '/console/login').send();
  });
}
