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
    return { redisKey: `${this.prefix}${windowMs}:${key}:${index}`, resetAt: (index + 1) * windowMs };
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
}
