import type { Config } from '../config/config.js';
import type { HostResolver } from '../egress/safe-http-client.js';
import type { Db } from '../db/connect.js';
import type { BearerAuthenticator } from './bearer-auth.js';
import type { RateLimitStore } from './rate-limiter.js';
import type { ReplayCache } from './replay-cache.js';
import type { Clock } from '../time/clock.js';
import type { AnswerCache } from './answer-cache.js';
import type { MediaStorage } from '../storage/media-storage.js';

/** The outside world as the app sees it: injected so tests control time and storage. */
export interface AppDeps {
  config: Config;
  db: Db;
  secretKey: Buffer;
  clock: Clock;
  replayCache: ReplayCache;
  rateLimitStore: RateLimitStore;
  /** Serialised answers of cached reads, keyed by content version (config.answerCacheBytes). */
  answers: AnswerCache;
  /** Uploaded media bytes: local disk or S3 (config.storage). */
  storage: MediaStorage;
  /** OAuth2 access tokens; buildApp uses the authorization server's tables when none is given. */
  bearer?: BearerAuthenticator;
  /** DNS for outgoing requests; tests make names resolve inward with it. */
  resolveHost?: HostResolver;
  /** Called after a write commits: an in-process worker wakes to deliver its events at once. */
  outboxSignal?: () => void;
}
