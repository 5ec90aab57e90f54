import { escapeHtml } from '@plaudit/review-view/view/html';
import type { FastifyBaseLogger } from 'fastify';
import type { MailTransport, OutgoingMail } from '../mail/mail-transport.js';


/** A short e-mail from Plaudit to a merchant: a few sentences and one button. */
function accountMail(from: string, to: string, subject: string, lines: string[], action: { label: string; url: string }, after: string): OutgoingMail {
  const text = `${lines.join('\n\n')}\n\n${action.label}: ${action.url}\n\n${after}\n`;
  const html = `<!doctype html><html lang="en"><body style="margin:0;padding:24px;background:#f4f5f6;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1d1f">
<div style="max-width:480px;margin:0 auto;background:#fff;border:1px solid #e1e3e6;border-radius:12px;padding:24px">
<p style="margin:0 0 16px;font-weight:700;color:#2f6f4f">Plaudit</p>
${lines.map((line) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`).join('')}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#2f6f4f;color:#fff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:8px">${escapeHtml(action.label)}</a></p>
<p style="margin:0;color:#5a6068;font-size:14px">${escapeHtml(after)}</p>
</div></body></html>`;
  return { from: { name: 'Plaudit', address: from }, to, subject, text, html, headers: { 'Auto-Submitted': 'auto-generated' } };
}

export function passwordResetMail(from: string, to: string, link: string): OutgoingMail {
  return accountMail(from, to, 'Choose a new Plaudit password', ['Someone asked to reset the password of your Plaudit merchant account. If it was you, choose a new password with the button below; the link works for 30 minutes and only once.'], { label: 'Choose a new password', url: link }, 'If you did not ask, ignore this e-mail: your password stays as it is.');
}

export function invitationMail(from: string, to: string, inviter: string, shopName: string, link: string): OutgoingMail {
  return accountMail(from, to, `${inviter} invited you to ${shopName} on Plaudit`, [`${inviter} invited you to look after the reviews of ${shopName} on Plaudit.`, 'Choose a password to create your merchant account; the link works for seven days.'], { label: 'Accept the invitation', url: link }, 'If you did not expect this, ignore this e-mail: no account is created.');
}

export function addedToShopMail(from: string, to: string, inviter: string, shopName: string, link: string): OutgoingMail {
  return accountMail(from, to, `You can now manage ${shopName} on Plaudit`, [`${inviter} gave your Plaudit account access to ${shopName}. It is in the shop menu of the console.`], { label: 'Open the console', url: link }, 'Sign in with your usual password.');
}

/**
 * Sends after the answer: the page a visitor sees does not wait for SMTP, so it takes the same
 * time whether or not an account exists. A failed send is logged (never with the link); asking
 * again sends a new one.
 */
export function sendInBackground(transport: MailTransport, mail: OutgoingMail, log: FastifyBaseLogger): void {
  transport.send(mail).catch((error: unknown) => log.warn({ err: error, subject: mail.subject }, 'account e-mail not sent'));
}
