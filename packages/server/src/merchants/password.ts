import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): slow enough to make a stolen hash
 * expensive to crack, quick enough (~30 ms) to keep sign-in responsive.
 */
// `Algorithm` is an ambient const enum the compiler cannot import here; 2 is its Argon2id member.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the e-mail is unknown, so an unknown account costs the same time as a wrong password.
const UNKNOWN_ACCOUNT_HASH = hash('plaudit-unknown-account', OPTIONS);

export async function passwordMatches(storedHash: string | undefined, password: string): Promise<boolean> {
  const matches = await verify(storedHash ?? (await UNKNOWN_ACCOUNT_HASH), password).catch(() => false);
  return storedHash !== undefined && matches;
}
