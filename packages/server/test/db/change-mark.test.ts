import { expect, it } from 'vitest';
import { readOncePerTurn } from '../../src/db/change-mark.js';

// The reading itself is exercised against real SQLite in group-commit.test.ts; here, how callers share it.

it('reads once for every caller of a turn, and again in a later turn', async () => {
  let reads = 0;
  const mark = readOncePerTurn(() => (reads += 1));
  expect(await Promise.all([mark(), mark(), mark()])).toEqual([1, 1, 1]);
  expect(reads).toBe(1);
  expect(await mark()).toBe(2);
});

it('reads after the callers of the turn asked, not when the first one did', async () => {
  let value = 'before';
  const mark = readOncePerTurn(() => value);
  const asked = mark();
  value = 'after';
  expect(await asked).toBe('after');
});

it('rejects every caller of a turn whose reading failed, and reads afresh for the next', async () => {
  let fail = true;
  const mark = readOncePerTurn(() => {
    if (fail) throw new Error('database closed');
    return 7;
  });
  const results = await Promise.allSettled([mark(), mark()]);
  expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  fail = false;
  expect(await mark()).toBe(7);
});
