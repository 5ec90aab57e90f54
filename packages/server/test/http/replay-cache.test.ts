import { expect, it } from 'vitest';
import { DatabaseReplayCache } from '../../src/http/replay-cache.js';
import { describeEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/harness.js';

/** The shared memory of accepted signatures that refuses a replayed write (docs/reference/auth.md §2). */
describeEachDatabase('replay cache', (dialect) => {
  const harness = useHarness(dialect);
  const stored = async () =>
    (await harness().deps.db.kysely.selectFrom('request_signatures').select(['signature_key', 'expires_at']).orderBy('signature_key').execute()).map((row) => [row.signature_key, Number(row.expires_at)]);

  it('remembers a key until the second its signature stops verifying, then accepts it anew', async () => {
    const cache = new DatabaseReplayCache(harness().deps.db.kysely);
    const base = 1_000_000_000;
    expect(await cache.remember('a', base, base + 10_500)).toBe(true);
    expect(await cache.remember('a', base + 1000, base + 10_500)).toBe(false);
    // 10.5 s rounds up: the key is held through second base+11 minus one.
    expect(await cache.remember('a', base + 10_999, base + 20_000)).toBe(false);
    expect(await cache.remember('a', base + 11_000, base + 20_000)).toBe(true);
    expect(await cache.remember('a', base + 12_000, base + 30_000)).toBe(false);
    expect(await cache.remember('b', base + 12_000, base + 30_000)).toBe(true);
  });

  it('sweeps expired keys at most once a minute, and only those that expired', async () => {
    const h = harness();
    const cache = new DatabaseReplayCache(h.deps.db.kysely);
    const base = 2_000_000_000;
    await h.deps.db.kysely.deleteFrom('request_signatures').execute();
    await cache.remember('first', base, base + 5000);
    await h.deps.db.kysely.insertInto('request_signatures').values([{ signature_key: 'old', expires_at: base / 1000 + 30 }, { signature_key: 'young', expires_at: base / 1000 + 61 }]).execute();
    // 59 s later the previous sweep is too recent: nothing is deleted, though `first` and `old` expired.
    await cache.remember('second', base + 59_000, base + 200_000);
    expect(await stored()).toEqual([['first', base / 1000 + 5], ['old', base / 1000 + 30], ['second', base / 1000 + 200], ['young', base / 1000 + 61]]);
    // At 60 s the sweep runs: what expired at or before now goes, the rest stays.
    await cache.remember('third', base + 60_000, base + 300_000);
    expect(await stored()).toEqual([['second', base / 1000 + 200], ['third', base / 1000 + 300], ['young', base / 1000 + 61]]);
    await h.deps.db.kysely.insertInto('request_signatures').values({ signature_key: 'edge', expires_at: base / 1000 + 120 }).execute();
    await cache.remember('fourth', base + 120_000, base + 400_000);
    expect((await stored()).map(([key]) => key)).toEqual(['fourth', 'second', 'third']);
  });
});
