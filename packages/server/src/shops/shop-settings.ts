/** Shop settings the contract refers to (spec README §12), with their defaults. */
export interface ShopSettings {
  auto_publish: boolean;
  auto_publish_min_rating: number;
  name_format: 'first_initial' | 'full' | 'initials' | 'first_name' | 'anonymous';
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
    name_format: (['first_initial', 'full', 'initials', 'first_name', 'anonymous'] as const).find((f) => f === stored.name_format) ?? defaultShopSettings.name_format,
    language: typeof stored.language === 'string' ? stored.language : defaultShopSettings.language,
  };
}
