import { shopSaltedSha256 } from '../crypto/tokens.js';

/**
 * After a person's data is erased, their opt-outs must outlive them: an unsubscribe or exclusion
 * that vanished with the erasure would let the next order e-mail them again. Such records keep a
 * salted hash of the address or customer id instead of the value. The shop id is the salt, so one
 * shop's hashes do not match another's and no table of hashed addresses works across shops.
 */
const PREFIX = 'sha256:';

export function erasedIdentity(shopId: string, value: string): string {
  return PREFIX + shopSaltedSha256(shopId, value);
}

/** The forms a stored identity may take: the value itself, or its hash after an erasure. */
export function identityForms(shopId: string, value: string): string[] {
  return [value, erasedIdentity(shopId, value)];
}
