import type { ShopRow } from './shop-repository.js';
import { readShopSettings, storefrontUrlOf } from './shop-settings.js';
import { isRightToLeft, type Language, pickLanguage } from '@plaudit/review-view/messages';

/** How a page a shopper reads speaks as the shop: its name, its address, its colours and language. */
export interface ShopperBrand {
  name: string;
  url: string;
  /** Validated #rrggbb colours from the shop's settings. */
  accent: string;
  star: string;
  language: Language;
  direction: 'ltr' | 'rtl';
}

export function shopperBrandOf(shop: ShopRow): ShopperBrand {
  const settings = readShopSettings(shop.settings);
  const language = pickLanguage(settings.language);
  return {
    name: shop.name,
    url: storefrontUrlOf(shop.domain, settings),
    accent: settings.widget_accent_color,
    star: settings.widget_star_color,
    language,
    direction: isRightToLeft(language) ? 'rtl' : 'ltr',
  };
}
