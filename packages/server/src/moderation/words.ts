/**
 * Matching words in any of the storefront's languages. Scripts written without spaces between
 * words (Chinese, Japanese; Korean attaches particles) are matched anywhere in the text; every
 * other word only as a whole word, so "class" never matches a word it contains.
 */
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/** The form text is compared in: compatibility-normalised (full-width letters, ligatures) and lower-case. */
export function comparable(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pattern(word: string): string {
  const literal = escape(word).replace(/\s+/g, '\\s+');
  return UNSPACED_SCRIPT.test(word) ? literal : `${WORD_EDGE_BEFORE}${literal}${WORD_EDGE_AFTER}`;
}

/**
 * Compiled lists, by their words: a shop's lists are read from its settings on every new review,
 * and compiling 200 words each time cost four times the rest of the rules. Bounded, oldest out.
 */
const compiled = new Map<string, RegExp | undefined>();
const COMPILED_LISTS = 256;

/** One expression for a whole list, longest words first; undefined for an empty list. */
export function wordsExpression(words: readonly string[]): RegExp | undefined {
  if (words.length === 0) return undefined;
  const key = words.join('\n');
  if (compiled.has(key)) return compiled.get(key);
  const cleaned = [...new Set(words.map(comparable).map((word) => word.trim()).filter((word) => word !== ''))].sort((a, b) => b.length - a.length);
  const expression = cleaned.length === 0 ? undefined : new RegExp(cleaned.map(pattern).join('|'), 'gu');
  if (compiled.size >= COMPILED_LISTS) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, expression);
  return expression;
}

/** The text with every listed word blanked out (same length, so positions elsewhere hold). */
export function withoutWords(text: string, words: RegExp | undefined): string {
  return words === undefined ? text : text.replace(words, (match) => ' '.repeat(match.length));
}
