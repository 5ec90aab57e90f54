import type { RateLimitStore, WindowState } from '../http/rate-limiter.js';
import { SESSION_DEFAULTS } from '../config/security-defaults.js';

const WINDOW_MS = SESSION_DEFAULTS.signInWindowSeconds * 1000;

function budgets(ip: string, email: string) {
  return [
    { key: `sign-in-ip:${ip}`, limit: SESSION_DEFAULTS.signInFailuresPerIp },
    { key: `sign-in-account:${email}`, limit: SESSION_DEFAULTS.signInFailuresPerAccount },
  ];
}

/** An attempt allowed to check a password; it counts as a failure unless it is released. */
export interface SignInAttempt {
  /** Seconds until sign-in is allowed again, or 0 when this attempt may check the password. */
  lockedForSeconds: number;
  /** The password was right: the attempt does not count against either budget. */
  succeeded(): Promise<void>;
}

/**
 * Password guessing is limited per client IP (one attacker, many accounts) and per account (many
 * IPs, one account). Only failures count; once either budget is spent, even the right password is
 * refused until the window ends, so guessing cannot continue at a slower pace behind a success.
 *
 * An attempt is counted before its password is checked, with the store's atomic increment, and
 * handed back if the password was right. Checking first and counting after would let concurrent
 * guesses all pass the check while none of their failures had been counted yet.
 */
export class SignInThrottle {
  constructor(private readonly store: RateLimitStore) {}

  async reserveAttempt(ip: string, email: string, nowMs: number): Promise<SignInAttempt> {
    const counted: Array<{ key: string; state: WindowState }> = [];
    let lockedForSeconds = 0;
    for (const { key, limit } of budgets(ip, email)) {
      const state = await this.store.increment(key, nowMs, WINDOW_MS);
      counted.push({ key, state });
      if (state.count > limit) lockedForSeconds = Math.max(lockedForSeconds, Math.max(1, Math.ceil((state.resetAt - nowMs) / 1000)));
    }
    const releaseAll = async () => {
      for (const { key, state } of counted) await this.store.release(key, state, WINDOW_MS);
    };
    // A refused attempt checks no password, so it is no failure either.
    if (lockedForSeconds > 0) await releaseAll();
    return { lockedForSeconds, succeeded: releaseAll };
  }
}
