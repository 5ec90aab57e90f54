import { describe, expect, it } from 'vitest';
import { AnswerCache, ifNoneMatchHits } from '../../src/http/answer-cache.js';

/** A build function that counts its calls and answers a fixed text. */
function builder(text: string) {
  const calls = { count: 0 };
  return { calls, build: async () => { calls.count += 1; return text; } };
}

describe('AnswerCache', () => {
  it('builds once per version and answers the same text and tag until the version moves', async () => {
    const cache = new AnswerCache(1024 * 1024);
    const first = builder('{"a":1}');
    const a = await cache.answer('shop-1', 7, 'page 1', first.build);
    const b = await cache.answer('shop-1', 7, 'page 1', first.build);
    expect(first.calls.count).toBe(1);
    expect(b).toEqual(a);
    const second = builder('{"a":2}');
    const c = await cache.answer('shop-1', 8, 'page 1', second.build);
    expect([second.calls.count, c.body]).toEqual([1, '{"a":2}']);
    expect(c.etag).not.toBe(a.etag);
    expect(cache.counters()).toMatchObject({ hits: 1, misses: 2, invalidations: 1, entries: 1 });
  });

  it('keeps shops and keys apart: the same key of two shops, two keys of one shop', async () => {
    const cache = new AnswerCache(1024 * 1024);
    const one = await cache.answer('shop-1', 1, 'k', builder('one').build);
    const other = await cache.answer('shop-2', 1, 'k', builder('other').build);
    const again = await cache.answer('shop-1', 1, 'k2', builder('two').build);
    expect([one.body, other.body, again.body]).toEqual(['one', 'other', 'two']);
    expect(new Set([one.etag, other.etag, again.etag]).size).toBe(3);
    expect(one.etag).toMatch(/^"[0-9a-z]+-[A-Za-z0-9_-]{22}"$/);
  });

  it('never lets a slower build from an older version replace a newer answer', async () => {
    const cache = new AnswerCache(1024 * 1024);
    let release!: () => void;
    const slow = cache.answer('shop', 1, 'k', () => new Promise<string>((resolve) => { release = () => resolve('old'); }));
    await cache.answer('shop', 2, 'k', builder('new').build);
    release();
    expect((await slow).body).toBe('old');
    const fresh = builder('rebuilt');
    expect((await cache.answer('shop', 2, 'k', fresh.build)).body).toBe('new');
    expect(fresh.calls.count).toBe(0);
  });

  it('forgets the least recently used answers beyond its size, and never keeps one too large', async () => {
    const text = 'x'.repeat(100);
    const probe = new AnswerCache(1024 * 1024);
    await probe.answer('shop', 1, 'k00', builder(text).build);
    const perEntry = probe.counters().bytes;
    // Room for exactly sixteen such answers, each at the one-sixteenth limit.
    const cache = new AnswerCache(16 * perEntry);
    const keys = Array.from({ length: 16 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    for (const key of keys) await cache.answer('shop', 1, key, builder(text).build);
    expect(cache.counters()).toMatchObject({ entries: 16, bytes: 16 * perEntry });
    await cache.answer('shop', 1, 'k00', builder(text).build); // k00 is now the most recent
    await cache.answer('shop', 1, 'k16', builder(text).build); // k01, the coldest, goes
    const k01 = builder(text);
    const k00 = builder(text);
    await cache.answer('shop', 1, 'k00', k00.build);
    await cache.answer('shop', 1, 'k01', k01.build);
    expect([k00.calls.count, k01.calls.count]).toEqual([0, 1]);
    expect(cache.counters().bytes).toBeLessThanOrEqual(16 * perEntry);

    const tooLarge = builder('y'.repeat(200));
    await cache.answer('shop', 1, 'large', tooLarge.build);
    await cache.answer('shop', 1, 'large', tooLarge.build);
    expect(tooLarge.calls.count).toBe(2);
  });

  it('keeps nothing when its size is 0 (ANSWER_CACHE_MB=0)', async () => {
    const cache = new AnswerCache(0);
    const counted = builder('x');
    await cache.answer('shop', 1, 'k', counted.build);
    await cache.answer('shop', 1, 'k', counted.build);
    expect(counted.calls.count).toBe(2);
  });

  it('does not remember a failed build', async () => {
    const cache = new AnswerCache(1024 * 1024);
    await expect(cache.answer('shop', 1, 'k', async () => { throw new Error('not found'); })).rejects.toThrow('not found');
    const counted = builder('x');
    await cache.answer('shop', 1, 'k', counted.build);
    expect(counted.calls.count).toBe(1);
  });
});

describe('If-None-Match', () => {
  const tag = '"3-abc"';
  it.each([
    [tag, true],
    [`W/${tag}`, true],
    [`"other", ${tag}`, true],
    ['*', true],
    ['"3-abd"', false],
    ['', false],
    [undefined, false],
  ])('%s matches: %s', (header, expected) => {
    expect(ifNoneMatchHits(header, tag)).toBe(expected);
  });
});
