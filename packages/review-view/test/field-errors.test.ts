import { describe, expect, it } from 'vitest';
import { shopperFieldError } from '@plaudit/review-view/field-errors';
import { MESSAGES } from '@plaudit/review-view/messages';
import { SUBMIT_LIMITS } from '@plaudit/review-view/submit-limits';

describe('shopper field errors', () => {
  const en = MESSAGES.en;

  it('tells a missing value from one that is too long or malformed', () => {
    expect(shopperFieldError('content', 'must be 1 to 10000 characters', '  ', en)).toBe(en.required);
    expect(shopperFieldError('content', 'must be 1 to 10000 characters', 'x'.repeat(10_001), en)).toBe(`Please shorten this to ${SUBMIT_LIMITS.content} characters at most.`);
    expect(shopperFieldError('title', 'must be at most 300 characters', 'x'.repeat(301), en)).toBe('Please shorten this to 300 characters at most.');
    expect(shopperFieldError('author', 'must be 1 to 120 characters', '', en)).toBe(en.required);
    expect(shopperFieldError('email', 'must be a valid e-mail address', '', en)).toBe(en.required);
    expect(shopperFieldError('email', 'must be a valid e-mail address', 'ann@', en)).toBe(en.errorEmail);
    expect(shopperFieldError('rating', 'must be an integer from 1 to 5', '9', en)).toBe(en.errorRating);
    expect(shopperFieldError('media_tokens[2]', 'must be the url of a photo uploaded …', '', en)).toBe(en.errorPhotos);
    expect(shopperFieldError('photos', 'upload failed', '', en)).toBe(en.errorPhotos);
  });

  it('passes through a reason it has no words for, rather than hiding it', () => {
    expect(shopperFieldError('product_id', 'is required ("0" for a store review)', '', en)).toBe('is required ("0" for a store review)');
  });
});
