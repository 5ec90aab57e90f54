import { describe, expect, it } from 'vitest';
import { MAIL_MESSAGES } from '@plaudit/review-view/mail-messages';
import { QUESTION_MAIL_MESSAGES } from '@plaudit/review-view/question-mail-messages';
import { format, isRightToLeft, type Language, LANGUAGES, MESSAGES, pickLanguage } from '@plaudit/review-view/messages';

const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;

/** The names a text fills: `{name}` placeholders and the variables of plural choices. */
function placeholdersOf(text: string): string[] {
  const plurals = Array.from(text.matchAll(PLURAL), (match) => match[1]!);
  const simple = text.replace(PLURAL, '').match(/\{\w+\}/g)?.map((name) => name.slice(1, -1)) ?? [];
  return [...new Set([...plurals, ...simple])].sort();
}

function pluralChoices(text: string): Array<{ variable: string; categories: string[] }> {
  return Array.from(text.matchAll(PLURAL), (match) => ({ variable: match[1]!, categories: Array.from(match[2]!.matchAll(/(\w+)\s*\{/g), (branch) => branch[1]!) }));
}

describe('storefront languages', () => {
  it('has the same messages in every language, each filling the placeholders English fills', () => {
    for (const table of [MESSAGES, MAIL_MESSAGES, QUESTION_MAIL_MESSAGES] as Array<Readonly<Record<Language, object>>>) {
      const english = table.en as Record<string, string>;
      for (const language of LANGUAGES) {
        const translated = table[language] as Record<string, string>;
        expect(Object.keys(translated).sort(), language).toEqual(Object.keys(english).sort());
        for (const [key, text] of Object.entries(english)) {
          expect(translated[key]!.trim(), `${language}.${key}`).not.toBe('');
          expect(placeholdersOf(translated[key]!), `${language}.${key}`).toEqual(placeholdersOf(text));
        }
      }
    }
  });

  it('gives every plural choice exactly the forms its language has, and says its locale', () => {
    for (const language of LANGUAGES) {
      const m = MESSAGES[language];
      expect(m.locale, language).toBe(language);
      const needed = new Intl.PluralRules(m.locale).resolvedOptions().pluralCategories;
      for (const [key, text] of Object.entries(m)) {
        for (const choice of pluralChoices(text)) {
          expect(choice.categories, `${language}.${key}`).toContain('other');
          for (const category of choice.categories) expect(needed, `${language}.${key} has a form "${category}" the language does not use`).toContain(category);
          // A form a language needs but the choice lacks would fall back to "other": allowed only where "other" reads right for it.
          for (const category of needed) if (!choice.categories.includes(category)) expect(['zero', 'many'], `${language}.${key} lacks "${category}"`).toContain(category);
        }
      }
    }
  });

  it('chooses plural forms by the language rules', () => {
    const count = (language: Language, n: number) => format(MESSAGES[language].reviewsCount, { n }, MESSAGES[language].locale);
    expect([1, 2, 10].map((n) => count('en', n))).toEqual(['1 review', '2 reviews', '10 reviews']);
    expect([1, 2, 5, 22, 25].map((n) => count('pl', n))).toEqual(['1 opinia', '2 opinie', '5 opinii', '22 opinie', '25 opinii']);
    expect([1, 2, 3, 11].map((n) => count('ar', n))).toEqual(['تقييم واحد', 'تقييمان', '3 تقييمات', '11 تقييمًا']);
    expect(count('ja', 1)).toBe('1件のレビュー');
    expect(format(MESSAGES.de.starsRow, { n: 1 }, 'de')).toBe('1 Stern');
  });

  it('leaves an unknown placeholder visible and fills the rest', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks a language from tags, bases and fallbacks, and knows which are written right to left', () => {
    expect(pickLanguage('pt-BR')).toBe('pt');
    expect(pickLanguage('zh-Hant', 'de')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'xx', 'ko')).toBe('ko');
    expect(pickLanguage('xx')).toBe('en');
    expect(LANGUAGES.filter(isRightToLeft)).toEqual(['ar']);
  });
});
