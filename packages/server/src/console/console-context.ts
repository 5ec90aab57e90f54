import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { type Actor, hmacActor } from '../http/actor.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { csrfTokenMatches, currentSession } from '../merchants/current-session.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import type { MerchantSession } from '../merchants/session-service.js';

export const SHOP_COOKIE = 'plaudit_console_shop';

/** What every console page works with: the signed-in merchant, the shop in view, and its actor. */
export interface ConsoleContext {
  session: MerchantSession;
  shop: ShopRow;
  /** The merchant acts as the shop itself: the same services and webhooks as a signed API call. */
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    console?: ConsoleContext;
  }
}

/**
 * Loads the session for a console page, or sends the visitor to sign in; picks the shop in view
 * among the merchant's own (a cookie remembers the choice, and is never trusted beyond that list);
 * refuses any POST without the session's CSRF token.
 */
export async function loadConsoleContext(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  /** The submitted token, for forms whose body is not parsed up front (file uploads). */
  options: { csrfToken?: unknown } = {},
): Promise<ConsoleContext | undefined> {
  const session = await currentSession(request, deps);
  if (!session) {
    const returnTo = request.method === 'GET' ? (request.raw.url ?? '/console') : '/console';
    await reply.code(303).header('location', `/console/login?return_to=${encodeURIComponent(returnTo)}`).send();
    return undefined;
  }
  const submittedToken = 'csrfToken' in options ? options.csrfToken : (request.body as Record<string, unknown> | undefined)?.csrf_token;
  if (request.method === 'POST' && !csrfTokenMatches(session, submittedToken)) {
    await sendMessagePage(reply, 403, 'This form expired', 'The page was open too long or the form came from elsewhere.', 'Reload the page and try again.');
    return undefined;
  }
  const wanted = request.cookies[SHOP_COOKIE];
  const shop = session.shops.find((candidate) => candidate.id === wanted) ?? session.shops[0];
  if (!shop) {
    await sendMessagePage(reply, 403, 'No shop', 'Your account is not linked to any shop yet.', 'Ask the operator to run `plaudit merchant create` with your shop.');
    return undefined;
  }
  return { session, shop, actor: { ...hmacActor(shop), caller: 'console' } };
}

export type ConsoleSection = 'reviews' | 'orders' | 'customers' | 'settings' | 'api' | 'apps' | 'webhooks' | 'account';

/** A console page in the shared layout (navigation, shop switcher, sign-out). */
export function sendConsolePage(reply: FastifyReply, context: ConsoleContext, section: ConsoleSection, view: string, data: Record<string, unknown>, status = 200): Promise<FastifyReply> {
  return sendPage(
    reply,
    view,
    {
      ...data,
      section,
      email: context.session.merchant.email,
      shops: context.session.shops,
      shop: context.shop,
      csrfToken: context.session.csrfToken,
    },
    { status, httpsImages: true },
  );
}
