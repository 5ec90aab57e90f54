import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { type Actor, hmacActor } from '../http/actor.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { csrfTokenMatches, currentSession } from '../merchants/current-session.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import type { MerchantSession } from '../merchants/session-service.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { type ConsoleSection, NAV_GROUPS } from './console-navigation.js';
import { type ConsoleTime, consoleTime, merchantLocale } from './console-time.js';
import { takeFlash } from './flash.js';

export type { ConsoleSection };

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
    /** Set by the console guard on every console route but signing in and out. */
    console?: ConsoleContext;
  }
  interface FastifyContextConfig {
    /** A multipart form: its CSRF token arrives inside the body stream, so the route checks it (csrfTokenMatches). */
    multipartForm?: boolean;
  }
}

/** One field of a parsed form body, read before the route's schema has checked it. */
function formValue(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** The answer to a form without the session's CSRF token: nothing was done. */
export function refuseExpiredForm(reply: FastifyReply): Promise<FastifyReply> {
  return sendMessagePage(reply, 403, 'This form expired', 'The page was open too long or the form came from elsewhere.', 'Reload the page and try again.');
}

/**
 * Loads the session for a console page, or sends the visitor to sign in; picks the shop in view
 * among the merchant's own (a cookie remembers the choice, and is never trusted beyond that list);
 * refuses any POST without the session's CSRF token, unless the route reads it from a multipart body.
 */
async function loadConsoleContext(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<ConsoleContext | undefined> {
  const session = await currentSession(request, deps);
  if (!session) {
    const returnTo = request.method === 'GET' ? (request.raw.url ?? '/console') : '/console';
    await reply.code(303).header('location', `/console/login?return_to=${encodeURIComponent(returnTo)}`).send();
    return undefined;
  }
  const tokenInBody = request.routeOptions.config.multipartForm !== true;
  if (request.method === 'POST' && tokenInBody && !csrfTokenMatches(session, formValue(request.body, 'csrf_token'))) {
    await refuseExpiredForm(reply);
    return undefined;
  }
  const wanted = request.cookies[SHOP_COOKIE];
  const shop = session.shops.find((candidate) => candidate.id === wanted) ?? session.shops[0];
  if (!shop) {
    await sendMessagePage(reply, 403, 'No shop', 'Your account is not linked to any shop yet.', 'Ask the operator to run `plaudit merchant create` with your shop.');
    return undefined;
  }
  return { session, shop, actor: { ...hmacActor(shop), caller: 'console', recordedAs: { kind: 'merchant', id: String(session.merchant.id), name: session.merchant.email } } };
}

/**
 * Guards every route registered in `app` after it: the handler runs only for a signed-in merchant
 * with a shop (and, for a POST, the session's CSRF token), and finds them with consoleOf(request).
 * It runs before the route's schema, so a stranger is sent to sign in whatever they posted.
 */
export function guardConsoleRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('preValidation', async (request, reply) => {
    const context = await loadConsoleContext(request, reply, deps);
    if (context === undefined) return reply;
    request.console = context;
  });
}

/** The context the guard loaded for this request. */
export function consoleOf(request: FastifyRequest): ConsoleContext {
  if (request.console === undefined) throw new Error(`${request.url} is served outside the console guard`);
  return request.console;
}

/** Where a console message page leads back to: the section's own list. */
const SECTION_HOMES: Record<ConsoleSection, { href: string; label: string }> = {
  home: { href: '/console', label: 'Back to Home' },
  reviews: { href: '/console/reviews', label: 'Back to Reviews' },
  moderation: { href: '/console/moderation', label: 'Back to Moderation' },
  questions: { href: '/console/questions', label: 'Back to Questions' },
  products: { href: '/console/products', label: 'Back to Products' },
  orders: { href: '/console/orders', label: 'Back to Orders' },
  customers: { href: '/console/customers', label: 'Back to Customers' },
  settings: { href: '/console/settings', label: 'Back to Settings' },
  api: { href: '/console/api', label: 'Back to API access' },
  apps: { href: '/console/apps', label: 'Back to Connected apps' },
  webhooks: { href: '/console/webhooks', label: 'Back to Webhooks' },
  team: { href: '/console/team', label: 'Back to Team' },
  account: { href: '/console/account', label: 'Back to Account' },
};

/** A refusal or a missing object inside the console: the message in the console's own layout, with the way back. */
export function sendConsoleMessage(reply: FastifyReply, context: ConsoleContext, section: ConsoleSection, status: number, heading: string, text: string, hint = ''): Promise<FastifyReply> {
  return sendConsolePage(reply, context, section, 'console-message', { title: heading, heading, text, hint, isError: status >= 400, back: SECTION_HOMES[section] }, status);
}

/** Times on this request's pages: the shop's time zone, the merchant's locale. */
export function timeFor(request: FastifyRequest, context: ConsoleContext): ConsoleTime {
  return consoleTime(merchantLocale(request.headers['accept-language']), readShopSettings(context.shop.settings).time_zone);
}

/** A console page in the shared layout (navigation, shop switcher, account menu, the flash message). */
export function sendConsolePage(reply: FastifyReply, context: ConsoleContext, section: ConsoleSection, view: string, data: Record<string, unknown>, status = 200): Promise<FastifyReply> {
  return sendPage(
    reply,
    view,
    {
      ...data,
      // A page that formats times itself passes its own; the rest get the request's.
      time: data.time ?? timeFor(reply.request, context),
      section,
      navGroups: NAV_GROUPS,
      flash: takeFlash(reply.request, reply),
      email: context.session.merchant.email,
      shops: context.session.shops,
      shop: context.shop,
      csrfToken: context.session.csrfToken,
    },
    { status, httpsImages: true },
  );
}
