import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LruMap } from './lru-map.js';

/** A serialised answer, the strong ETag that names it, and what it was cached under. */
export interface Answer {
  body: string;
  etag: string;
  shopId: string;
  key: string;
  /** The shop's content version the answer was built from. */
  version: number;
}

interface Entry extends Answer {
  bytes: number;
}

/** What /metrics reports about the cache. */
export interface AnswerCacheCounters {
  hits: number;
  misses: number;
  /** Entries found built from an older content version and dropped. */
  invalidations: number;
  entries: number;
  bytes: number;
}

/** Bookkeeping per entry besides its text: the key, the Map slot, the object itself. */
const ENTRY_OVERHEAD_BYTES = 160;

/**
 * Serialised answers of public and partner reads, kept in memory while the shop's content version
 * they were built from is current (docs/architecture.md, "Reads at memory speed"). Reviews are
 * read far more often than they change, so most reads become a version check and a string copy.
 *
 * The caller passes the version it read before building, never after: an answer built from newer
 * rows than its version says is only ever dropped early, while one older than its version could
 * be served stale. Least recently used entries go first once `maxBytes` is reached.
 */
export class AnswerCache {
  readonly #entries = new LruMap<string, Entry>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;
  #invalidations = 0;

  constructor(private readonly maxBytes: number) {}

  /** The answer for `key` of the shop at `version`: remembered, or built now and remembered. */
  async answer(shopId: string, version: number, key: string, build: () => Promise<string>): Promise<Answer> {
    const kept = this.peek(shopId, version, key);
    if (kept !== undefined) return kept;
    const id = `${shopId}\n${key}`;
    const entry = this.#entries.get(id);
    if (entry !== undefined && entry.version < version) {
      this.#invalidations += 1;
      this.#remove(id, entry);
    }
    this.#misses += 1;
    const body = await build();
    const built: Entry = { body, etag: strongEtag(id, version), shopId, key, version, bytes: 2 * (body.length + id.length) + ENTRY_OVERHEAD_BYTES };
    this.#remember(id, built);
    return built;
  }

  /** The answer for `key` when one built from exactly `version` is kept (a hit), else undefined; builds nothing. */
  peek(shopId: string, version: number, key: string): Answer | undefined {
    const id = `${shopId}\n${key}`;
    const entry = this.#entries.get(id);
    if (entry === undefined || entry.version !== version) return undefined;
    this.#hits += 1;
    this.#entries.touch(id);
    return entry;
  }

  counters(): AnswerCacheCounters {
    return { hits: this.#hits, misses: this.#misses, invalidations: this.#invalidations, entries: this.#entries.size, bytes: this.#bytes };
  }

  #remember(id: string, built: Entry): void {
    // One answer may not take more than a sixteenth of the cache, so a few huge pages cannot push
    // out the many small ones that make the hits.
    if (built.bytes > this.maxBytes / 16) return;
    const present = this.#entries.get(id);
    // A slower build from an older version must not replace a newer answer stored meanwhile.
    if (present !== undefined) {
      if (present.version >= built.version) return;
      this.#remove(id, present);
    }
    this.#entries.set(id, built);
    this.#bytes += built.bytes;
    while (this.#bytes > this.maxBytes) {
      const [coldest, entry] = this.#entries.oldest()!;
      this.#remove(coldest, entry);
    }
  }

  #remove(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
  }
}

/**
 * Strong, because the answer's data is byte-for-byte the same for as long as the version holds;
 * derived from the key too, so two URLs of one shop never share a tag.
 */
function strongEtag(id: string, version: number): string {
  return `"${version.toString(36)}-${createHash('sha256').update(id).digest('base64url').slice(0, 22)}"`;
}

/** Whether an If-None-Match header names the tag (a list, or `*`, as RFC 9110 §13.1.2 allows). */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  // Weak comparison, as the header asks for: W/"x" matches "x".
  return value.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Tags a reply with the answer's ETag and caching rule, and answers 304 when the request's
 * If-None-Match already holds it; true when it did. The storefront and the Open API share it, with
 * their own Cache-Control.
 */
export function notModifiedIfHeld(request: FastifyRequest, reply: FastifyReply, etag: string, cacheControl: string): boolean {
  reply.header('etag', etag).header('cache-control', cacheControl);
  if (!ifNoneMatchHits(request.headers['if-none-match'], etag)) return false;
  reply.code(304).send();
  return true;
}
