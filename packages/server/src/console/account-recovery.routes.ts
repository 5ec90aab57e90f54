import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { ApiError } from '../http/errors.js';
import { sendPage } from '../http/html-page.js';
import { formFields, pathParams, type TypedApp } from '../http/route-input.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { merchantOfResetToken, passwordResetToken } from '../merchants/account-links.js';
import { findMerchantByEmail } from '../merchants/merchant-repository.js';
import { normalizeEmail, resetMerchantPassword } from '../merchants/merchant-service.js';
import { PASSWORD_MIN_LENGTH } from '../merchants/password.js';
import { issueLoginCsrfToken, loginCsrfTokenMatches } from '../merchants/session-cookie.js';
import { unixSeconds } from '../time/clock.js';
import { passwordResetMail, sendInBackground } from './account-mail.js';
import { redirectWithFlash } from './flash.js';

const forgotForm = formFields('email', 'csrf_token');
const resetForm = formFields('new_password', 'confirm_password');
const tokenParams = pathParams('token');

/** Reset e-mails per address and per client address within an hour: enough for a person, too few to flood an inbox. */
const PER_ADDRESS = 3;
const PER_CLIENT = 10;
const HOUR_MS = 3_600_000;

/**
 * Forgotten passwords (docs/console.md): a form that takes an e-mail address and always gives the
 * same answer, whether or not an account has that address, and an e-mailed link that lets its
 * holder choose a new password once, within 30 minutes. Every session of the account ends then.
 */
export function registerAccountRecoveryRoutes(app: TypedApp, deps: AppDeps, mail: MailTransport): void {
  const showForgot = (reply: FastifyReply, status: number, fields: { sent?: boolean; error?: string }) => {
    const csrfToken = issueLoginCsrfToken(reply, deps.config);
    return sendPage(reply, 'forgot-password', { title: 'Reset your password', csrfToken, sent: fields.sent ?? false, error: fields.error ?? '' }, { status });
  };

  app.get('/console/forgot', async (_request, reply) => showForgot(reply, 200, {}));

  app.post('/console/forgot', { schema: { body: forgotForm } }, async (request, reply) => {
    if (!loginCsrfTokenMatches(request, request.body.csrf_token)) return showForgot(reply, 403, { error: 'This form expired. Please try again.' });
    const email = normalizeEmail(request.body.email ?? '');
    const nowMs = deps.clock.now();
    const perClient = await deps.rateLimitStore.increment(`password-reset-ip:${request.ip}`, nowMs, HOUR_MS);
    if (perClient.count > PER_CLIENT) {
      reply.header('retry-after', String(Math.max(1, Math.ceil((perClient.resetAt - nowMs) / 1000))));
      return showForgot(reply, 429, { error: 'Too many reset requests from this network. Try again in an hour.' });
    }
    // The answer below is the same for every address; only a known one under its budget gets mail.
    const perAddress = await deps.rateLimitStore.increment(`password-reset-account:${email}`, nowMs, HOUR_MS);
    const merchant = email === '' ? undefined : await findMerchantByEmail(deps.db.kysely, email);
    if (merchant && perAddress.count <= PER_ADDRESS) {
      const link = `${deps.config.publicUrl}/console/reset/${passwordResetToken(deps.secretKey, merchant, unixSeconds(deps.clock))}`;
      sendInBackground(mail, passwordResetMail(deps.config.mailFrom, merchant.email, link), request.log);
    }
    return showForgot(reply, 200, { sent: true });
  });

  const showReset = (reply: FastifyReply, status: number, token: string, error = '') =>
    sendPage(reply, 'reset-password', { title: 'Choose a new password', token, error, minimum: PASSWORD_MIN_LENGTH }, { status });
  const expired = (reply: FastifyReply) =>
    sendPage(reply, 'reset-password', { title: 'This link no longer works', token: '', expired: true, error: '', minimum: PASSWORD_MIN_LENGTH }, { status: 410 });

  app.get('/console/reset/:token', { schema: { params: tokenParams } }, async (request, reply) => {
    const merchant = await merchantOfResetToken(deps.db.kysely, deps.secretKey, request.params.token, unixSeconds(deps.clock));
    return merchant ? showReset(reply, 200, request.params.token) : expired(reply);
  });

  // The link's token is the credential: it is checked again here, so a form kept open past the
  // 30 minutes, or a link already used, changes nothing.
  app.post('/console/reset/:token', { schema: { params: tokenParams, body: resetForm } }, async (request, reply) => {
    const { token } = request.params;
    const merchant = await merchantOfResetToken(deps.db.kysely, deps.secretKey, token, unixSeconds(deps.clock));
    if (!merchant) return expired(reply);
    const password = request.body.new_password ?? '';
    if (password !== (request.body.confirm_password ?? '')) return showReset(reply, 400, token, 'The two passwords differ.');
    try {
      await resetMerchantPassword(deps.db.kysely, deps.clock, merchant.email, password);
    } catch (error) {
      if (error instanceof ApiError) return showReset(reply, 400, token, `The password ${error.errors?.[0]?.reason ?? 'is not accepted'}.`);
      throw error;
    }
    return redirectWithFlash(reply, '/console/login', 'password-reset');
  });
}
