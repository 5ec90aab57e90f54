import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_DEFAULTS } from '../../src/config/security-defaults.js';
import type { Database } from '../../src/db/schema.js';
import { MemoryRateLimitStore } from '../../src/http/rate-limiter.js';
import { createMerchant } from '../../src/merchants/merchant-service.js';
import { hashPassword, passwordMatches } from '../../src/merchants/password.js';
import { endAllSessions, endSession, resumeSession, startSession } from '../../src/merchants/session-service.js';
import { SignInThrottle } from '../../src/merchants/sign-in-throttle.js';
import { createShop } from '../../src/shops/shop-service.js';
import { ManualClock } from '../../src/time/clock.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describe('passwords', () => {
  it('verifies only the password that was hashed, and never an unknown account', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await passwordMatches(stored, 'correct horse battery staple')).toBe(true);
    expect(await passwordMatches(stored, 'correct horse battery stapler')).toBe(false);
    expect(await passwordMatches(undefined, 'plaudit-unknown-account')).toBe(false);
  });
});

describe('sign-in throttle', () => {
  it('spends an account’s budget on failures only, then refuses even the right password until the window ends', async () => {
    const throttle = new SignInThrottle(new MemoryRateLimitStore());
    // Windows are fixed and aligned to multiples of their length; start at the beginning of one.
    const windowMs = SESSION_DEFAULTS.signInWindowSeconds * 1000;
    const now = Math.ceil(1_700_000_000_000 / windowMs) * windowMs;
    const success = await throttle.reserveAttempt('198.18.0.1', 'ann@example.com', now);
    await success.succeeded();
    for (let failure = 0; failure < SESSION_DEFAULTS.signInFailuresPerAccount; failure += 1) {
      expect((await throttle.reserveAttempt(`198.18.1.${failure}`, 'ann@example.com', now)).lockedForSeconds).toBe(0);
    }
    const locked = await throttle.reserveAttempt('198.18.2.1', 'ann@example.com', now);
    expect(locked.lockedForSeconds).toBe(SESSION_DEFAULTS.signInWindowSeconds);
    expect((await throttle.reserveAttempt('198.18.2.1', 'bob@example.com', now)).lockedForSeconds).toBe(0);
    expect((await throttle.reserveAttempt('198.18.2.1', 'ann@example.com', now + SESSION_DEFAULTS.signInWindowSeconds * 1000)).lockedForSeconds).toBe(0);
  });
});

describeEachDatabase('merchant sessions', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let merchantId: number;
  let shopId: string;
  const clock = new ManualClock(1_767_000_000_000);
  const now = () => Math.floor(clock.now() / 1000);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.db.kysely;
    shopId = (await createShop(db, { secretKey: randomBytes(32), clock }, { domain: `merchants-${dialect}.example.com`, name: 'Merchants' })).shop_id;
    merchantId = (await createMerchant(db, clock, { email: 'Ann@Example.com', password: 'correct horse battery staple', shopIds: [shopId] })).merchant_id;
  });
  afterAll(() => database.destroy());

  it('resumes a session with the merchant’s shops, stores only its hash, and slides its idle expiry', async () => {
    const sessionId = await startSession(db, merchantId, now());
    const stored = await db.selectFrom('merchant_sessions').select('session_hash').where('merchant_id', '=', merchantId).execute();
    expect(stored.map((row) => row.session_hash)).not.toContain(sessionId);
    const session = await resumeSession(db, sessionId, now());
    expect(session?.merchant.email).toBe('ann@example.com');
    expect(session?.shops.map((shop) => shop.id)).toEqual([shopId]);
    expect(session?.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    clock.advanceSeconds(SESSION_DEFAULTS.idleSeconds - 1);
    expect(await resumeSession(db, sessionId, now())).toBeDefined();
    clock.advanceSeconds(SESSION_DEFAULTS.idleSeconds - 1);
    expect(await resumeSession(db, sessionId, now())).toBeDefined();
    clock.advanceSeconds(SESSION_DEFAULTS.idleSeconds);
    expect(await resumeSession(db, sessionId, now())).toBeUndefined();
    expect(await resumeSession(db, undefined, now())).toBeUndefined();
  });

  it('ends one session, or every other one', async () => {
    const [first, second, third] = [await startSession(db, merchantId, now()), await startSession(db, merchantId, now()), await startSession(db, merchantId, now())];
    await endSession(db, first);
    expect(await resumeSession(db, first, now())).toBeUndefined();
    await endAllSessions(db, merchantId, third);
    expect(await resumeSession(db, second, now())).toBeUndefined();
    expect(await resumeSession(db, third, now())).toBeDefined();
  });
});
