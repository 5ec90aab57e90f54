import type { Static } from '@sinclair/typebox';
import type { AppDeps } from '../http/app-deps.js';
import { pathParams, type TypedApp } from '../http/route-input.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import { unsubscribeBuyer } from '../orders/buyer-suppression.js';
import { recordCustomerEvents } from '../events/customer-events.js';
import { osTypeFromUserAgent } from '../events/event-types.js';
import { hmacActor } from '../http/actor.js';
import { findShopById } from '../shops/shop-repository.js';
import { MAIL_MESSAGES } from '@plaudit/review-view/mail-messages';
import { format } from '@plaudit/review-view/messages';
import { shopLanguage } from '../storefront/shop-messages.js';
import { readUnsubscribeToken } from '../collection/email-tokens.js';
import { secondsOf } from '../time/clock.js';

/** `bea@example.com` → `b***@example.com`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/**
 * The unsubscribe link of review-request e-mails (docs/reference/collection.md §6.4). GET only shows the page
 * (mail scanners follow links); POST — the RFC 8058 one-click body, or the page's buttons —
 * unsubscribes. The signed token is the capability, so no session or CSRF token is needed.
 */
export function registerUnsubscribeRoutes(app: TypedApp, deps: AppDeps): void {
  const resolve = async (raw: string) => {
    const token = readUnsubscribeToken(deps.secretKey, raw);
    const shop = token ? await findShopById(deps.db.kysely, token.shop) : undefined;
    return token && shop ? { token, shop, language: shopLanguage(shop) } : undefined;
  };

  const params = pathParams('token');

  app.get('/u/:token', { schema: { params } }, async (request, reply) => {
    const found = await resolve(request.params.token);
    if (!found) return sendMessagePage(reply, 404, 'Link not found', 'This unsubscribe link is not valid.');
    const t = MAIL_MESSAGES[found.language];
    return sendPage(reply, 'unsubscribe', {
      title: `${t.unsubscribe} · ${found.shop.name}`,
      lang: found.language,
      t,
      question: format(t.unsubscribeQuestion, { shop: found.shop.name, email: maskEmail(found.token.email) }),
      action: request.url.split('?')[0],
    });
  });

  // No body schema: RFC 8058 one-click posts `List-Unsubscribe=One-Click`, and some clients post nothing at all.
  app.post<{ Params: Static<typeof params>; Body: { scope?: unknown } | undefined }>('/u/:token', { schema: { params } }, async (request, reply) => {
    const found = await resolve(request.params.token);
    if (!found) return sendMessagePage(reply, 404, 'Link not found', 'This unsubscribe link is not valid.');
    const emailType = request.body?.scope === 'all' ? 'all' : 'review_request';
    const nowMs = deps.clock.now();
    await deps.db.kysely.transaction().execute(async (trx) => {
      await unsubscribeBuyer(trx, hmacActor(found.shop), { email: found.token.email, emailType, source: 'email_link' }, secondsOf(nowMs));
      await recordCustomerEvents(trx, found.shop.id, [{ eventType: 'UNSUBSCRIBE', eventSource: 'EMAIL', osType: osTypeFromUserAgent(request.headers['user-agent']), email: found.token.email, extra: { email_type: emailType } }], nowMs);
    });
    deps.outboxSignal?.();
    const t = MAIL_MESSAGES[found.language];
    const text = format(emailType === 'all' ? t.unsubscribedAll : t.unsubscribedRequests, { shop: found.shop.name, email: maskEmail(found.token.email) });
    return sendPage(reply, 'message', { title: t.unsubscribedHeading, heading: t.unsubscribedHeading, text, hint: '', isError: false, lang: found.language });
  });
}
