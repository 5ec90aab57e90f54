import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { secondsOf } from '../time/clock.js';

/**
 * Remembers accepted signatures of non-GET requests for as long as they could still verify, so the
 * identical signed request cannot be executed twice.
 */
export interface ReplayCache {
  /**
   * Records the key until `expiresAtMs`; returns false when it was already recorded and has not
   * expired. The caller passes the moment the signature itself stops verifying (its timestamp plus
   * the window), not "now plus the window": a future-dated timestamp outlives the latter.
   */
  remember(key: string, nowMs: number, expiresAtMs: number): Promise<boolean>;
}

/** How often a process sweeps expired signatures out of the table. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Kept in the database, the one store every API process shares: an in-process memory would let a
 * request replayed to a second process through. One statement decides: it inserts a new key, or
 * renews an expired one, and returns a row only in those two cases.
 */
export class DatabaseReplayCache implements ReplayCache {
  private nextSweep = 0;

  constructor(private readonly db: Kysely<Database>) {}

  async remember(key: string, nowMs: number, expiresAtMs: number): Promise<boolean> {
    const now = secondsOf(nowMs);
    const expiresAt = Math.ceil(expiresAtMs / 1000);
    if (nowMs >= this.nextSweep) {
      this.nextSweep = nowMs + SWEEP_INTERVAL_MS;
      await this.db.deleteFrom('request_signatures').where('expires_at', '<=', now).execute();
    }
    const stored = await this.db
      .insertInto('request_signatures')
      .values({ signature_key: key, expires_at: expiresAt })
      .onConflict((oc) => oc.column('signature_key').doUpdateSet({ expires_at: expiresAt }).where('request_signatures.expires_at', '<=', now))
      .returning('signature_key')
      .executeTakeFirst();
    return stored !== undefined;
  }
}
