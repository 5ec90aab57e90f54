import type { RateLimitStore } from '../http/rate-limiter.js';
import { SESSION_DEFAULTS } from '../security-defaults.js';

const WINDOW_MS = SESSION_DEFAULTS.signInWindowSeconds * 1000;

function keys(ip: string, email: string) {
  return [
    { key: `sign-in-ip:${ip}`, limit: SESSION_DEFAULTS.signInFailuresPerIp },
    { key: `sign-in-account:${email}`, limit: SESSION_DEFAULTS.signInFailuresPerAccount },
  ];
}

/**
 * Password guessing is limited per client IP (one attacker, many accounts) and per account (many
 * IPs, one account). Only failures count; once either budget is spent, even the right password is
 * refused until the window ends, so guessing cannot continue at a slower pace behind a success.
 */
export class SignInThrottle {
  constructor(private readonly store: RateLimitStore) {}

  /** Seconds until sign-in is allowed again, or 0 when it is allowed now. */
  async lockedForSeconds(ip: string, email: string, nowMs: number): Promise<number> {
    let wait = 0;
    for (const { key, limit } of keys(ip, email)) {
      const state = await this.store.peek(key, nowMs, WINDOW_MS);
      if (state && state.count >= limit) wait = Math.max(wait, Math.ceil((state.resetAt - nowMs) / 1000));
    }
    return wait;
  }

  async recordFailure(ip: string, email: string, nowMs: number): Promise<void> {
    for (const { key } of keys(ip, email)) await this.store.increment(key, nowMs, WINDOW_MS);
  }
}
