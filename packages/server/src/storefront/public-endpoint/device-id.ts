import type { FieldError } from '../../http/errors.js';

/** The widget's per-browser id (docs/reference/storefront.md §12.9), as helpful votes and reports take it. */
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Appends the refusal of a malformed device id to `errors`; answers whether it is well formed. */
export function checkDeviceId(value: unknown, errors: FieldError[]): value is string {
  if (typeof value === 'string' && DEVICE_ID.test(value)) return true;
  errors.push({ field: 'device_id', reason: 'must be 16 to 64 characters from A-Z a-z 0-9 _ -' });
  return false;
}
