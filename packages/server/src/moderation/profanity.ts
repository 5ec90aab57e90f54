import { createRequire } from 'node:module';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { comparable, withoutWords, wordsExpression } from './words.js';

/**
 * Profanity in English through obscenity (it sees through spacing, repeated letters and
 * look-alike characters), and in the shop's language through the word lists of the LDNOOBW
 * project, packaged as naughty-words (CC BY 4.0, credited in docs/reference/moderation.md).
 */
const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** naughty-words is a CommonJS table of language → words, with no types of its own. */
const lists = createRequire(import.meta.url)('naughty-words') as Record<string, string[] | undefined>;

/** The widget's language tags, as the lists name them. */
const LIST_OF_LANGUAGE: Record<string, string> = { 'zh-CN': 'zh' };

function listFor(language: string): RegExp | undefined {
  const name = LIST_OF_LANGUAGE[language] ?? language;
  return name === 'en' ? undefined : wordsExpression(lists[name] ?? []);
}

export interface ProfanityRules {
  /** The shop's language: its list is used besides English. */
  language: string;
  blocked: RegExp | undefined;
  allowed: RegExp | undefined;
}

export function profanityRules(language: string, blockedWords: readonly string[], allowedWords: readonly string[]): ProfanityRules {
  return { language, blocked: wordsExpression(blockedWords), allowed: wordsExpression(allowedWords) };
}

const matches = (expression: RegExp | undefined, text: string) => {
  if (expression === undefined) return false;
  expression.lastIndex = 0;
  return expression.test(text);
};

/** Whether the text holds a listed word that the shop has not allowed. */
export function hasProfanity(text: string, rules: ProfanityRules): boolean {
  const checked = withoutWords(comparable(text), rules.allowed);
  return english.hasMatch(checked) || matches(listFor(rules.language), checked) || matches(rules.blocked, checked);
}
