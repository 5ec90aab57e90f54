export const NAME_FORMATS = ['first_initial', 'full', 'initials', 'first_name', 'anonymous'] as const;
export const WIDGET_LANGUAGES = ['en', 'de', 'fr', 'es', 'zh-CN'] as const;

/** Shop settings the contract refers to (spec README §12), with their defaults. */
export interface ShopSettings {
  auto_publish: boolean;
  auto_publish_min_rating: number;
  name_format: (typeof NAME_FORMATS)[number];
  language: string;
}

export const defaultShopSettings: Readonly<ShopSettings> = Object.freeze({
  auto_publish: true,
  auto_publish_min_rating: 1,
  name_format: 'first_initial',
  language: 'en',
});

/** Stored settings are a partial JSON object; unknown or malformed values fall back to defaults. */
export function readShopSettings(json: string): ShopSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    // A corrupt settings column must not take the shop's API down; defaults are the safe reading.
  }
  const minRating = stored.auto_publish_min_rating;
  return {
    auto_publish: typeof stored.auto_publish === 'boolean' ? stored.auto_publish : defaultShopSettings.auto_publish,
    auto_publish_min_rating:
      typeof minRating === 'number' && Number.isInteger(minRating) && minRating >= 1 && minRating <= 5 ? minRating : defaultShopSettings.auto_publish_min_rating,
    name_format: NAME_FORMATS.find((f) => f === stored.name_format) ?? defaultShopSettings.name_format,
    language: typeof stored.language === 'string' ? stored.language : defaultShopSettings.language,
  };
}

/** Settings from a form, or the first problem found with them. */
export function settingsFromForm(form: Record<string, unknown>): ShopSettings | string {
  const minRating = Number(form.auto_publish_min_rating);
  if (!Number.isInteger(minRating) || minRating < 1 || minRating > 5) return 'The minimum rating to publish must be from 1 to 5.';
  const nameFormat = NAME_FORMATS.find((f) => f === form.name_format);
  if (!nameFormat) return 'Choose how reviewer names are shown.';
  const language = WIDGET_LANGUAGES.find((l) => l === form.language);
  if (!language) return 'Choose a widget language.';
  return { auto_publish: form.auto_publish === '1', auto_publish_min_rating: minRating, name_format: nameFormat, language };
}
