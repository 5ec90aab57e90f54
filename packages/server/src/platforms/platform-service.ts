import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { SCOPES, type Scope } from '../http/actor.js';
import { ApiError, Code, conflict, type FieldError, invalidArgument } from '../http/errors.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import { open, seal } from '../crypto/secret-box.js';
import { randomBase64Secret, randomToken, safeEqual } from '../crypto/tokens.js';
import { OAUTH_DEFAULTS } from '../config/security-defaults.js';
import { invalidClient } from './oauth-errors.js';
import { findPlatform, insertPlatform, listPlatforms, type PlatformRow, redirectUrisOf, updateClientSecret } from './platform-repository.js';
import { parseScopeList, spaceSeparated, storedScopes } from './scopes.js';

export interface PlatformCredentials {
  client_id: string;
  client_secret: string;
  webhook_secret: string;
}

export interface PlatformSummary {
  client_id: string;
  name: string;
  redirect_uris: string[];
  webhook_url: string;
  scopes: Scope[];
  status: string;
  created_at: number;
}

export interface NewPlatform {
  name: string;
  redirectUris: string[];
  webhookUrl?: string | undefined;
  scopes?: string | undefined;
  clientId?: string | undefined;
}

interface SecretDeps {
  secretKey: Buffer;
  clock: Clock;
}

const CLIENT_ID = /^[a-z0-9][a-z0-9_-]{1,63}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A redirect URI must be absolute, without a fragment (RFC 6749 §3.1.2), and https unless it points
 * at the partner's own machine (RFC 8252 §7.3): a code sent over plain http to the internet leaks.
 */
function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.hash !== '' || uri.includes('#')) return 'must not contain a fragment';
  if (url.username !== '' || url.password !== '') return 'must not contain credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'must be https (http only for localhost)';
}

function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** A readable client id from the name; a random suffix when the plain slug is taken or empty. */
async function chooseClientId(db: Kysely<Database>, name: string): Promise<string> {
  const slug = slugOf(name);
  if (slug.length >= 2 && !(await findPlatform(db, slug))) return slug;
  return `${slug.length >= 2 ? `${slug}-` : 'platform-'}${randomBytes(4).toString('hex')}`;
}

export function summarizePlatform(row: PlatformRow): PlatformSummary {
  return {
    client_id: row.client_id,
    name: row.name,
    redirect_uris: redirectUrisOf(row),
    webhook_url: row.webhook_url,
    scopes: storedScopes(row.allowed_scopes),
    status: row.status,
    created_at: row.created_at,
  };
}

export async function createPlatform(db: Kysely<Database>, deps: SecretDeps, input: NewPlatform): Promise<PlatformCredentials> {
  const name = input.name.trim();
  const errors: FieldError[] = [];
  if (name.length < 1 || name.length > 255) errors.push({ field: 'name', reason: 'must be 1 to 255 characters' });
  if (input.redirectUris.length === 0) errors.push({ field: 'redirect_uri', reason: 'at least one is required' });
  input.redirectUris.forEach((uri, index) => {
    const problem = redirectUriProblem(uri);
    if (problem) errors.push({ field: `redirect_uri[${index}]`, reason: problem });
  });
  const webhookUrl = input.webhookUrl?.trim() ?? '';
  if (webhookUrl !== '' && !/^https?:\/\/[^\s]+$/.test(webhookUrl)) errors.push({ field: 'webhook_url', reason: 'must be an http or https URL' });
  const requested = input.scopes === undefined ? { scopes: [...SCOPES], unknown: [] } : parseScopeList(input.scopes);
  if (requested.unknown.length > 0) errors.push({ field: 'scopes', reason: `unknown scope ${requested.unknown.join(', ')}; known: ${SCOPES.join(', ')}` });
  else if (requested.scopes.length === 0) errors.push({ field: 'scopes', reason: 'at least one scope is required' });
  if (input.clientId !== undefined && !CLIENT_ID.test(input.clientId)) errors.push({ field: 'client_id', reason: 'must be 2 to 64 lowercase letters, digits, - or _' });
  if (errors.length > 0) throw invalidArgument(errors);

  if (input.clientId !== undefined && (await findPlatform(db, input.clientId))) throw conflict(`platform ${input.clientId} already exists`);
  const clientId = input.clientId ?? (await chooseClientId(db, name));
  const clientSecret = randomToken(OAUTH_DEFAULTS.secretBytes);
  const webhookSecret = `whsec_${randomBase64Secret(OAUTH_DEFAULTS.secretBytes)}`;
  const now = unixSeconds(deps.clock);
  await insertPlatform(db, {
    client_id: clientId,
    name,
    client_secret_sealed: seal(deps.secretKey, clientSecret),
    webhook_secret_sealed: seal(deps.secretKey, webhookSecret),
    redirect_uris: JSON.stringify([...new Set(input.redirectUris)]),
    webhook_url: webhookUrl,
    allowed_scopes: spaceSeparated(requested.scopes),
    status: 'active',
    created_at: now,
    updated_at: now,
  });
  return { client_id: clientId, client_secret: clientSecret, webhook_secret: webhookSecret };
}

export async function summarizePlatforms(db: Kysely<Database>): Promise<PlatformSummary[]> {
  return (await listPlatforms(db)).map(summarizePlatform);
}

/** A new client secret; the old one stops authenticating at once (nothing caches it). */
export async function rotateClientSecret(db: Kysely<Database>, deps: SecretDeps, clientId: string): Promise<{ client_id: string; client_secret: string }> {
  const clientSecret = randomToken(OAUTH_DEFAULTS.secretBytes);
  const updated = await updateClientSecret(db, clientId, seal(deps.secretKey, clientSecret), unixSeconds(deps.clock));
  if (!updated) throw new ApiError(Code.notFound, `platform ${clientId} not found`);
  return { client_id: clientId, client_secret: clientSecret };
}

/** The client secret in clear: Trustoo-style system webhooks are signed with it (docs/reference/auth.md §4). */
export function revealClientSecret(secretKey: Buffer, platform: PlatformRow): string {
  return open(secretKey, platform.client_secret_sealed);
}

// Compared against when the client id is unknown, so both failures take the same time.
const UNKNOWN_CLIENT_SECRET = randomToken(OAUTH_DEFAULTS.secretBytes);

/** Client authentication (RFC 6749 §2.3): an active platform whose secret matches, or invalid_client. */
export async function authenticateClient(db: Kysely<Database>, secretKey: Buffer, clientId: string, clientSecret: string): Promise<PlatformRow> {
  const platform = clientId === '' ? undefined : await findPlatform(db, clientId);
  const expected = platform ? revealClientSecret(secretKey, platform) : UNKNOWN_CLIENT_SECRET;
  const matches = safeEqual(clientSecret, expected);
  if (!platform || !matches || platform.status !== 'active') throw invalidClient();
  return platform;
}
