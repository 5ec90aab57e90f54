import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random bytes from the CSPRNG, standard base64 (the wire form the contract uses for tokens). */
export function randomToken(bytes: number): string {
  if (bytes < 16) throw new Error('tokens carry at least 128 bits');
  return randomBytes(bytes).toString('base64');
}

export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

/** Constant-time comparison of two strings; unequal lengths return false without early exit on content. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
