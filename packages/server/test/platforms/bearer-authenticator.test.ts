import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/crypto/tokens.js';
import { endGrant } from '../../src/platforms/grant-service.js';
import { commaSeparated, parseScopeList, spaceSeparated, storedScopes } from '../../src/platforms/scopes.js';
import { DatabaseBearerAuthenticator } from '../../src/platforms/bearer-authenticator.js';
import { findGrant } from '../../src/platforms/token-repository.js';
import { findShopById } from '../../src/shops/shop-repository.js';
import { describeEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/harness.js';
import { issueTokens, platformDeps, registerPlatform } from '../support/oauth.js';

describe('scopes', () => {
  it('reads either separator, in canonical order, and names what it does not know', () => {
    expect(parseScopeList('write_reviews,read_reviews  read_orders')).toEqual({ scopes: ['read_reviews', 'write_reviews', 'read_orders'], unknown: [] });
    expect(parseScopeList('read_reviews admin ,')).toEqual({ scopes: ['read_reviews'], unknown: ['admin'] });
    expect(storedScopes('read_reviews nonsense')).toEqual(['read_reviews']);
    expect(spaceSeparated(['read_reviews', 'read_orders'])).toBe('read_reviews read_orders');
    expect(commaSeparated(['read_reviews', 'read_orders'])).toBe('read_reviews,read_orders');
  });
});

describeEachDatabase('bearer authentication', (dialect) => {
  const harness = useHarness(dialect);

  it('turns a live access token into the shop’s actor with exactly the granted scopes', async () => {
    const h = harness();
    const deps = platformDeps(h);
    const platform = await registerPlatform(deps, { scopes: 'read_reviews,write_reviews,read_orders' });
    const tokens = await issueTokens(deps, platform.client_id, h.shop.shop_id, ['read_reviews', 'read_orders']);
    const actor = await new DatabaseBearerAuthenticator(h.deps.db.kysely, h.clock).authenticate(tokens.accessToken);
    expect(actor).toMatchObject({ shopId: h.shop.shop_id, platformId: platform.client_id, caller: `platform:${platform.client_id}`, rateLimitKey: `grant:${platform.client_id}:${h.shop.shop_id}` });
    expect([...actor!.scopes]).toEqual(['read_reviews', 'read_orders']);
  });

  it('mints URL-safe tokens, and still honours one minted before in standard base64', async () => {
    const h = harness();
    const deps = platformDeps(h);
    const platform = await registerPlatform(deps, { scopes: 'read_reviews' });
    const tokens = await issueTokens(deps, platform.client_id, h.shop.shop_id, ['read_reviews']);
    expect(tokens.accessToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // A token of the old form: the same stored hash, written in base64 with + / and padding.
    const legacy = Buffer.from(tokens.accessToken, 'base64url').toString('base64');
    expect(legacy).toMatch(/==$/);
    const table = h.deps.db.kysely.updateTable('access_tokens').set({ token_hash: sha256Hex(legacy) }).where('token_hash', '=', sha256Hex(tokens.accessToken));
    expect(Number((await table.executeTakeFirst()).numUpdatedRows)).toBe(1);
    const authenticator = new DatabaseBearerAuthenticator(h.deps.db.kysely, h.clock);
    expect(await authenticator.authenticate(legacy)).toMatchObject({ shopId: h.shop.shop_id, platformId: platform.client_id });
  });

  it('refuses a token when any one of its token, family, grant or shop has ended, and only then', async () => {
    const h = harness();
    const deps = platformDeps(h);
    const db = h.deps.db.kysely;
    const platform = await registerPlatform(deps, { scopes: 'read_reviews' });
    const shop = await h.newShop(`bearer-ends-${dialect}.example.com`);
    const tokens = await issueTokens(deps, platform.client_id, shop.shop_id, ['read_reviews']);
    const authenticator = new DatabaseBearerAuthenticator(db, h.clock);
    const token = await db.selectFrom('access_tokens').select(['token_hash', 'family_id']).where('token_hash', '=', sha256Hex(tokens.accessToken)).executeTakeFirstOrThrow();
    const grantId = (await db.selectFrom('token_families').select('grant_id').where('id', '=', token.family_id).executeTakeFirstOrThrow()).grant_id;
    const endings: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      ['token revoked', () => db.updateTable('access_tokens').set({ revoked_at: 1 }).where('token_hash', '=', token.token_hash).execute(), () => db.updateTable('access_tokens').set({ revoked_at: null }).where('token_hash', '=', token.token_hash).execute()],
      ['family revoked', () => db.updateTable('token_families').set({ revoked_at: 1 }).where('id', '=', token.family_id).execute(), () => db.updateTable('token_families').set({ revoked_at: null }).where('id', '=', token.family_id).execute()],
      ['grant ended', () => db.updateTable('grants').set({ status: 'cancelled' }).where('id', '=', grantId).execute(), () => db.updateTable('grants').set({ status: 'active' }).where('id', '=', grantId).execute()],
      ['shop uninstalled', () => db.updateTable('shops').set({ status: 'uninstalled' }).where('id', '=', shop.shop_id).execute(), () => db.updateTable('shops').set({ status: 'active' }).where('id', '=', shop.shop_id).execute()],
    ];
    for (const [ending, end, undo] of endings) {
      await end();
      expect([ending, await authenticator.authenticate(tokens.accessToken)]).toEqual([ending, undefined]);
      await undo();
      expect([ending, (await authenticator.authenticate(tokens.accessToken))?.shopId]).toEqual([ending, shop.shop_id]);
    }
  });

  it('honours nothing unknown, expired or disconnected', async () => {
    const h = harness();
    const deps = platformDeps(h);
    const authenticator = new DatabaseBearerAuthenticator(h.deps.db.kysely, h.clock);
    const platform = await registerPlatform(deps, { scopes: 'read_reviews' });
    expect(await authenticator.authenticate('not-a-token')).toBeUndefined();

    const expiring = await issueTokens(deps, platform.client_id, h.shop.shop_id, ['read_reviews']);
    h.clock.advanceSeconds(expiring.expiresIn - 1);
    expect(await authenticator.authenticate(expiring.accessToken)).toBeDefined();
    h.clock.advanceSeconds(1);
    expect(await authenticator.authenticate(expiring.accessToken)).toBeUndefined();

    const live = await issueTokens(deps, platform.client_id, h.shop.shop_id, ['read_reviews']);
    const grant = (await findGrant(h.deps.db.kysely, platform.client_id, h.shop.shop_id))!;
    const shop = (await findShopById(h.deps.db.kysely, h.shop.shop_id))!;
    await endGrant(h.deps.db.kysely, grant, shop, 'disconnected', 'merchant', h.clock.now());
    expect(await authenticator.authenticate(live.accessToken)).toBeUndefined();
  });
});
