/**
 * Remembers accepted signatures of non-GET requests for the timestamp window (auth.md §2), so the
 * identical signed request cannot be executed twice. In-process by default; a shared store
 * (Redis) takes its place when several API processes serve one database.
 */
export interface ReplayCache {
  /** Records the key; returns false when it was already recorded and has not expired. */
  remember(key: string, nowMs: number, ttlMs: number): Promise<boolean>;
}

export class MemoryReplayCache implements ReplayCache {
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  async remember(key: string, nowMs: number, ttlMs: number): Promise<boolean> {
    if (nowMs >= this.nextSweep) this.sweep(nowMs, ttlMs);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > nowMs) return false;
    this.expiries.set(key, nowMs + ttlMs);
    return true;
  }

  /** Bounded memory: expired entries are dropped at most once per tenth of the window. */
  private sweep(nowMs: number, ttlMs: number): void {
    for (const [key, expiry] of this.expiries) if (expiry <= nowMs) this.expiries.delete(key);
    this.nextSweep = nowMs + Math.max(1000, Math.floor(ttlMs / 10));
  }
}
