import { Type, type TSchema } from '@sinclair/typebox';
import { invalidArgument } from '../../http/errors.js';
import { defineOperation, SHOP_ONLY } from '../../http/operation.js';
import { updateShopSettings } from '../../shops/shop-service.js';
import { DATE_FORMATS, NAME_FORMATS, readShopSettings, WIDGET_LANGUAGES, WIDGET_THEMES } from '../../shops/shop-settings.js';
import { PERSONAL_DATA_ACTIONS, RULE_ACTIONS } from '../../shops/moderation-settings.js';

const choice = (values: readonly string[], description: string) => Type.String({ description: `${description}: one of ${values.join(', ')}` });

/**
 * Every setting a merchant edits in the console, as the API spells it. The schema says the types;
 * the ranges, lists and patterns are judged by the same rules the console form uses
 * (shop-settings.ts), so the two can never accept different values.
 */
const settingsFields = {
  auto_publish: Type.Boolean({ description: 'publish new reviews at once (at or above auto_publish_min_rating)' }),
  auto_publish_min_rating: Type.Integer({ description: 'lowest rating published automatically, 1 to 5' }),
  name_format: choice(NAME_FORMATS, 'how reviewer names are shown'),
  show_verified_badge: Type.Boolean(),
  show_item_type: Type.Boolean(),
  show_country: Type.Boolean(),
  date_format: choice(DATE_FORMATS, 'how review dates are shown'),
  language: choice(WIDGET_LANGUAGES, 'language of the widget, hosted pages and e-mails'),
  review_form_enabled: Type.Boolean(),
  photo_upload_enabled: Type.Boolean(),
  helpful_votes_enabled: Type.Boolean(),
  storefront_origins: Type.Array(Type.String(), { description: 'origins allowed to post storefront forms from a browser, like https://shop.example.com; empty allows any, at most 50' }),
  request_delay_days: Type.Integer({ description: 'days after fulfilment before the review request, 0 to 60' }),
  reminder_enabled: Type.Boolean(),
  reminder_delay_days: Type.Integer({ description: 'days after the request before the reminder, 1 to 60' }),
  sender_name: Type.String({ description: "sender name of the e-mails, at most 100 characters; empty means the shop's name" }),
  storefront_url: Type.String({ description: "the shop's storefront address, where hosted pages and e-mails link back; empty means https:// and the shop's domain" }),
  widget_star_color: Type.String({ description: '#rrggbb' }),
  widget_accent_color: Type.String({ description: '#rrggbb' }),
  widget_theme: choice(WIDGET_THEMES, "the widget's colour scheme; auto follows the shopper's system setting"),
  require_signature_v2: Type.Boolean({ description: 'refuse HMAC requests signed with version 1 (code 16)' }),
  time_zone: Type.String({ description: 'IANA time zone (Europe/Berlin, America/New_York, UTC) in which the console shows times and counts days' }),
  questions_enabled: Type.Boolean({ description: 'shoppers can ask questions on product pages' }),
  questions_notify_merchant: Type.Boolean({ description: 'e-mail the merchant about each new question' }),
  questions_ask_buyers: Type.Boolean({ description: 'e-mail recent buyers of the product to answer a new question (each buyer at most once a week)' }),
  questions_buyers_per_question: Type.Integer({ description: 'how many recent buyers one question e-mails at most, 1 to 20' }),
} satisfies Record<string, TSchema>;

const words = (description: string) => Type.Array(Type.String(), { description: `${description}; at most 200 words of at most 60 characters, matched as whole words, case-insensitive` });

/** docs/reference/moderation.md: each rule holds a review for the merchant, or is off. */
const moderationFields = {
  profanity: choice(RULE_ACTIONS, 'swear words and slurs in English, the shop language and blocked_words'),
  links: choice(RULE_ACTIONS, 'web addresses in the review'),
  personal_data: choice(PERSONAL_DATA_ACTIONS, 'e-mail addresses and phone numbers in the title or text; mask publishes the review with them replaced'),
  near_duplicates: choice(RULE_ACTIONS, 'text nearly the same as a recent review by the same address or device'),
  no_order: choice(RULE_ACTIONS, 'reviews no order verifies'),
  blocked_words: words("the shop's own words to hold"),
  allowed_words: words('words the profanity lists hold that this shop uses innocently'),
} satisfies Record<string, TSchema>;

const ModerationSchema = Type.Object(moderationFields, { description: 'moderation rules; a change names only the rules it moves' });

const ShopSettingsSchema = Type.Object({ ...settingsFields, moderation: ModerationSchema });
const notASetting = (what: string) => Type.Never({ 'x-reason': `is not a ${what}` });

export const getShopSettingsOperation = defineOperation({
  operation: 'get_shop_settings',
  method: 'GET',
  scope: SHOP_ONLY,
  summary: 'Get Shop Settings',
  description: "The shop's settings, as the merchant console edits them. Signed by the shop itself; no platform token may read them.",
  tags: ['Shop'],
  data: ShopSettingsSchema,
  async handler({ actor }) {
    return readShopSettings(actor.shop.settings);
  },
});

export const updateShopSettingsOperation = defineOperation({
  operation: 'update_shop_settings',
  method: 'POST',
  scope: SHOP_ONLY,
  summary: 'Update Shop Settings',
  description: 'Changes the settings given and keeps the others. Values are checked exactly as the console checks them; when any is invalid, every problem is reported (code 3) and nothing changes. Answers the settings now in force.',
  tags: ['Shop'],
  // A misspelt setting is refused, not silently dropped: the merchant would believe it saved.
  body: Type.Partial(Type.Object({ ...settingsFields, moderation: Type.Partial(ModerationSchema, { additionalProperties: notASetting('moderation rule') }) }), { additionalProperties: notASetting('setting') }),
  data: ShopSettingsSchema,
  async handler({ actor, body, db, now }) {
    const updated = await updateShopSettings(db, actor.shop, body, now);
    if (Array.isArray(updated)) throw invalidArgument(updated.map((problem) => ({ field: problem.field, reason: problem.reason })));
    return updated;
  },
});
