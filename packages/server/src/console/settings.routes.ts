import type { AppDeps } from '../http/app-deps.js';
import { formFields, queryValues, type TypedApp } from '../http/route-input.js';
import { unixSeconds } from '../time/clock.js';
import { updateShopSettings } from '../shops/shop-service.js';
import { DATE_FORMATS, EDITABLE_SETTINGS, NAME_FORMATS, readShopSettings, settingsFromForm, WIDGET_LANGUAGES, WIDGET_THEMES } from '../shops/shop-settings.js';
import { type ConsoleContext, consoleOf, sendConsolePage, SHOP_COOKIE } from './console-context.js';

const settingsForm = formFields(...EDITABLE_SETTINGS);
const shopForm = formFields('shop_id');

/** Settings, and the shop switcher for merchants of several shops. */
export function registerConsoleSettingsRoutes(app: TypedApp, deps: AppDeps): void {
  const show = (reply: Parameters<typeof sendConsolePage>[0], context: ConsoleContext, extra: { error?: string; saved?: boolean } = {}) =>
    sendConsolePage(reply, context, 'settings', 'console-settings', {
      title: 'Settings',
      settings: readShopSettings(context.shop.settings),
      nameFormats: NAME_FORMATS,
      dateFormats: DATE_FORMATS,
      languages: WIDGET_LANGUAGES,
      themes: WIDGET_THEMES,
      error: extra.error ?? '',
      saved: extra.saved ?? false,
    }, extra.error ? 400 : 200);

  app.get('/console/settings', { schema: { querystring: queryValues('saved') } }, async (request, reply) => {
    const context = consoleOf(request);
    return show(reply, context, { saved: request.query.saved !== undefined });
  });

  app.post('/console/settings', { schema: { body: settingsForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const settings = settingsFromForm(readShopSettings(context.shop.settings), request.body);
    if (typeof settings === 'string') return show(reply, context, { error: settings });
    await updateShopSettings(deps.db.kysely, context.shop, settings, unixSeconds(deps.clock));
    return reply.code(303).header('location', '/console/settings?saved').send();
  });

  app.post('/console/shop', { schema: { body: shopForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const wanted = request.body.shop_id;
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
