import type { Redis } from 'ioredis';
import type { RateLimitStore, WindowState } from './rate-limiter.js';

/**
 * Fixed windows shared by every API process through Redis (architecture §2: REDIS_URL). A window's
 * key carries its index, so all processes count into the same key and it expires on its own.
 */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'plaudit:ratelimit:',
  ) {}

  private window(key: string, nowMs: number, windowMs: number): { redisKey: string; resetAt: number } {
    const index = Math.floor(nowMs / windowMs);
    return { redisKey: this.windowKey(key, index, windowMs), resetAt: (index + 1) * windowMs };
  }

  private windowKey(key: string, index: number, windowMs: number): string {
    return `${this.prefix}${windowMs}:${key}:${index}`;
  }

  async increment(key: string, nowMs: number, windowMs: number): Promise<WindowState> {
    const { redisKey, resetAt } = this.window(key, nowMs, windowMs);
    // Relative expiry (the injected clock need not be Redis's), outliving the window by one more
    // window so that a process with a slightly skewed clock still finds the key.
    const [[, count]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, resetAt - nowMs + windowMs).exec()) as [[Error | null, number], unknown];
    return { count, resetAt };
  }

  async peek(key: string, nowMs: number, windowMs: number): Promise<WindowState | undefined> {
    const { redisKey, resetAt } = this.window(key, nowMs, windowMs);
    const count = Number(await this.redis.get(redisKey));
    return count > 0 ? { count, resetAt } : undefined;
  }

  async release(key: string, counted: WindowState, windowMs: number): Promise<void> {
    const redisKey = this.windowKey(key, counted.resetAt / windowMs - 1, windowMs);
    // One script, so the check and the decrement are atomic: a key that has already expired is not
    // recreated at -1 (without an expiry) by a late release.
    await this.redis.eval(RELEASE_SCRIPT, 1, redisKey);
  }
}

const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) and tonumber(redis.call('get', KEYS[1])) > 0 then return redis.call('decr', KEYS[1]) end return 0";
