import { expect, it } from 'vitest';
import { randomHex } from '../../src/crypto/random-hex.js';

it('hands out fresh random bytes as hex, across many refills of its buffer', () => {
  // 10,000 draws of 10 bytes refill the 4 KiB buffer two dozen times, at odd offsets.
  const draws = Array.from({ length: 10_000 }, () => randomHex(10));
  expect(draws.every((hex) => /^[0-9a-f]{20}$/.test(hex))).toBe(true);
  expect(new Set(draws).size).toBe(draws.length);
  const digits = new Map<string, number>();
  for (const character of draws.join('')) digits.set(character, (digits.get(character) ?? 0) + 1);
  // 200,000 hex digits: each of the 16 should come up about 12,500 times (a byte handed out again
  // after it was zeroed would show as too many zeros).
  expect(digits.size).toBe(16);
  for (const count of digits.values()) expect(Math.abs(count - 12_500)).toBeLessThan(1_000);
});

it('refuses more bytes than its buffer holds', () => {
  expect(randomHex(4096)).toHaveLength(8192);
  expect(() => randomHex(4097)).toThrow(RangeError);
});
