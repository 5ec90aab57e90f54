import path from 'node:path';

/** Log levels pino understands; anything else is a configuration error. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
/** auto: readable lines when standard output is a terminal, JSON lines otherwise (files, collectors). */
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * SQLITE_SYNCHRONOUS: `full` (the default) makes every acknowledged write survive a power cut;
 * `normal` survives a crash of the process only (README, "Operating Plaudit").
 */
export type SqliteSynchronous = 'full' | 'normal';

export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly file: string; readonly synchronous?: SqliteSynchronous }
  /** preparedStatements: POSTGRES_PREPARED_STATEMENTS, on unless a connection pooler cannot hold them (README). */
  | { readonly dialect: 'postgres'; readonly url: string; readonly preparedStatements?: boolean };

export interface RateLimitPolicy {
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  /** 32-byte key for AES-256-GCM encryption of private tokens; null until resolved for SQLite. */
  readonly secretKey: Buffer | null;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly trustProxy: boolean;
  /** Shared rate-limit windows for several API processes; null keeps them in process. */
  readonly redisUrl: string | null;
  readonly requestTimeoutMs: number;
  /** ANSWER_CACHE_MB: memory for serialised storefront and partner answers; 0 turns the cache off. */
  readonly answerCacheBytes: number;
  /** null disables the policy. */
  readonly rateLimits: {
    readonly openapi: RateLimitPolicy | null;
    readonly authFailures: RateLimitPolicy | null;
    /** docs/reference/storefront.md §1.6, per client IP (the e-mail policy per shop and address). */
    readonly storefront: Readonly<Record<StorefrontPolicy, RateLimitPolicy | null>>;
  };
  readonly webhooks: {
    /** WEBHOOK_ALLOW_HTTP: plain http:// receivers (development only). */
    readonly allowHttp: boolean;
    /** WEBHOOK_ALLOW_PRIVATE: receivers on loopback and internal addresses (tests, development). */
    readonly allowPrivate: boolean;
    /** WEBHOOK_RETRY_MINUTES: minutes before each retry after the first attempt. */
    readonly retryDelaysMinutes: readonly number[];
  };
  /** SMTP_URL: where review-request e-mails go; null writes them as .eml files under DATA_DIR/outbox. */
  readonly smtpUrl: string | null;
  /** MAIL_FROM: the sender address of Plaudit's e-mails (the display name is the shop's). */
  readonly mailFrom: string;
  /** STORAGE_URL: media on local disk under DATA_DIR/media (default) or in an S3 bucket. */
  readonly storage: StorageTarget;
  /** MEDIA_BASE_URL: origin (a CDN) that forwards to `<PUBLIC_URL>/media`; default that URL itself. */
  readonly mediaBaseUrl: string;
  /** CUSTOMER_EVENT_RETENTION_DAYS: customer events older than this are deleted (docs/reference/collection.md §15). */
  readonly customerEventRetentionDays: number;
  /** SHOPIFY_API_KEY and SHOPIFY_API_SECRET: the Shopify app's credentials (docs/connectors.md); null turns the Shopify connector off. */
  readonly shopify: ShopifyAppConfig | null;
}

export interface ShopifyAppConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** SHOPIFY_SCOPES: the access scopes the install asks for. */
  readonly scopes: readonly string[];
}

/** Where uploaded files live (architecture: storage port with two adapters). */
export type StorageTarget =
  | { readonly kind: 'local'; readonly directory: string }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      /** An S3-compatible endpoint (MinIO, R2, s3rver); undefined for AWS itself. */
      readonly endpoint: string | undefined;
      readonly region: string;
      /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. */
      readonly forcePathStyle: boolean;
      /** AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY when set; otherwise the SDK's chain (profiles, instance roles). */
      readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string } | undefined;
    };

/** The public endpoints' limits of docs/reference/storefront.md §1.6, each set by RATE_LIMIT_<NAME> (`<n>/<seconds>` or `off`). */
export const STOREFRONT_POLICY_DEFAULTS = {
  'storefront-read': { variable: 'RATE_LIMIT_STOREFRONT_READ', limit: 600, windowSeconds: 60 },
  'storefront-submit': { variable: 'RATE_LIMIT_STOREFRONT_SUBMIT', limit: 5, windowSeconds: 600 },
  'storefront-submit-email': { variable: 'RATE_LIMIT_STOREFRONT_SUBMIT_EMAIL', limit: 5, windowSeconds: 86_400 },
  'storefront-upload': { variable: 'RATE_LIMIT_STOREFRONT_UPLOAD', limit: 10, windowSeconds: 3600 },
  'storefront-helpful': { variable: 'RATE_LIMIT_STOREFRONT_HELPFUL', limit: 60, windowSeconds: 3600 },
  'storefront-report': { variable: 'RATE_LIMIT_STOREFRONT_REPORT', limit: 10, windowSeconds: 3600 },
  'storefront-events': { variable: 'RATE_LIMIT_STOREFRONT_EVENTS', limit: 120, windowSeconds: 60 },
  'storefront-ask': { variable: 'RATE_LIMIT_STOREFRONT_ASK', limit: 5, windowSeconds: 600 },
  'storefront-ask-email': { variable: 'RATE_LIMIT_STOREFRONT_ASK_EMAIL', limit: 5, windowSeconds: 86_400 },
  'storefront-answer': { variable: 'RATE_LIMIT_STOREFRONT_ANSWER', limit: 10, windowSeconds: 3600 },
} as const;
export type StorefrontPolicy = keyof typeof STOREFRONT_POLICY_DEFAULTS;

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parsePort(env: Env): number {
  const raw = read(env, 'PORT');
  if (raw === undefined) return 8080;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `must be an integer from 1 to 65535 (got "${raw}")`);
  }
  return port;
}

function parsePublicUrl(env: Env, port: number): string {
  const raw = read(env, 'PUBLIC_URL');
  if (raw === undefined) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', `must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', `must use http or https (got "${url.protocol}")`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError('PUBLIC_URL', 'must not carry a query string or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function parseDatabase(env: Env, dataDir: string): DatabaseTarget {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return { dialect: 'sqlite', file: path.join(dataDir, 'plaudit.sqlite'), synchronous: parseSqliteSynchronous(env) };
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { dialect: 'postgres', url: raw, preparedStatements: parsePreparedStatements(env) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new ConfigError('DATABASE_URL', 'must be a SQLite file path or a postgres:// URL');
  }
  const file = raw.startsWith('sqlite:') ? raw.slice('sqlite:'.length) : raw;
  if (file === '') throw new ConfigError('DATABASE_URL', 'names an empty SQLite path');
  return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file), synchronous: parseSqliteSynchronous(env) };
}

function parsePreparedStatements(env: Env): boolean {
  const raw = read(env, 'POSTGRES_PREPARED_STATEMENTS')?.toLowerCase() ?? 'on';
  if (raw !== 'on' && raw !== 'off') throw new ConfigError('POSTGRES_PREPARED_STATEMENTS', `must be on or off (got "${raw}")`);
  return raw === 'on';
}

function parseSqliteSynchronous(env: Env): SqliteSynchronous {
  const raw = read(env, 'SQLITE_SYNCHRONOUS')?.toLowerCase() ?? 'full';
  if (raw !== 'full' && raw !== 'normal') throw new ConfigError('SQLITE_SYNCHRONOUS', `must be full or normal (got "${raw}")`);
  return raw;
}

/** Accepts 64 hex characters or base64 of exactly 32 bytes. */
export function decodeSecretKey(raw: string, variable = 'SECRET_KEY'): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(raw) && key.toString('base64') !== raw)) {
    throw new ConfigError(variable, 'must be 32 random bytes written as 64 hex characters or base64');
  }
  return key;
}

function parseLogLevel(env: Env): LogLevel {
  const raw = read(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  }
  return raw as LogLevel;
}

function parseLogFormat(env: Env): LogFormat {
  const raw = read(env, 'LOG_FORMAT') ?? 'auto';
  if (!(LOG_FORMATS as readonly string[]).includes(raw)) {
    throw new ConfigError('LOG_FORMAT', `must be one of ${LOG_FORMATS.join(', ')} (got "${raw}")`);
  }
  return raw as LogFormat;
}

function parseRedisUrl(env: Env): string | null {
  const raw = read(env, 'REDIS_URL');
  if (raw === undefined) return null;
  if (!/^rediss?:\/\/[^\s]+$/i.test(raw)) throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  return raw;
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be a boolean such as 1 or 0 (got "${raw}")`);
}

/** `<limit>/<window seconds>` such as `1200/60`, or `off`. */
function parseRatePolicy(env: Env, name: string, fallback: RateLimitPolicy): RateLimitPolicy | null {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (/^(off|0)$/i.test(raw)) return null;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new ConfigError(name, `must be "<requests>/<seconds>" such as 1200/60, or "off" (got "${raw}")`);
  }
  return { limit: Number(match[1]), windowSeconds: Number(match[2]) };
}

/** Trustoo's schedule (docs/reference/webhooks.md §5): 9 retries, 3 to 27 minutes apart, 10 attempts in all. */
const DEFAULT_RETRY_MINUTES = [3, 6, 9, 12, 15, 18, 21, 24, 27];

function parseRetrySchedule(env: Env): readonly number[] {
  const raw = read(env, 'WEBHOOK_RETRY_MINUTES');
  if (raw === undefined) return Object.freeze([...DEFAULT_RETRY_MINUTES]);
  const minutes = raw.split(',').map((part) => part.trim());
  if (minutes.length > 50 || !minutes.every((m) => /^\d+$/.test(m) && Number(m) >= 1 && Number(m) <= 7 * 24 * 60)) {
    throw new ConfigError('WEBHOOK_RETRY_MINUTES', `must be up to 50 comma-separated minutes from 1 to 10080, such as 3,6,9 (got "${raw}")`);
  }
  return Object.freeze(minutes.map(Number));
}

function parseSmtpUrl(env: Env): string | null {
  const raw = read(env, 'SMTP_URL');
  if (raw === undefined) return null;
  if (!/^smtps?:\/\/[^\s]+$/i.test(raw)) throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.example.com:465');
  return raw;
}

/** The connector needs both halves of the app's credentials; one without the other is a mistake worth stopping for. */
function parseShopify(env: Env): ShopifyAppConfig | null {
  const apiKey = read(env, 'SHOPIFY_API_KEY');
  const apiSecret = read(env, 'SHOPIFY_API_SECRET');
  if (apiKey === undefined && apiSecret === undefined) return null;
  if (apiKey === undefined || apiSecret === undefined) throw new ConfigError(apiKey === undefined ? 'SHOPIFY_API_KEY' : 'SHOPIFY_API_SECRET', 'must be set together with the other Shopify credential');
  const scopes = (read(env, 'SHOPIFY_SCOPES') ?? 'read_orders,read_products,write_products').split(/[\s,]+/).filter((scope) => scope !== '');
  if (scopes.some((scope) => !/^(read|write|unauthenticated_read|unauthenticated_write)_[a-z_]+$/.test(scope))) throw new ConfigError('SHOPIFY_SCOPES', 'must be Shopify access scopes such as read_orders,read_products');
  return Object.freeze({ apiKey, apiSecret, scopes: Object.freeze(scopes) });
}

function parseMailFrom(env: Env, publicUrl: string): string {
  const raw = read(env, 'MAIL_FROM');
  if (raw === undefined) return `reviews@${new URL(publicUrl).hostname}`;
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(raw)) throw new ConfigError('MAIL_FROM', `must be a plain e-mail address (got "${raw}")`);
  return raw;
}

function parsePositiveInt(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ConfigError(name, `must be a positive integer (got "${raw}")`);
  }
  return Number(raw);
}

function parseNonNegativeInt(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,6}$/.test(raw)) throw new ConfigError(name, `must be a whole number, 0 or more (got "${raw}")`);
  return Number(raw);
}

/** `s3://bucket?endpoint=https://minio:9000&region=eu-west-1&path_style=1`; credentials come from the AWS variables. */
function parseStorage(env: Env, dataDir: string): StorageTarget {
  const raw = read(env, 'STORAGE_URL');
  if (raw === undefined || raw === 'local') return { kind: 'local', directory: path.join(dataDir, 'media') };
  if (raw.startsWith('file://') || raw.startsWith('/') || raw.startsWith('.')) {
    return { kind: 'local', directory: path.resolve(raw.startsWith('file://') ? new URL(raw).pathname : raw) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('STORAGE_URL', `must be s3://bucket?endpoint=…&region=… or a directory (got "${raw}")`);
  }
  if (url.protocol !== 's3:' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(url.hostname)) {
    throw new ConfigError('STORAGE_URL', `must be s3://<bucket>?endpoint=…&region=… or a directory (got "${raw}")`);
  }
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(endpoint)) throw new ConfigError('STORAGE_URL', 'endpoint must be an http(s) URL');
  const pathStyle = url.searchParams.get('path_style');
  const accessKeyId = read(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = read(env, 'AWS_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) throw new ConfigError('AWS_SECRET_ACCESS_KEY', 'and AWS_ACCESS_KEY_ID must be set together');
  const sessionToken = read(env, 'AWS_SESSION_TOKEN');
  return {
    kind: 's3',
    bucket: url.hostname,
    endpoint,
    region: url.searchParams.get('region') ?? read(env, 'AWS_REGION') ?? 'us-east-1',
    // S3-compatible servers rarely have wildcard DNS for virtual-hosted buckets.
    forcePathStyle: pathStyle === null ? endpoint !== undefined : /^(1|true)$/i.test(pathStyle),
    credentials: accessKeyId === undefined || secretAccessKey === undefined ? undefined : { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) },
  };
}

function parseMediaBaseUrl(env: Env, publicUrl: string): string {
  const raw = read(env, 'MEDIA_BASE_URL');
  if (raw === undefined) return `${publicUrl}/media`;
  if (!/^https?:\/\/[^\s?#]+$/.test(raw)) throw new ConfigError('MEDIA_BASE_URL', `must be an http(s) URL without query string (got "${raw}")`);
  return raw.replace(/\/+$/, '');
}

/**
 * Parses the environment once into a frozen config. Nothing else in Plaudit reads process.env.
 * Throws ConfigError naming the variable at fault.
 */
export function parseConfig(env: Env): Config {
  const port = parsePort(env);
  const dataDir = path.resolve(read(env, 'DATA_DIR') ?? './data');
  const database = parseDatabase(env, dataDir);
  const rawKey = read(env, 'SECRET_KEY');
  const secretKey = rawKey === undefined ? null : decodeSecretKey(rawKey);
  if (secretKey === null && database.dialect === 'postgres') {
    throw new ConfigError('SECRET_KEY', 'is required when DATABASE_URL is PostgreSQL (generate one with `openssl rand -hex 32`)');
  }
  const publicUrl = parsePublicUrl(env, port);
  return Object.freeze({
    port,
    host: read(env, 'HOST') ?? '127.0.0.1',
    publicUrl,
    dataDir,
    database: Object.freeze(database),
    secretKey,
    logLevel: parseLogLevel(env),
    logFormat: parseLogFormat(env),
    trustProxy: parseBoolean(env, 'TRUST_PROXY', false),
    redisUrl: parseRedisUrl(env),
    requestTimeoutMs: parsePositiveInt(env, 'REQUEST_TIMEOUT_MS', 30_000),
    answerCacheBytes: parseNonNegativeInt(env, 'ANSWER_CACHE_MB', 64) * 1024 * 1024,
    rateLimits: Object.freeze({
      openapi: parseRatePolicy(env, 'RATE_LIMIT_OPENAPI', { limit: 1200, windowSeconds: 60 }),
      authFailures: parseRatePolicy(env, 'RATE_LIMIT_AUTH_FAILURES', { limit: 60, windowSeconds: 60 }),
      storefront: Object.freeze(
        Object.fromEntries(
          Object.entries(STOREFRONT_POLICY_DEFAULTS).map(([policy, { variable, limit, windowSeconds }]) => [policy, parseRatePolicy(env, variable, { limit, windowSeconds })]),
        ) as Record<StorefrontPolicy, RateLimitPolicy | null>,
      ),
    }),
    webhooks: Object.freeze({
      allowHttp: parseBoolean(env, 'WEBHOOK_ALLOW_HTTP', false),
      allowPrivate: parseBoolean(env, 'WEBHOOK_ALLOW_PRIVATE', false),
      retryDelaysMinutes: parseRetrySchedule(env),
    }),
    customerEventRetentionDays: parsePositiveInt(env, 'CUSTOMER_EVENT_RETENTION_DAYS', 400),
    smtpUrl: parseSmtpUrl(env),
    storage: Object.freeze(parseStorage(env, dataDir)),
    mediaBaseUrl: parseMediaBaseUrl(env, publicUrl),
    mailFrom: parseMailFrom(env, publicUrl),
    shopify: parseShopify(env),
  });
}

export function withSecretKey(config: Config, secretKey: Buffer): Config {
  return Object.freeze({ ...config, secretKey });
}
