import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/http/lru-map.js';

/** The keys from least to most recently used, by evicting the oldest one by one (empties the map). */
function order(map: LruMap<string, number>): string[] {
  const evicted: string[] = [];
  for (let oldest = map.oldest(); oldest !== undefined; oldest = map.oldest()) {
    evicted.push(oldest[0]);
    map.delete(oldest[0]);
  }
  return evicted;
}

describe('LruMap', () => {
  it('evicts in order of last use: a touch or a set makes a key the newest, a get does not', () => {
    const map = new LruMap<string, number>();
    for (const [index, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, index);
    map.touch('b');
    expect(map.get('a')).toBe(0); // read only: a stays the oldest
    map.set('c', 30); // an existing key: new value, newest
    map.touch('c'); // already the newest: nothing moves
    map.touch('missing'); // unknown: nothing happens
    expect(map.size).toBe(4);
    expect(map.get('c')).toBe(30);
    expect(order(map)).toEqual(['a', 'd', 'b', 'c']);
    expect(map.size).toBe(0);
    expect(map.oldest()).toBeUndefined();
  });

  it('unlinks a deleted key from anywhere in the order, and works on after it empties', () => {
    const map = new LruMap<string, number>();
    for (const [index, key] of ['a', 'b', 'c'].entries()) map.set(key, index);
    expect(map.delete('b')).toBe(true); // the middle
    expect(map.delete('b')).toBe(false);
    expect(map.delete('c')).toBe(true); // the newest
    map.set('d', 3);
    expect(map.delete('a')).toBe(true); // the oldest
    expect(map.oldest()).toEqual(['d', 3]);
    map.delete('d');
    map.set('e', 4);
    map.touch('e');
    expect(order(map)).toEqual(['e']);
  });

  it('keeps the order through many touches of a few hot keys among many cold ones', () => {
    const map = new LruMap<string, number>();
    const keys = Array.from({ length: 1_000 }, (_, i) => `k${i}`);
    for (const [index, key] of keys.entries()) map.set(key, index);
    for (let round = 0; round < 500; round += 1) map.touch(keys[round % 3]!);
    // 500 touches cycling k0, k1, k2 end on k1 (499 % 3 = 1): k2, k0, k1 are now the newest.
    const evicted = order(map);
    expect(evicted.slice(0, 2)).toEqual(['k3', 'k4']);
    expect(evicted.slice(-3)).toEqual(['k2', 'k0', 'k1']);
    expect(evicted).toHaveLength(1_000);
  });
});
