import type { RateLimitPolicy } from '../config/config.js';

export interface WindowState {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds since the epoch at which the window resets. */
  resetAt: number;
}

/** Fixed-window counters (docs/reference/conventions.md §10). In-process by default; the seam for a Redis store. */
export interface RateLimitStore {
  increment(key: string, nowMs: number, windowMs: number): Promise<WindowState>;
  peek(key: string, nowMs: number, windowMs: number): Promise<WindowState | undefined>;
  /**
   * Takes back one count that `increment` returned as `counted`, in that same window (a no-op once
   * the window has ended). Budgets that reserve an attempt before knowing whether it fails use it
   * to return the reservation of an attempt that did not.
   */
  release(key: string, counted: WindowState, windowMs: number): Promise<void>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, WindowState>();
  private nextSweep = 0;

  async increment(key: string, nowMs: number, windowMs: number): Promise<WindowState> {
    if (nowMs >= this.nextSweep) this.sweep(nowMs);
    let state = this.windows.get(key);
    if (state === undefined || state.resetAt <= nowMs) {
      // Windows align to multiples of their length so every process agrees on the boundaries.
      state = { count: 0, resetAt: (Math.floor(nowMs / windowMs) + 1) * windowMs };
      this.windows.set(key, state);
    }
    state.count += 1;
    return { ...state };
  }

  async peek(key: string, nowMs: number): Promise<WindowState | undefined> {
    const state = this.windows.get(key);
    return state === undefined || state.resetAt <= nowMs ? undefined : { ...state };
  }

  async release(key: string, counted: WindowState): Promise<void> {
    const state = this.windows.get(key);
    if (state !== undefined && state.resetAt === counted.resetAt && state.count > 0) state.count -= 1;
  }

  private sweep(nowMs: number): void {
    for (const [key, state] of this.windows) if (state.resetAt <= nowMs) this.windows.delete(key);
    this.nextSweep = nowMs + 10_000;
  }
}

export interface PolicyVerdict {
  policy: string;
  limit: number;
  windowSeconds: number;
  remaining: number;
  resetSeconds: number;
  exceeded: boolean;
}

export function verdict(policy: string, config: RateLimitPolicy, state: WindowState | undefined, nowMs: number): PolicyVerdict {
  const count = state?.count ?? 0;
  const resetAt = state?.resetAt ?? (Math.floor(nowMs / (config.windowSeconds * 1000)) + 1) * config.windowSeconds * 1000;
  return {
    policy,
    limit: config.limit,
    windowSeconds: config.windowSeconds,
    remaining: Math.max(0, config.limit - count),
    resetSeconds: Math.max(1, Math.ceil((resetAt - nowMs) / 1000)),
    exceeded: count > config.limit,
  };
}

/** The structured-field headers of draft-ietf-httpapi-ratelimit-headers (revision 08+). */
export function rateLimitHeaders(v: PolicyVerdict): Record<string, string> {
  return {
    'ratelimit-policy': `"${v.policy}";q=${v.limit};w=${v.windowSeconds}`,
    ratelimit: `"${v.policy}";r=${v.remaining};t=${v.resetSeconds}`,
  };
}

/**
 * Counts one request against a policy's window under `key` and says where it stands; undefined when
 * the operator turned the policy off (null). Every per-request limit counts through here.
 */
export async function countAgainst(store: RateLimitStore, policy: string, config: RateLimitPolicy | null, key: string, nowMs: number): Promise<PolicyVerdict | undefined> {
  if (config === null) return undefined;
  const state = await store.increment(key, nowMs, config.windowSeconds * 1000);
  return verdict(policy, config, state, nowMs);
}
