import type { FieldError } from '../http/errors.js';

/**
 * A described incentive on a review said not to be incentivized contradicts itself
 * (docs/reference/reviews.md §5.2, §7): create_review and update_review refuse it alike.
 */
export function incentiveContradiction(isIncentivized: 0 | 1 | undefined, incentive: string | undefined): FieldError | undefined {
  return incentive && isIncentivized === 0 ? { field: 'incentive', reason: 'must be empty when is_incentivized is 0' } : undefined;
}
