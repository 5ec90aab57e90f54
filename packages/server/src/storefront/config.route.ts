import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { MESSAGES, pickLanguage } from '@plaudit/review-view/messages';
import { firstValue, shopSelector } from './public-endpoint/query.js';
import { sendPublicAnswer } from './public-endpoint/reply.js';
import { resolvePublicShop } from './public-endpoint/shop.js';

const flag = (value: boolean) => (value ? 1 : 0);

/**
 * `GET /api/v1/storefront/config` (§9): the display settings the widget needs before it renders,
 * and, for any language but English (which the loader carries), that language's messages: the
 * shop's language, or `lang` when an element asks for its own (§12.8).
 */
export function registerConfigRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get<RawQueryRoute>('/api/v1/storefront/config', async (request, reply) => {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    const { shop, version } = await resolvePublicShop(deps.db, shopSelector(request.query));
    // An element's own language, as the widget picked it (an unknown tag reads English there too); else the shop's.
    const asked = firstValue(request.query, 'lang');
    const language = asked === undefined ? undefined : pickLanguage(asked);
    const answer = await deps.answers.answer(shop.id, version, `config ${language ?? ''}`, async () => {
      const s = readShopSettings(shop.settings);
      const spoken = language ?? pickLanguage(s.language);
      return JSON.stringify({
        shop_id: shop.id,
        shop_name: shop.name,
        shop_domain: shop.domain,
        language: s.language,
        date_format: s.date_format,
        show_country: flag(s.show_country),
        show_verified_badge: flag(s.show_verified_badge),
        review_form_enabled: flag(s.review_form_enabled),
        photo_upload_enabled: flag(s.photo_upload_enabled),
        helpful_votes_enabled: flag(s.helpful_votes_enabled),
        questions_enabled: flag(s.questions_enabled),
        // Plaudit extension: the console's colours, the widget's defaults for --plaudit-star-color and --plaudit-accent-color.
        star_color: s.widget_star_color,
        accent_color: s.widget_accent_color,
        theme: s.widget_theme,
        ...(spoken === 'en' ? {} : { messages: MESSAGES[spoken] }),
      });
    });
    return sendPublicAnswer(deps, request, reply, answer);
  });
}
