import { linksOfShop } from '../store-links/connector-links.js';
import { ratingHoldOf } from './rating-hold.js';
import { hiddenStarCounts } from '../reviews/review-stats.js';
import type { AppDeps } from '../http/app-deps.js';
import { formFields, type TypedApp } from '../http/route-input.js';
import { unixSeconds } from '../time/clock.js';
import { updateShopSettings } from '../shops/shop-service.js';
import { DATE_FORMATS, EDITABLE_SETTINGS, NAME_FORMATS, readShopSettings, settingsDraftFromForm, settingsFromForm, type ShopSettings, WIDGET_LANGUAGES, WIDGET_THEMES } from '../shops/shop-settings.js';
import { type ConsoleContext, consoleOf, sendConsolePage, SHOP_COOKIE } from './console-context.js';
import { redirectWithFlash } from './flash.js';

/** Every zone the runtime knows, UTC first: the console shows times and counts days in the one chosen. */
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

const settingsForm = formFields(...EDITABLE_SETTINGS);
const shopForm = formFields('shop_id');

/** Settings, and the shop switcher for merchants of several shops. */
export function registerConsoleSettingsRoutes(app: TypedApp, deps: AppDeps): void {
  const show = async (reply: Parameters<typeof sendConsolePage>[0], context: ConsoleContext, extra: { error?: string; draft?: ShopSettings } = {}) => {
    // The warning is about the settings in force, not a draft the form refused.
    const saved = readShopSettings(context.shop.settings);
    return sendConsolePage(reply, context, 'settings', 'console-settings', {
      title: 'Settings',
      settings: extra.draft ?? saved,
      hold: ratingHoldOf(saved, await hiddenStarCounts(deps.db.kysely, context.shop.id)),
      nameFormats: NAME_FORMATS,
      dateFormats: DATE_FORMATS,
      languages: WIDGET_LANGUAGES,
      themes: WIDGET_THEMES,
      timeZones: TIME_ZONES,
      error: extra.error ?? '',
      // The store connections (docs/connectors.md): what is linked, and what needs the merchant.
      connections: (await linksOfShop(deps.db.kysely, context.shop.id)).map((link) => ({
        platform: link.platform === 'shopify' ? 'Shopify' : 'WooCommerce',
        store: link.external_shop,
        status: link.status,
        reconnectUrl: link.platform === 'shopify' && link.status !== 'active' ? `${deps.config.publicUrl}/connectors/shopify/install?shop=${encodeURIComponent(link.external_shop)}` : '',
      })),
    }, extra.error ? 400 : 200);
  };

  app.get('/console/settings', async (request, reply) => show(reply, consoleOf(request)));

  app.post('/console/settings', { schema: { body: settingsForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const current = readShopSettings(context.shop.settings);
    const settings = settingsFromForm(current, request.body);
    if (typeof settings === 'string') return show(reply, context, { error: settings, draft: settingsDraftFromForm(current, request.body) });
    await updateShopSettings(deps.db.kysely, context.shop, settings, unixSeconds(deps.clock));
    return redirectWithFlash(reply, '/console/settings', 'settings-saved');
  });

  app.post('/console/shop', { schema: { body: shopForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const wanted = request.body.shop_id;
    // Only one of the merchant's own shops can be put in view.
    const shop = context.session.shops.find((candidate) => candidate.id === wanted);
    if (!shop) return reply.code(303).header('location', '/console').send();
    reply.setCookie(SHOP_COOKIE, shop.id, { path: '/console', httpOnly: true, sameSite: 'lax', secure: deps.config.publicUrl.startsWith('https:') });
    return redirectWithFlash(reply, '/console', 'shop-switched');
  });
}
