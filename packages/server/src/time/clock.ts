/** Injected everywhere time matters, so windows and TTLs are tested with a fake clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Whole seconds of a millisecond time: how every stored and wire time is counted. */
export function secondsOf(ms: number): number {
  return Math.floor(ms / 1000);
}

export function unixSeconds(clock: Clock): number {
  return secondsOf(clock.now());
}

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }
}
