import { describe, expect, it } from 'vitest';
import { type JobKind, JobLoop } from '../../src/jobs/job-loop.js';

/** A kind with `due` units of work, done one per batch, that can be told to fail once. */
function countingKind(name: string, due: number) {
  const kind = {
    name,
    due,
    runs: 0,
    failNext: false,
    async runOnce() {
      kind.runs += 1;
      if (kind.failNext) {
        kind.failNext = false;
        throw new Error(`${name} broke`);
      }
      if (kind.due === 0) return 0;
      kind.due -= 1;
      return 1;
    },
  };
  return kind;
}

describe('job loop', () => {
  it('runs every kind until none has work left', async () => {
    const mail = countingKind('mail', 3);
    const hooks = countingKind('hooks', 5);
    await new JobLoop([mail, hooks]).runUntilIdle();
    expect([mail.due, hooks.due]).toEqual([0, 0]);
  });

  it('reports a failing kind and keeps running the others', async () => {
    const errors: string[] = [];
    const flaky = countingKind('flaky', 2);
    const steady = countingKind('steady', 2);
    flaky.failNext = true;
    await new JobLoop([flaky, steady], { onError: (kind, error) => errors.push(`${kind}: ${(error as Error).message}`) }).runUntilIdle();
    expect(errors).toEqual(['flaky: flaky broke']);
    expect([flaky.due, steady.due]).toEqual([0, 0]);
  });

  it('waits for work running beside the loop before calling itself idle', async () => {
    let pending = 2;
    const beside: JobKind = { name: 'imports', runOnce: async () => 0, settle: async () => pending-- > 0 };
    await new JobLoop([beside]).runUntilIdle();
    expect(pending).toBe(-1);
  });

  it('wakes from its idle sleep when nudged, and stops', async () => {
    const work = countingKind('work', 0);
    const loop = new JobLoop([work], { idleMs: 60_000 });
    loop.start();
    await expect.poll(() => work.runs).toBe(1);
    work.due = 1;
    loop.nudge();
    await expect.poll(() => work.due).toBe(0);
    await loop.stop(1000);
    const runsAtStop = work.runs;
    loop.nudge();
    await new Promise((resolve) => setImmediate(resolve));
    expect(work.runs).toBe(runsAtStop);
  });
});
