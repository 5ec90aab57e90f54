import type { FastifyBaseLogger } from 'fastify';
import type { MailTransport, OutgoingMail } from '../mail/mail-transport.js';
import { merchantMail } from '../mail/merchant-mail.js';


export function passwordResetMail(from: string, to: string, link: string): OutgoingMail {
  return merchantMail(from, to, 'Choose a new Plaudit password', ['Someone asked to reset the password of your Plaudit merchant account. If it was you, choose a new password with the button below; the link works for 30 minutes and only once.'], { label: 'Choose a new password', url: link }, 'If you did not ask, ignore this e-mail: your password stays as it is.');
}

export function invitationMail(from: string, to: string, inviter: string, shopName: string, link: string): OutgoingMail {
  return merchantMail(from, to, `${inviter} invited you to ${shopName} on Plaudit`, [`${inviter} invited you to look after the reviews of ${shopName} on Plaudit.`, 'Choose a password to create your merchant account; the link works for seven days.'], { label: 'Accept the invitation', url: link }, 'If you did not expect this, ignore this e-mail: no account is created.');
}

export function addedToShopMail(from: string, to: string, inviter: string, shopName: string, link: string): OutgoingMail {
  return merchantMail(from, to, `You can now manage ${shopName} on Plaudit`, [`${inviter} gave your Plaudit account access to ${shopName}. It is in the shop menu of the console.`], { label: 'Open the console', url: link }, 'Sign in with your usual password.');
}

/**
 * Sends after the answer: the page a visitor sees does not wait for SMTP, so it takes the same
 * time whether or not an account exists. A failed send is logged (never with the link); asking
 * again sends a new one.
 */
export function sendInBackground(transport: MailTransport, mail: OutgoingMail, log: FastifyBaseLogger): void {
  transport.send(mail).catch((error: unknown) => log.warn({ err: error, subject: mail.subject }, 'account e-mail not sent'));
}
