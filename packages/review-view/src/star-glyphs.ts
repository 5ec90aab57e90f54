/** Five star characters for a rating (rounded to whole stars), filled then empty: the text both views show. */
export function starGlyphs(rating: number): string {
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}
