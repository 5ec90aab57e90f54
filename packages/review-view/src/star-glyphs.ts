/** Five star characters for a rating (rounded to whole stars), filled then empty: e-mails and plain text. */
export function starGlyphs(rating: number): string {
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

/** Each of the five stars of a rating rounded to the nearest half: full, half or empty. */
export function starParts(rating: number): Array<'f' | 'h' | 'e'> {
  const halves = Math.max(0, Math.min(10, Math.round(rating * 2)));
  return [1, 2, 3, 4, 5].map((star) => (halves >= star * 2 ? 'f' : halves === star * 2 - 1 ? 'h' : 'e'));
}
