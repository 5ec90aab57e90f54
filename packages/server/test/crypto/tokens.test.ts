import { describe, expect, it } from 'vitest';
import { randomToken, safeEqual, sha256Hex } from '../../src/crypto/tokens.js';

describe('tokens', () => {
  it('refuses to mint a token of fewer than 128 bits', () => {
    expect(() => randomToken(15)).toThrow('tokens carry at least 128 bits');
    expect(Buffer.from(randomToken(16), 'base64')).toHaveLength(16);
  });

  it('mints a different token every time', () => {
    const minted = new Set(Array.from({ length: 1000 }, () => randomToken(16)));
    expect(minted.size).toBe(1000);
  });

  it('compares in full: equal strings only, whatever their lengths', () => {
    const token = randomToken(32);
    expect(safeEqual(token, token)).toBe(true);
    expect(safeEqual(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(safeEqual(token, token.slice(0, -1))).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });

  it('hashes with SHA-256 in lowercase hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
