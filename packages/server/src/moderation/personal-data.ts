/**
 * E-mail addresses and phone numbers inside a review's words: a shopper who writes "call me on …"
 * publishes their own number, or someone else's, on a product page.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** 8 to 15 digits, optionally led by +, with at most two spaces, dots, dashes or brackets between two. */
const PHONE = /(?<![\p{L}\p{N}+])\+?\(?\d(?:[\s().-]{0,2}\d){7,14}(?![\p{L}\p{N}])/gu;
/** Dates look like numbers too: 2025-04-01, 01.04.2025, 04/01/2025. */
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

/** What a masked address or number reads as: no language's word, so no translation. */
export const MASK = '•••';

const isPhone = (match: string) => !DATE.test(match.trim());

export function hasPersonalData(text: string): boolean {
  EMAIL.lastIndex = 0;
  if (EMAIL.test(text)) return true;
  return [...text.matchAll(PHONE)].some(([match]) => isPhone(match));
}

/** The text with every address and number replaced by MASK. */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, MASK).replace(PHONE, (match) => (isPhone(match) ? MASK : match));
}
