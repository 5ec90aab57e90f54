export const NAME_FORMATS = ['first_initial', 'full', 'initials', 'first_name', 'anonymous'] as const;
export const DATE_FORMATS = ['mm/dd/yyyy', 'dd/mm/yyyy', 'yyyy-mm-dd', 'relative'] as const;
export const WIDGET_LANGUAGES = ['en', 'de', 'fr', 'es', 'zh-CN'] as const;

/** Shop settings of the contract (spec README §12), plus the widget's colours (issue 8). */
export interface ShopSettings {
  auto_publish: boolean;
  auto_publish_min_rating: number;
  name_format: (typeof NAME_FORMATS)[number];
  show_verified_badge: boolean;
  show_item_type: boolean;
  show_country: boolean;
  date_format: (typeof DATE_FORMATS)[number];
  language: string;
  review_form_enabled: boolean;
  photo_upload_enabled: boolean;
  helpful_votes_enabled: boolean;
  /** Origins allowed to POST to storefront endpoints from a browser; empty = any origin. */
  storefront_origins: string[];
  request_delay_days: number;
  reminder_enabled: boolean;
  reminder_delay_days: number;
  /** '' means the shop's name. */
  sender_name: string;
  widget_star_color: string;
  widget_accent_color: string;
}

export const defaultShopSettings: Readonly<ShopSettings> = Object.freeze({
  auto_publish: true,
  auto_publish_min_rating: 1,
  name_format: 'first_initial',
  show_verified_badge: true,
  show_item_type: true,
  show_country: true,
  date_format: 'mm/dd/yyyy',
  language: 'en',
  review_form_enabled: true,
  photo_upload_enabled: true,
  helpful_votes_enabled: true,
  storefront_origins: [],
  request_delay_days: 7,
  reminder_enabled: true,
  reminder_delay_days: 5,
  sender_name: '',
  // The widget's own defaults (storefront.md §12.6), which meet 3:1 (stars) and 4.5:1 (text) on white.
  widget_star_color: '#c27803',
  widget_accent_color: '#1f2937',
});

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

const isIntegerIn = (value: unknown, min: number, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((v) => v === value);

/** Stored settings are a partial JSON object; unknown or malformed values fall back to defaults. */
export function readShopSettings(json: string): ShopSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    // A corrupt settings column must not take the shop's API down; defaults are the safe reading.
  }
  const d = defaultShopSettings;
  const bool = (name: keyof ShopSettings, fallback: boolean) => (typeof stored[name] === 'boolean' ? (stored[name] as boolean) : fallback);
  const color = (name: keyof ShopSettings, fallback: string) => (typeof stored[name] === 'string' && HEX_COLOR.test(stored[name] as string) ? (stored[name] as string) : fallback);
  const origins = stored.storefront_origins;
  return {
    auto_publish: bool('auto_publish', d.auto_publish),
    auto_publish_min_rating: isIntegerIn(stored.auto_publish_min_rating, 1, 5) ? stored.auto_publish_min_rating : d.auto_publish_min_rating,
    name_format: oneOf(NAME_FORMATS, stored.name_format) ?? d.name_format,
    show_verified_badge: bool('show_verified_badge', d.show_verified_badge),
    show_item_type: bool('show_item_type', d.show_item_type),
    show_country: bool('show_country', d.show_country),
    date_format: oneOf(DATE_FORMATS, stored.date_format) ?? d.date_format,
    language: typeof stored.language === 'string' ? stored.language : d.language,
    review_form_enabled: bool('review_form_enabled', d.review_form_enabled),
    photo_upload_enabled: bool('photo_upload_enabled', d.photo_upload_enabled),
    helpful_votes_enabled: bool('helpful_votes_enabled', d.helpful_votes_enabled),
    storefront_origins: Array.isArray(origins) && origins.every((o) => typeof o === 'string' && ORIGIN.test(o)) ? (origins as string[]) : [...d.storefront_origins],
    request_delay_days: isIntegerIn(stored.request_delay_days, 0, 60) ? stored.request_delay_days : d.request_delay_days,
    reminder_enabled: bool('reminder_enabled', d.reminder_enabled),
    reminder_delay_days: isIntegerIn(stored.reminder_delay_days, 1, 60) ? stored.reminder_delay_days : d.reminder_delay_days,
    sender_name: typeof stored.sender_name === 'string' ? stored.sender_name : d.sender_name,
    widget_star_color: color('widget_star_color', d.widget_star_color),
    widget_accent_color: color('widget_accent_color', d.widget_accent_color),
  };
}

/** Settings from the console's form (checkboxes absent = off), or the first problem with them. */
export function settingsFromForm(form: Record<string, unknown>): ShopSettings | string {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
  const int = (name: string) => (/^\d{1,3}$/.test(text(name)) ? Number(text(name)) : NaN);
  const checked = (name: string) => form[name] === '1';
  const minRating = int('auto_publish_min_rating');
  if (!isIntegerIn(minRating, 1, 5)) return 'The minimum rating to publish must be from 1 to 5.';
  const nameFormat = oneOf(NAME_FORMATS, form.name_format);
  if (!nameFormat) return 'Choose how reviewer names are shown.';
  const dateFormat = oneOf(DATE_FORMATS, form.date_format);
  if (!dateFormat) return 'Choose a date format.';
  const language = oneOf(WIDGET_LANGUAGES, form.language);
  if (!language) return 'Choose a widget language.';
  const requestDelay = int('request_delay_days');
  if (!isIntegerIn(requestDelay, 0, 60)) return 'The review request delay must be 0 to 60 days.';
  const reminderDelay = int('reminder_delay_days');
  if (!isIntegerIn(reminderDelay, 1, 60)) return 'The reminder delay must be 1 to 60 days.';
  const senderName = text('sender_name');
  if (senderName.length > 100 || /[\r\n<>"]/.test(senderName)) return 'The sender name must be at most 100 characters, without line breaks, quotes or angle brackets.';
  const origins = text('storefront_origins').split(/[\s,]+/).filter((o) => o !== '').map((o) => o.replace(/\/+$/, '').toLowerCase());
  const badOrigin = origins.find((o) => !ORIGIN.test(o));
  if (badOrigin !== undefined) return `Storefront origin ${badOrigin} must look like https://shop.example.com.`;
  const star = text('widget_star_color');
  const accent = text('widget_accent_color');
  if (!HEX_COLOR.test(star) || !HEX_COLOR.test(accent)) return 'Widget colours must be written as #rrggbb.';
  return {
    auto_publish: checked('auto_publish'),
    auto_publish_min_rating: minRating,
    name_format: nameFormat,
    show_verified_badge: checked('show_verified_badge'),
    show_item_type: checked('show_item_type'),
    show_country: checked('show_country'),
    date_format: dateFormat,
    language,
    review_form_enabled: checked('review_form_enabled'),
    photo_upload_enabled: checked('photo_upload_enabled'),
    helpful_votes_enabled: checked('helpful_votes_enabled'),
    storefront_origins: [...new Set(origins)],
    request_delay_days: requestDelay,
    reminder_enabled: checked('reminder_enabled'),
    reminder_delay_days: reminderDelay,
    sender_name: senderName,
    widget_star_color: star.toLowerCase(),
    widget_accent_color: accent.toLowerCase(),
  };
}
