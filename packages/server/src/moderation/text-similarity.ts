import { comparable, UNSPACED_SCRIPT } from './words.js';

/**
 * The units two texts are compared by: words, or pairs of characters for scripts written without
 * spaces. Punctuation, case and spacing do not count.
 */
function units(text: string): Set<string> {
  const plain = comparable(text).replace(/[^\p{L}\p{N}\s]+/gu, ' ');
  if (UNSPACED_SCRIPT.test(plain)) {
    const letters = plain.replace(/\s+/g, '');
    return new Set(Array.from({ length: Math.max(letters.length - 1, 0) }, (_, i) => letters.slice(i, i + 2)));
  }
  return new Set(plain.split(/\s+/).filter((word) => word !== ''));
}

/** How far back new words are compared with the same writer's or device's earlier ones, and with how many. */
export const NEAR_DUPLICATE_WINDOW_SECONDS = 90 * 24 * 3600;
export const NEAR_DUPLICATE_CANDIDATES = 20;

/** Fewer units than this is too short to call a copy: "Great, thanks!" is what many people write. */
const MIN_UNITS = 5;
/** Share of units two texts must have in common (Jaccard index) to be near-duplicates. */
const SIMILAR = 0.8;

export function isNearDuplicate(a: string, b: string): boolean {
  const left = units(a);
  const right = units(b);
  if (left.size < MIN_UNITS || right.size < MIN_UNITS) return false;
  let shared = 0;
  for (const unit of left) if (right.has(unit)) shared++;
  return shared / (left.size + right.size - shared) >= SIMILAR;
}
