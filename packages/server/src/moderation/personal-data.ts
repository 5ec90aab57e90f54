/**
 * E-mail addresses and phone numbers inside a review's words: a shopper who writes "call me on …"
 * publishes their own number, or someone else's, on a product page.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Candidates: 8 to 15 digits, optionally led by +, with at most two spaces, dots, dashes or brackets between two. */
const PHONE = /(?<![\p{L}\p{N}+])\+?\(?\d(?:[\s().-]{0,2}\d){7,14}(?![\p{L}\p{N}])/gu;
/** Dates look like numbers too: 2025-04-01, 01.04.2025, 04/01/2025. */
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

/** What a masked address or number reads as: no language's word, so no translation. */
export const MASK = '•••';

/**
 * Eight digits and more can be a phone number, or sizes, years, versions and order numbers side by
 * side. A match counts when it is written the way people write phone numbers: led by +, ( or a
 * trunk 0; grouped with dashes or dots and no spaces (555-123-4567, 06.12.34.56.78); or ten digits
 * and more in one run. So "sizes 38 39 40 41 42", "2024 2025" and "order 12345678" stay as written.
 */
function isPhone(match: string): boolean {
  const text = match.trim();
  if (DATE.test(text)) return false;
  if (/^[+(0]/.test(text)) return true;
  if (!/\s/.test(text) && /\d[-.]\d/.test(text)) return true;
  return /^\d{10,}$/.test(text);
}

export function hasPersonalData(text: string): boolean {
  EMAIL.lastIndex = 0;
  if (EMAIL.test(text)) return true;
  return [...text.matchAll(PHONE)].some(([match]) => isPhone(match));
}

/** The text with every address and number replaced by MASK. */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, MASK).replace(PHONE, (match) => (isPhone(match) ? MASK : match));
}
