import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { type Language, MESSAGES, type Messages, pickLanguage } from '@plaudit/review-view/messages';

/** The language a shop speaks to its shoppers: its setting, English when unset or unknown. */
export function shopLanguage(shop: ShopRow): Language {
  return pickLanguage(readShopSettings(shop.settings).language);
}

/** The texts of the pages a shop's shoppers see. */
export function messagesOf(shop: ShopRow): Messages {
  return MESSAGES[shopLanguage(shop)];
}
