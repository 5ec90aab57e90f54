import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { unixSeconds } from '../time/clock.js';
import { updateShopSettings } from '../shops/shop-service.js';
import { DATE_FORMATS, NAME_FORMATS, readShopSettings, settingsFromForm, WIDGET_LANGUAGES } from '../shops/shop-settings.js';
import { type ConsoleContext, consoleOf, sendConsolePage, SHOP_COOKIE } from './console-context.js';

/** Settings, and the shop switcher for merchants of several shops. */
export function registerConsoleSettingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const show = (reply: Parameters<typeof sendConsolePage>[0], context: ConsoleContext, extra: { error?: string; saved?: boolean } = {}) =>
    sendConsolePage(reply, context, 'settings', 'console-settings', {
      title: 'Settings',
      settings: readShopSettings(context.shop.settings),
      nameFormats: NAME_FORMATS,
      dateFormats: DATE_FORMATS,
      languages: WIDGET_LANGUAGES,
      error: extra.error ?? '',
      saved: extra.saved ?? false,
    }, extra.error ? 400 : 200);

  app.get('/console/settings', async (request, reply) => {
    const context = consoleOf(request);
    return show(reply, context, { saved: (request.query as Record<string, unknown>).saved !== undefined });
  });

  app.post('/console/settings', async (request, reply) => {
    const context = consoleOf(request);
    const settings = settingsFromForm(readShopSettings(context.shop.settings), request.body as Record<string, unknown>);
    if (typeof settings === 'string') return show(reply, context, { error: settings });
    await updateShopSettings(deps.db.kysely, context.shop, settings, unixSeconds(deps.clock));
    return reply.code(303).header('location', '/console/settings?saved').send();
  });

  app.post('/console/shop', async (request, reply) => {
    const context = consoleOf(request);
    const wanted = (request.body as Record<string, unknown>).shop_id;
    // Only one of the merchant's own shops can be put in view.
    const shop = context.session.shops.find((candidate) => candidate.id === wanted);
    if (shop) reply.setCookie(SHOP_COOKIE, shop.id, { path: '/console', httpOnly: true, sameSite: 'lax', secure: deps.config.publicUrl.startsWith('https:') });
    return reply.code(303).header('location', '/console/reviews').send();
  });

  // The guard has already sent a visitor without a session to sign in.
  app.get('/console', async (_request, reply) => {
    return reply.code(303).header('location', '/console/reviews').send();
  });
}
