import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { ApiError } from '../http/errors.js';
import { sendPage } from '../http/html-page.js';
import { formFields, pathParams, trimmedField, type TypedApp } from '../http/route-input.js';
import { isEmailAddress } from '../http/validation-formats.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { invitationToken, openInvitation } from '../merchants/account-links.js';
import { findMerchantByEmail, merchantEmailsOfShop } from '../merchants/merchant-repository.js';
import { addShopsToMerchant, createMerchant, normalizeEmail } from '../merchants/merchant-service.js';
import { PASSWORD_MIN_LENGTH } from '../merchants/password.js';
import { setSessionCookie } from '../merchants/session-cookie.js';
import { startSession } from '../merchants/session-service.js';
import { findShopById } from '../shops/shop-repository.js';
import { unixSeconds } from '../time/clock.js';
import { addedToShopMail, invitationMail, sendInBackground } from './account-mail.js';
import { type ConsoleContext, consoleOf, sendConsolePage } from './console-context.js';
import { redirectWithFlash } from './flash.js';

const inviteForm = formFields('email');
const acceptForm = formFields('new_password', 'confirm_password');
const tokenParams = pathParams('token');
/** Invitations a shop may send per day: a team grows by a few people, not by a mailing list. */
const INVITES_PER_DAY = 20;

/** The people of a shop (guarded): who has access, and inviting someone by e-mail. */
export function registerConsoleTeamRoutes(app: TypedApp, deps: AppDeps, mail: MailTransport): void {
  const show = async (reply: FastifyReply, context: ConsoleContext, error = '', email = '') =>
    sendConsolePage(reply, context, 'team', 'console-team', { title: 'Team', members: await merchantEmailsOfShop(deps.db.kysely, context.shop.id), error, invitee: email }, error ? 400 : 200);

  app.get('/console/team', async (request, reply) => show(reply, consoleOf(request)));

  app.post('/console/team/invite', { schema: { body: inviteForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const email = normalizeEmail(trimmedField(request.body.email));
    if (!isEmailAddress(email)) return show(reply, context, `${email || 'That'} is not an e-mail address.`, email);
    const nowMs = deps.clock.now();
    const sent = await deps.rateLimitStore.increment(`merchant-invites:${context.shop.id}`, nowMs, 86_400_000);
    if (sent.count > INVITES_PER_DAY) return show(reply, context, `This shop sent ${INVITES_PER_DAY} invitations today; try again tomorrow.`, email);
    const inviter = context.session.merchant.email;
    const existing = await findMerchantByEmail(deps.db.kysely, email);
    if (existing) {
      if ((await merchantEmailsOfShop(deps.db.kysely, context.shop.id)).includes(existing.email)) return show(reply, context, `${email} already has access to this shop.`, email);
      await addShopsToMerchant(deps.db.kysely, email, [context.shop.id]);
      sendInBackground(mail, addedToShopMail(deps.config.mailFrom, existing.email, inviter, context.shop.name, `${deps.config.publicUrl}/console`), request.log);
      return redirectWithFlash(reply, '/console/team', 'access-granted');
    }
    const token = invitationToken(deps.secretKey, { shop: context.shop.id, email, by: inviter }, unixSeconds(deps.clock));
    sendInBackground(mail, invitationMail(deps.config.mailFrom, email, inviter, context.shop.name, `${deps.config.publicUrl}/console/invite/${token}`), request.log);
    return redirectWithFlash(reply, '/console/team', 'invite-sent');
  });
}

/** Accepting an invitation (open: the invitee has no account yet); the signed link is the credential. */
export function registerInvitationRoutes(app: TypedApp, deps: AppDeps): void {
  const expired = (reply: FastifyReply) => sendPage(reply, 'invitation', { title: 'This invitation no longer works', expired: true }, { status: 410 });
  const showAccept = async (reply: FastifyReply, token: string, invitation: { shop: string; email: string; by: string }, error = '') => {
    const shop = await findShopById(deps.db.kysely, invitation.shop);
    if (!shop) return expired(reply);
    return sendPage(reply, 'invitation', { title: `Join ${shop.name} on Plaudit`, token, email: invitation.email, by: invitation.by, shopName: shop.name, minimum: PASSWORD_MIN_LENGTH, error }, { status: error ? 400 : 200 });
  };

  app.get('/console/invite/:token', { schema: { params: tokenParams } }, async (request, reply) => {
    const invitation = await openInvitation(deps.db.kysely, deps.secretKey, request.params.token, unixSeconds(deps.clock));
    return invitation ? showAccept(reply, request.params.token, invitation) : expired(reply);
  });

  app.post('/console/invite/:token', { schema: { params: tokenParams, body: acceptForm } }, async (request, reply) => {
    const { token } = request.params;
    const invitation = await openInvitation(deps.db.kysely, deps.secretKey, token, unixSeconds(deps.clock));
    if (!invitation) return expired(reply);
    const password = request.body.new_password ?? '';
    if (password !== (request.body.confirm_password ?? '')) return showAccept(reply, token, invitation, 'The two passwords differ.');
    let merchantId: number;
    try {
      merchantId = (await createMerchant(deps.db.kysely, deps.clock, { email: invitation.email, password, shopIds: [invitation.shop] })).merchant_id;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // A shop deleted meanwhile, or the account created a moment ago by another tab: the link is spent.
      if (error.errors?.[0]?.field !== 'password') return expired(reply);
      return showAccept(reply, token, invitation, `The password ${error.errors[0].reason}.`);
    }
    setSessionCookie(reply, deps.config, await startSession(deps.db.kysely, merchantId, unixSeconds(deps.clock)));
    return redirectWithFlash(reply, '/console', 'invitation-accepted');
  });
}
