import { beforeAll, describe, expect, it } from 'vitest';

describe('a suite whose beforeAll throws', () => {
  beforeAll(() => {
    throw new Error('setup failed');
  });
  it('first', () => expect(1).toBe(1));
  it('second', () => expect(1).toBe(1));
});

describe('a healthy suite', () => {
  it('passes', () => expect(1).toBe(1));
  it.skip('is skipped on purpose', () => expect(1).toBe(2));
});
