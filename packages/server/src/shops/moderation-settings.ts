/**
 * The shop's moderation rules (docs/reference/moderation.md): which content holds a review for the
 * merchant's decision. Every rule applies the same to every rating; a review the rules pass is
 * published (unless the shop's own publication settings say otherwise, which the console flags).
 */
export const RULE_ACTIONS = ['hold', 'off'] as const;
/** Personal data may also be masked: the review is published with the address or number replaced. */
export const PERSONAL_DATA_ACTIONS = ['hold', 'mask', 'off'] as const;

export type RuleAction = (typeof RULE_ACTIONS)[number];
export type PersonalDataAction = (typeof PERSONAL_DATA_ACTIONS)[number];

export interface ModerationSettings {
  /** Swear words and slurs, in English and the shop's language, plus `blocked_words`. */
  profanity: RuleAction;
  /** Web addresses: the commonest kind of review spam. */
  links: RuleAction;
  /** E-mail addresses and phone numbers in the title or text. */
  personal_data: PersonalDataAction;
  /** Text nearly the same as another recent review by the same address or device. */
  near_duplicates: RuleAction;
  /** Reviews no order verifies (storefront reviews by addresses that never ordered the product). */
  no_order: RuleAction;
  /** The shop's own words to hold, in any language. */
  blocked_words: string[];
  /** Words the lists would hold that this shop uses innocently (a brand, a place, a product name). */
  allowed_words: string[];
}

export const defaultModerationSettings: Readonly<ModerationSettings> = Object.freeze({
  profanity: 'hold',
  links: 'hold',
  // Masking publishes the review at once and keeps a stranger's address out of the page and the database.
  personal_data: 'mask',
  near_duplicates: 'hold',
  // Off by default: a shop with storefront reviews from people who bought elsewhere would hold them all.
  no_order: 'off',
  blocked_words: [],
  allowed_words: [],
});

const WORD_LIST_LIMIT = 200;
const WORD_LIMIT = 60;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((v) => v === value);

/** A list of words as the shop gave it: trimmed, lower-case, without repeats or empty entries. */
function wordList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > WORD_LIST_LIMIT) return undefined;
  if (!value.every((word) => typeof word === 'string' && word.trim().length <= WORD_LIMIT && !/[\r\n]/.test(word))) return undefined;
  return [...new Set((value as string[]).map((word) => word.trim().toLocaleLowerCase()).filter((word) => word !== ''))];
}

const RULES = {
  profanity: (value: unknown) => oneOf(RULE_ACTIONS, value),
  links: (value: unknown) => oneOf(RULE_ACTIONS, value),
  personal_data: (value: unknown) => oneOf(PERSONAL_DATA_ACTIONS, value),
  near_duplicates: (value: unknown) => oneOf(RULE_ACTIONS, value),
  no_order: (value: unknown) => oneOf(RULE_ACTIONS, value),
  blocked_words: wordList,
  allowed_words: wordList,
} satisfies { [K in keyof ModerationSettings]: (value: unknown) => ModerationSettings[K] | undefined };

export const MODERATION_FIELDS = Object.keys(RULES) as Array<keyof ModerationSettings>;

/** The API's field error for each rule. */
const RULE_ERRORS: Record<keyof ModerationSettings, string> = {
  profanity: 'must be hold or off',
  links: 'must be hold or off',
  personal_data: 'must be hold, mask or off',
  near_duplicates: 'must be hold or off',
  no_order: 'must be hold or off',
  blocked_words: `must be a list of at most ${WORD_LIST_LIMIT} words of at most ${WORD_LIMIT} characters`,
  allowed_words: `must be a list of at most ${WORD_LIST_LIMIT} words of at most ${WORD_LIMIT} characters`,
};

/** Stored rules: each malformed or missing one falls back to its default. */
export function readModerationSettings(stored: unknown): ModerationSettings {
  const given = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const read = <K extends keyof ModerationSettings>(field: K): ModerationSettings[K] => (RULES[field](given[field]) as ModerationSettings[K] | undefined) ?? structuredClone(defaultModerationSettings[field]);
  return Object.fromEntries(MODERATION_FIELDS.map((field) => [field, read(field)])) as unknown as ModerationSettings;
}

/**
 * A partial change of the rules applied to the current ones: the rules after it, or every field
 * refused (as `moderation.<rule>`). Unknown rules are refused, not dropped: the merchant would
 * believe a misspelt rule was saved.
 */
export function changeModerationSettings(current: ModerationSettings, change: unknown): ModerationSettings | Array<{ field: string; reason: string }> {
  if (change === null || typeof change !== 'object' || Array.isArray(change)) return [{ field: 'moderation', reason: 'must be an object of rules' }];
  const next: Record<string, unknown> = { ...current };
  const problems: Array<{ field: string; reason: string }> = [];
  for (const [field, value] of Object.entries(change)) {
    if (!(field in RULES)) {
      problems.push({ field: `moderation.${field}`, reason: 'is not a moderation rule' });
      continue;
    }
    const accepted = RULES[field as keyof ModerationSettings](value);
    if (accepted === undefined) problems.push({ field: `moderation.${field}`, reason: RULE_ERRORS[field as keyof ModerationSettings] });
    else next[field] = accepted;
  }
  return problems.length > 0 ? problems : (next as unknown as ModerationSettings);
}
