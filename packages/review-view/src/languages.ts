/**
 * The storefront's languages and how one is chosen (docs/reference/storefront.md §12.8). No message
 * tables here: the widget bundles English only and fetches another language's table when a page
 * needs it, while the server imports every table through messages.ts.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'tr', 'ja', 'ko', 'zh-CN', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages written right to left: the views set `dir="rtl"` and mirror through logical properties. */
const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['ar']);

export function isRightToLeft(language: Language): boolean {
  return RIGHT_TO_LEFT.has(language);
}

/** §12.8: an exact tag, else its base language (`fr-CA` → `fr`), else the next candidate, else `en`. */
export function pickLanguage(...candidates: Array<string | null | undefined>): Language {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const exact = LANGUAGES.find((language) => language.toLowerCase() === candidate.toLowerCase());
    if (exact) return exact;
    const base = LANGUAGES.find((language) => language === candidate.split('-')[0]!.toLowerCase());
    if (base) return base;
    if (/^zh\b/i.test(candidate)) return 'zh-CN';
  }
  return 'en';
}

const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_BRANCH = /(\w+)\s*\{([^{}]*)\}/g;

/** The plural rules made last: a page is in one language, and making them costs tens of microseconds. */
let plural: [string, Intl.PluralRules] | undefined;

function pluralRules(locale: string): Intl.PluralRules {
  if (plural?.[0] !== locale) plural = [locale, new Intl.PluralRules(locale)];
  return plural[1];
}

/**
 * Fills `{name}` placeholders, and `{n, plural, one {# review} other {# reviews}}` by `locale`'s
 * plural rules (`#` is the number; `other` when the language has no such form). An unknown
 * placeholder stays visible rather than vanishing.
 */
export function format(template: string, values: Record<string, string | number>, locale = 'en'): string {
  const plurals = template.replace(PLURAL, (whole, name: string, branches: string) => {
    const value = values[name];
    if (typeof value !== 'number') return whole;
    const forms = new Map(Array.from(branches.matchAll(PLURAL_BRANCH), (match) => [match[1]!, match[2]!] as const));
    const chosen = forms.get(pluralRules(locale).select(value)) ?? forms.get('other') ?? whole;
    return chosen.replace(/#/g, String(value));
  });
  return plurals.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
