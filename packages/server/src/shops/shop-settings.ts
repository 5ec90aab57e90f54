import { DATE_FORMATS } from '@plaudit/review-view/review-date';
import { LANGUAGES } from '@plaudit/review-view/languages';
import { THEMES } from '@plaudit/review-view/view/view-context';
import { changeModerationSettings, defaultModerationSettings, MODERATION_FIELDS, type ModerationSettings, readModerationSettings } from './moderation-settings.js';

/** Shown by the widget too, so the list lives in the shared view package. */
export { DATE_FORMATS };
export const NAME_FORMATS = ['first_initial', 'full', 'initials', 'first_name', 'anonymous'] as const;
export const WIDGET_LANGUAGES = LANGUAGES;
export { THEMES as WIDGET_THEMES };

/** Shop settings of the contract (docs/reference/conventions.md §12), plus the widget's colours (issue 8). */
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
  /** Where hosted pages and e-mails link back to the shop; '' means https:// and the shop's domain. */
  storefront_url: string;
  widget_star_color: string;
  widget_accent_color: string;
  /** The widget's colour scheme: `auto` follows the shopper's system (prefers-color-scheme). */
  widget_theme: (typeof THEMES)[number];
  /** Refuse HMAC requests signed with Trustoo's version-1 recipe (docs/signing-requests.md). */
  require_signature_v2: boolean;
  /** IANA time zone the console shows times and counts days in. */
  time_zone: string;
  /** Content rules that hold a review for the merchant (moderation-settings.ts). */
  moderation: ModerationSettings;
  /** Shoppers can ask questions on product pages (docs/reference/questions.md). */
  questions_enabled: boolean;
  /** E-mail the merchant about each new question. */
  questions_notify_merchant: boolean;
  /** Ask recent buyers of the product to answer a new question (opt-in). */
  questions_ask_buyers: boolean;
  /** How many recent buyers one question e-mails at most. */
  questions_buyers_per_question: number;
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
  storefront_url: '',
  // The widget's own defaults (docs/reference/storefront.md §12.6), which meet 3:1 (stars) and 4.5:1 (text) on white.
  widget_star_color: '#c27803',
  widget_accent_color: '#1f2937',
  // Light unless the merchant says the shop's pages follow the system's dark mode too.
  widget_theme: 'light',
  require_signature_v2: false,
  time_zone: 'UTC',
  moderation: defaultModerationSettings,
  questions_enabled: true,
  questions_notify_merchant: true,
  // Buyers did not sign up to be asked about other people's questions: the merchant opts in.
  questions_ask_buyers: false,
  questions_buyers_per_question: 5,
});

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

const isWebUrl = (value: string) => value === '' || (value.length <= 300 && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol));
const isIntegerIn = (value: unknown, min: number, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
/** The canonical name of an IANA time zone Intl knows (`europe/berlin` → `Europe/Berlin`), else undefined. */
export function canonicalTimeZone(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((v) => v === value);

/** Settings read before, by their stored text; bounded, since a host may have thousands of shops. */
const readBefore = new Map<string, Readonly<ShopSettings>>();
const READ_BEFORE_LIMIT = 1000;

/**
 * Stored settings are a partial JSON object; unknown or malformed values fall back to defaults.
 * Every signed request and storefront answer reads them, so the reading of each stored text is
 * kept, frozen (one caller's change cannot leak into another's), and a copy is what callers change.
 */
export function readShopSettings(json: string): Readonly<ShopSettings> {
  let settings = readBefore.get(json);
  if (settings === undefined) {
    settings = deepFreeze(parseShopSettings(json));
    if (readBefore.size >= READ_BEFORE_LIMIT) readBefore.delete(readBefore.keys().next().value!);
    readBefore.set(json, settings);
  }
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function parseShopSettings(json: string): ShopSettings {
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
    storefront_url: typeof stored.storefront_url === 'string' && isWebUrl(stored.storefront_url) ? stored.storefront_url : d.storefront_url,
    widget_star_color: color('widget_star_color', d.widget_star_color),
    widget_accent_color: color('widget_accent_color', d.widget_accent_color),
    widget_theme: oneOf(THEMES, stored.widget_theme) ?? d.widget_theme,
    require_signature_v2: bool('require_signature_v2', d.require_signature_v2),
    time_zone: canonicalTimeZone(stored.time_zone) ?? d.time_zone,
    moderation: readModerationSettings(stored.moderation),
    questions_enabled: bool('questions_enabled', d.questions_enabled),
    questions_notify_merchant: bool('questions_notify_merchant', d.questions_notify_merchant),
    questions_ask_buyers: bool('questions_ask_buyers', d.questions_ask_buyers),
    questions_buyers_per_question: isIntegerIn(stored.questions_buyers_per_question, 1, 20) ? stored.questions_buyers_per_question : d.questions_buyers_per_question,
  };
}

type Form = Record<string, unknown>;

/**
 * One rule per setting a merchant edits, shared by the console form and the Open API
 * (update_shop_settings), so both accept exactly the same values. `fromForm` reads the form's
 * spelling of a field (text inputs; a checkbox that is absent is off) into the JSON value the API
 * takes; `accept` checks and normalises a JSON value, answering undefined when it is not valid.
 */
interface SettingRule<K extends keyof ShopSettings> {
  fromForm(form: Form, name: K): unknown;
  /** `current` is for settings that are objects, where a change names only the parts it moves. */
  accept(value: unknown, current: ShopSettings): ShopSettings[K] | undefined;
  /** The API's field error. */
  reason: string;
  /** The console's sentence for the same problem. */
  sentence(value: unknown): string;
  /** Field errors more precise than `reason`, for settings made of parts. */
  problems?(value: unknown, current: ShopSettings): Array<{ field: string; reason: string }>;
}

const formText = (form: Form, name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
const formInteger = (form: Form, name: string) => (/^\d{1,3}$/.test(formText(form, name)) ? Number(formText(form, name)) : formText(form, name));

const flag = (): SettingRule<never> => ({
  fromForm: (form, name) => form[name] === '1',
  accept: (value) => (typeof value === 'boolean' ? (value as never) : undefined),
  reason: 'must be true or false',
  sentence: () => 'Choose on or off.',
});

const integerFrom = (min: number, max: number, sentence: string): SettingRule<never> => ({
  fromForm: formInteger,
  accept: (value) => (isIntegerIn(value, min, max) ? (value as never) : undefined),
  reason: `must be an integer from ${min} to ${max}`,
  sentence: () => sentence,
});

const choiceOf = (values: readonly string[], sentence: string): SettingRule<never> => ({
  fromForm: (form, name) => form[name],
  accept: (value) => oneOf(values, value) as never,
  reason: `must be one of ${values.join(', ')}`,
  sentence: () => sentence,
});

const hexColor: SettingRule<never> = {
  fromForm: formText,
  accept: (value) => (typeof value === 'string' && HEX_COLOR.test(value) ? (value.toLowerCase() as never) : undefined),
  reason: 'must be a colour written as #rrggbb',
  sentence: () => 'Widget colours must be written as #rrggbb.',
};

const normaliseOrigin = (origin: string) => origin.replace(/\/+$/, '').toLowerCase();
const badOriginOf = (value: unknown) => (Array.isArray(value) ? value.find((o) => typeof o !== 'string' || !ORIGIN.test(normaliseOrigin(o))) : value);

/** The rules in the order the console reports problems: the first one found is shown. */
const SETTING_RULES: { [K in keyof ShopSettings]: SettingRule<K> } = {
  auto_publish_min_rating: integerFrom(1, 5, 'The minimum rating to publish must be from 1 to 5.'),
  name_format: choiceOf(NAME_FORMATS, 'Choose how reviewer names are shown.'),
  date_format: choiceOf(DATE_FORMATS, 'Choose a date format.'),
  language: choiceOf(WIDGET_LANGUAGES, 'Choose a widget language.'),
  request_delay_days: integerFrom(0, 60, 'The review request delay must be 0 to 60 days.'),
  reminder_delay_days: integerFrom(1, 60, 'The reminder delay must be 1 to 60 days.'),
  sender_name: {
    fromForm: formText,
    accept: (value) => (typeof value === 'string' && value.trim().length <= 100 && !/[\r\n<>"]/.test(value) ? value.trim() : undefined),
    reason: 'must be at most 100 characters, without line breaks, quotes or angle brackets',
    sentence: () => 'The sender name must be at most 100 characters, without line breaks, quotes or angle brackets.',
  },
  storefront_url: {
    fromForm: formText,
    accept: (value) => (typeof value === 'string' && isWebUrl(value.trim()) ? value.trim() : undefined),
    reason: 'must be empty or an http(s) URL of at most 300 characters',
    sentence: () => 'The shop address must be empty or a web address like https://shop.example.com.',
  },
  storefront_origins: {
    fromForm: (form, name) => formText(form, name).split(/[\s,]+/).filter((o) => o !== ''),
    accept: (value) => (Array.isArray(value) && value.length <= 50 && badOriginOf(value) === undefined ? [...new Set((value as string[]).map(normaliseOrigin))] : undefined),
    reason: 'must be a list of at most 50 origins like https://shop.example.com',
    sentence: (value) => `Storefront origin ${String(badOriginOf(value) ?? '')} must look like https://shop.example.com.`,
  },
  widget_star_color: hexColor,
  widget_accent_color: hexColor,
  widget_theme: choiceOf(THEMES, 'Choose light, dark or automatic for the widget.'),
  time_zone: {
    fromForm: formText,
    accept: (value) => canonicalTimeZone(typeof value === 'string' ? value.trim() : value),
    reason: 'must be an IANA time zone such as Europe/Berlin or UTC',
    sentence: () => 'Choose a time zone such as Europe/Berlin or America/New_York.',
  },
  moderation: {
    // A form without a rule's field leaves that rule as it is (the change names only what it moves).
    fromForm: (form) => {
      const present = (name: string) => typeof form[`moderation_${name}`] === 'string';
      const words = (name: string) => formText(form, `moderation_${name}`).split(/[\n,]+/);
      return Object.fromEntries(
        MODERATION_FIELDS.filter(present)
          .map((name) => [name, name.endsWith('_words') ? words(name) : form[`moderation_${name}`]]),
      );
    },
    accept: (value, current) => {
      const next = changeModerationSettings(current.moderation, value);
      return Array.isArray(next) ? undefined : next;
    },
    problems: (value, current) => {
      const next = changeModerationSettings(current.moderation, value);
      return Array.isArray(next) ? next : [];
    },
    reason: 'must be an object of moderation rules',
    sentence: () => 'Word lists take at most 200 words of at most 60 characters each.',
  },
  auto_publish: flag(),
  show_verified_badge: flag(),
  show_item_type: flag(),
  show_country: flag(),
  review_form_enabled: flag(),
  photo_upload_enabled: flag(),
  helpful_votes_enabled: flag(),
  reminder_enabled: flag(),
  require_signature_v2: flag(),
  questions_enabled: flag(),
  questions_notify_merchant: flag(),
  questions_ask_buyers: flag(),
  questions_buyers_per_question: integerFrom(1, 20, 'A question may e-mail 1 to 20 recent buyers.'),
};

export const EDITABLE_SETTINGS = Object.keys(SETTING_RULES) as Array<keyof ShopSettings>;

export interface SettingProblem {
  /** The setting, or a part of it (`moderation.links`). */
  field: string;
  reason: string;
  sentence: string;
}

/**
 * Applies a partial change to the current settings. Every given setting is checked; the answer is
 * the settings after the change, or every problem found (nothing is applied then).
 */
export function changeSettings(current: ShopSettings, change: Partial<Record<keyof ShopSettings, unknown>>): ShopSettings | SettingProblem[] {
  const next: Record<string, unknown> = { ...current };
  const problems: SettingProblem[] = [];
  for (const field of EDITABLE_SETTINGS) {
    if (!(field in change)) continue;
    const rule = SETTING_RULES[field] as SettingRule<typeof field>;
    const accepted = rule.accept(change[field], current);
    if (accepted !== undefined) next[field] = accepted;
    else {
      const sentence = rule.sentence(change[field]);
      const precise = rule.problems?.(change[field], current) ?? [];
      if (precise.length === 0) problems.push({ field, reason: rule.reason, sentence });
      else problems.push(...precise.map((problem) => ({ ...problem, sentence })));
    }
  }
  return problems.length > 0 ? problems : (next as unknown as ShopSettings);
}

/** Settings from the console's form (every setting is on it), or the first problem with them. */
export function settingsFromForm(current: ShopSettings, form: Form): ShopSettings | string {
  const result = changeSettings(current, formChange(form));
  return Array.isArray(result) ? result[0]!.sentence : result;
}

function formChange(form: Form): Partial<Record<keyof ShopSettings, unknown>> {
  return Object.fromEntries(EDITABLE_SETTINGS.map((field) => [field, (SETTING_RULES[field] as SettingRule<typeof field>).fromForm(form, field)]));
}

/**
 * What a refused form shows again: every setting the merchant changed acceptably, and the saved
 * value of each one that was refused, so fixing one field does not mean typing the others again.
 */
export function settingsDraftFromForm(current: ShopSettings, form: Form): ShopSettings {
  const draft: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(formChange(form))) {
    const accepted = changeSettings(current, { [field]: value });
    if (!Array.isArray(accepted)) draft[field] = accepted[field as keyof ShopSettings];
  }
  return draft as unknown as ShopSettings;
}

/** The shop's storefront, where shopper pages and e-mails send people back. */
export function storefrontUrlOf(domain: string, settings: ShopSettings): string {
  return settings.storefront_url !== '' ? settings.storefront_url : `https://${domain}`;
}
