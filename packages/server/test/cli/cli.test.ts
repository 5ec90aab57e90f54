import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest, signRequestV2 } from '../../src/crypto/hmac-signature.js';
import { passwordMatches } from '../../src/merchants/password.js';
import { startSession } from '../../src/merchants/session-service.js';
import { plaudit, startServer } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { hiddenFields } from '../support/merchant-agent.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

const SECRET_KEY = 'c'.repeat(64);

/** A partner's view: a signed request with nothing but the printed tokens. */
async function signedFetch(base: string, tokens: { public_token: string; private_token: string }, method: 'GET' | 'POST', operation: string, query = '', body?: unknown) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${base}/api/v1/openapi/${operation}${query ? `?${query}` : ''}`, {
    method,
    headers: { 'Public-Token': tokens.public_token, Timestamp: timestamp, Sign: signRequest(tokens.private_token, query, timestamp, raw), ...(raw ? { 'Content-Type': 'application/json' } : {}) },
    ...(raw ? { body: raw } : {}),
  });
  return (await response.json()) as { code: number; data: Record<string, unknown> };
}

describe('plaudit CLI basics', () => {
  it('prints its version', () => {
    const result = plaudit(['--version'], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it.each([[[]], [['serve']], [['migrate']], [['shop']], [['shop', 'create']], [['shop', 'list']], [['shop', 'rotate-private-token']], [['shop', 'show']], [['worker']], [['platform']], [['platform', 'create']], [['platform', 'list']], [['platform', 'rotate-secret']], [['merchant', 'create']], [['merchant', 'reset-password']], [['merchant', 'add-shop']], [['sign']], [['openapi']], [['import']], [['export']], [['doctor']]])('prints help for %j', (args) => {
    const result = plaudit([...args, '--help'], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: plaudit');
  });

  it('says so when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = plaudit(['serve'], { PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-port-')) });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('stops on a bad setting with a message naming the variable', () => {
    const result = plaudit(['shop', 'list'], { PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).not.toContain('    at ');
  });
});

describeEachDatabase('plaudit CLI', (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    env = { DATABASE_URL: database.url, SECRET_KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-cli-')) };
  });
  afterAll(() => database.destroy());

  it('migrates, creates, lists, shows and rotates shops, printing one JSON object with --json', async () => {
    const migrated = plaudit(['migrate', '--json'], env);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(JSON.parse(migrated.stdout)).toEqual({ applied: ['001-core', '002-review-provenance', '003-request-signatures', '004-oauth', '005-webhooks', '006-customers', '007-orders', '008-customer-events', '009-request-sending', '010-media', '011-storefront', '012-review-imports', '013-storefront-rank', '014-content-versions', '015-review-activity', '016-review-disclosures', '017-review-history', '018-review-reports', '019-review-moderation', '020-questions', '021-connectors'] });
    expect(JSON.parse(plaudit(['migrate', '--json'], env).stdout)).toEqual({ applied: [] });

    const created = plaudit(['shop', 'create', '--domain', 'Maple-And-Co.myshopify.com', '--name', 'Maple & Co', '--id', '79198486784', '--json'], env);
    expect(created.status, created.stderr).toBe(0);
    const shop = JSON.parse(created.stdout);
    expect(Object.keys(shop).sort()).toEqual(['domain', 'name', 'private_token', 'public_token', 'shop_id']);
    expect(shop).toMatchObject({ shop_id: '79198486784', domain: 'maple-and-co.myshopify.com', name: 'Maple & Co' });
    expect(Buffer.from(shop.public_token, 'base64')).toHaveLength(16);
    expect(Buffer.from(shop.private_token, 'base64')).toHaveLength(32);

    const duplicate = plaudit(['shop', 'create', '--domain', 'maple-and-co.myshopify.com', '--name', 'Again'], env);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('already exists');

    const listed = JSON.parse(plaudit(['shop', 'list', '--json'], env).stdout);
    expect(listed.shops).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(shop.private_token);

    const rotated = JSON.parse(plaudit(['shop', 'rotate-private-token', '79198486784', '--json'], env).stdout);
    expect(rotated.public_token).toBe(shop.public_token);
    expect(rotated.private_token).not.toBe(shop.private_token);
    const shown = JSON.parse(plaudit(['shop', 'show', '79198486784', '--reveal-private-token', '--json'], env).stdout);
    expect(shown.private_token).toBe(rotated.private_token);

    // plaudit sign: version 2 by default, version 1 on request; each signature is the recipe's.
    const url = 'http://localhost:8080/api/v1/openapi/get_reviews?keyword=caf%C3%A9&page=1';
    for (const version of ['2', '1'] as const) {
      const signed = plaudit(['sign', '--shop', '79198486784', ...(version === '1' ? ['--sign-version', '1'] : []), 'GET', url], env);
      expect(signed.status, signed.stderr).toBe(0);
      const timestamp = /Timestamp: (\d+)/.exec(signed.stdout)![1]!;
      const sign = /Sign: ([0-9a-f]{64})/.exec(signed.stdout)![1]!;
      expect(signed.stdout.includes('Sign-Version: 2')).toBe(version === '2');
      const expected = version === '2'
        ? signRequestV2(shown.private_token, { method: 'GET', rawPath: '/api/v1/openapi/get_reviews', rawQuery: 'keyword=caf%C3%A9&page=1', timestamp, rawBody: '' })
        : signRequest(shown.private_token, 'keyword=caf%C3%A9&page=1', timestamp, '');
      expect(sign).toBe(expected);
    }
    expect(plaudit(['sign', '--shop', '79198486784', '--sign-version', '3', 'GET', url], env).stderr).toContain('--sign-version must be 1 or 2');
    // Malformed JSON is signed (a partner may test the error answer) but not silently.
    const malformed = plaudit(['sign', '--shop', '79198486784', '--data', '{"rating": 5,', 'POST', 'http://localhost:8080/api/v1/openapi/create_review'], env);
    expect(malformed.status).toBe(0);
    expect(malformed.stderr).toMatch(/^plaudit: warning: --data is not valid JSON \(.+\); signed as given, the API will answer code 3\n$/);
    expect(plaudit(['sign', '--shop', '79198486784', '--data', '{"rating": 5}', 'POST', 'http://localhost:8080/api/v1/openapi/create_review'], env).stderr).toBe('');
    expect(plaudit(['shop', 'rotate-private-token', 'nope'], env).status).toBe(1);
  }, 150_000);

  it('registers, lists and rotates platforms, and creates merchants', async () => {
    const created = plaudit(['platform', 'create', '--name', 'Chat App', '--redirect-uri', 'https://chat.example.com/cb', '--redirect-uri', 'http://localhost:3000/cb', '--scopes', 'read_reviews,write_reviews', '--json'], env);
    expect(created.status).toBe(0);
    const platform = JSON.parse(created.stdout);
    expect(platform).toEqual({ client_id: 'chat-app', client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), webhook_secret: expect.stringMatching(/^whsec_/) });
    const second = JSON.parse(plaudit(['platform', 'create', '--name', 'Chat App', '--redirect-uri', 'https://other.example.com/cb', '--json'], env).stdout);
    expect(second.client_id).toMatch(/^chat-app-[0-9a-f]{8}$/);
    const refused = plaudit(['platform', 'create', '--name', 'Bad', '--redirect-uri', 'http://evil.example/cb', '--scopes', 'read_everything'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('redirect_uri[0] must be https (http only for localhost)');
    expect(refused.stderr).toContain('scopes unknown scope read_everything');

    const listed = JSON.parse(plaudit(['platform', 'list', '--json'], env).stdout);
    expect(listed.platforms[0]).toMatchObject({ client_id: 'chat-app', name: 'Chat App', redirect_uris: ['https://chat.example.com/cb', 'http://localhost:3000/cb'], scopes: ['read_reviews', 'write_reviews'] });
    expect(JSON.stringify(listed)).not.toContain(platform.client_secret);
    const rotated = JSON.parse(plaudit(['platform', 'rotate-secret', 'chat-app', '--json'], env).stdout);
    expect(rotated.client_secret).not.toBe(platform.client_secret);
    expect(plaudit(['platform', 'rotate-secret', 'nope'], env).stderr).toContain('platform nope not found');

    const merchant = plaudit(['merchant', 'create', '--email', 'Owner@Maple.example', '--password', 'long enough password', '--shop', '79198486784', '--json'], env);
    expect(JSON.parse(merchant.stdout)).toMatchObject({ email: 'owner@maple.example', shop_ids: ['79198486784'] });
    expect(plaudit(['merchant', 'create', '--email', 'owner@maple.example', '--password', 'long enough password', '--shop', '79198486784'], env).stderr).toContain('already exists');
    // The refusal is said once.
    expect(plaudit(['merchant', 'create', '--email', 'x@maple.example', '--password', 'short', '--shop', 'nope'], env).stderr).toBe('plaudit: password must be 10 to 256 characters\n');
    // Without --password, a random one is made and printed once (the first merchant of a PostgreSQL install).
    const chosen = plaudit(['merchant', 'create', '--email', 'second@maple.example', '--shop', '79198486784'], env);
    const printed = /password {2}(\S{22}) {3}\(shown once\)/.exec(chosen.stdout)?.[1];
    expect(printed, chosen.stdout).toBeDefined();
    const stored = await database.db.kysely.selectFrom('merchants').select('password_hash').where('email', '=', 'second@maple.example').executeTakeFirstOrThrow();
    expect(await passwordMatches(stored.password_hash, printed!)).toBe(true);
  }, 90_000);

  it('resets a forgotten password, signing the merchant out, and gives a merchant more shops', async () => {
    const owner = await database.db.kysely.selectFrom('merchants').select('id').where('email', '=', 'owner@maple.example').executeTakeFirstOrThrow();
    await startSession(database.db.kysely, Number(owner.id), Math.floor(Date.now() / 1000));
    const sessions = async () => (await database.db.kysely.selectFrom('merchant_sessions').select('session_hash').where('merchant_id', '=', owner.id).execute()).length;
    expect(await sessions()).toBe(1);
    // A forgotten password: a random one, shown once, replaces it; the old one no longer signs in.
    const reset = plaudit(['merchant', 'reset-password', '--email', 'OWNER@maple.example', '--json'], env);
    expect(reset.status, reset.stderr).toBe(0);
    const fresh = JSON.parse(reset.stdout) as { email: string; password: string };
    expect(fresh).toMatchObject({ email: 'owner@maple.example', password: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    const stored = async () => (await database.db.kysely.selectFrom('merchants').select('password_hash').where('email', '=', 'owner@maple.example').executeTakeFirstOrThrow()).password_hash;
    expect(await passwordMatches(await stored(), fresh.password)).toBe(true);
    expect(await passwordMatches(await stored(), 'long enough password')).toBe(false);
    expect(await sessions()).toBe(0);
    const chosen = plaudit(['merchant', 'reset-password', '--email', 'owner@maple.example', '--password', 'another long password'], env);
    expect(chosen.stdout).toContain('has a new password; every session was ended');
    expect(chosen.stdout).not.toContain('shown once');
    expect(await passwordMatches(await stored(), 'another long password')).toBe(true);
    expect(plaudit(['merchant', 'reset-password', '--email', 'nobody@maple.example'], env).stderr).toContain('merchant nobody@maple.example not found');
    expect(plaudit(['merchant', 'reset-password', '--email', 'owner@maple.example', '--password', 'short'], env).status).toBe(1);

    // More shops for the same merchant.
    const other = JSON.parse(plaudit(['shop', 'create', '--domain', 'second-shop.example.com', '--name', 'Second', '--json'], env).stdout) as { shop_id: string };
    const added = plaudit(['merchant', 'add-shop', '--email', 'owner@maple.example', '--shop', other.shop_id, '--json'], env);
    expect(JSON.parse(added.stdout)).toMatchObject({ email: 'owner@maple.example', shop_ids: [other.shop_id] });
    const links = await database.db.kysely.selectFrom('merchant_shops').innerJoin('merchants', 'merchants.id', 'merchant_shops.merchant_id').select('shop_id').where('merchants.email', '=', 'owner@maple.example').orderBy('shop_id').execute();
    expect(links.map((link) => link.shop_id).sort()).toEqual(['79198486784', other.shop_id].sort());
    expect(plaudit(['merchant', 'add-shop', '--email', 'owner@maple.example', '--shop', 'nope'], env).stderr).toContain('shop nope not found');
  }, 120_000);

  it('imports a CSV with --json and exports it again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plaudit-import-'));
    const file = path.join(dir, 'judgeme.csv');
    writeFileSync(file, 'title,body,rating,review_date,curated,reviewer_name,reviewer_email,product_id\nNice,Good mug,5,2024-01-01,ok,Ann,ann@example.com,42\nBad,x,7,2024-01-01,ok,Bo,,42\n');
    const imported = plaudit(['import', file, '--shop', '79198486784', '--format', 'judgeme', '--json'], env);
    // A rejected row makes the exit status 2, so a script notices; the good rows are in.
    expect(imported.status, imported.stderr).toBe(2);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 2, imported: 1, rejected: 1, rejections: [{ line: 3, reasons: ['rating must be an integer from 1 to 5'] }] });
    const human = plaudit(['import', file, '--shop', '79198486784', '--format', 'judgeme'], env);
    expect(human.status).toBe(2);
    expect(human.stdout).toContain('0 imported, 1 already there, 1 rejected');
    expect(human.stdout).toContain('exit status 2: 1 row was rejected (--allow-rejects exits 0)');
    const allowed = plaudit(['import', file, '--shop', '79198486784', '--format', 'judgeme', '--allow-rejects'], env);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stdout).not.toContain('exit status 2');
    expect(human.stdout).toContain('line 3: rating must be an integer from 1 to 5');
    const exported = plaudit(['export', '--shop', '79198486784', '--format', 'jsonl', '--ratings', '5'], env);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout.trim().split('\n').map((line) => JSON.parse(line).author)).toEqual(['Ann']);
    expect(plaudit(['import', file, '--shop', '79198486784', '--format', 'csvish'], env).stderr).toContain('--format must be one of');

    // The shop's own export, imported back into it, changes nothing.
    const own = path.join(dir, 'own.csv');
    const csv = plaudit(['export', '--shop', '79198486784', '--format', 'csv'], env);
    expect(csv.status, csv.stderr).toBe(0);
    writeFileSync(own, csv.stdout);
    const again = plaudit(['import', own, '--shop', '79198486784', '--format', 'plaudit'], env);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 imported, 1 already there, 0 rejected');
    expect(plaudit(['export', '--shop', '79198486784', '--format', 'csv'], env).stdout).toBe(csv.stdout);

    // With --out, the command says what it wrote.
    const out = path.join(dir, 'out.jsonl');
    const written = plaudit(['export', '--shop', '79198486784', '--format', 'jsonl', '--out', out], env);
    expect(written.stdout).toBe(`1 review written to ${out} (jsonl, ${statSync(out).size} bytes)\n`);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
  }, 90_000);

  it('serves the README flow: sign with the printed tokens, create, list, rate, delete', async () => {
    const port = await freePort();
    let tokens: { public_token: string; private_token: string };
    if (dialect === 'sqlite') {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'plaudit-serve-'));
      // The last line of the first start's banner: everything above it (tokens, demo merchant) has arrived.
      // What a person at a terminal gets: readable log lines, requests not logged at info.
      const server = await startServer({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' }, /API reference/);
      const out = server.output();
      tokens = { public_token: /public_token\s+(\S+)/.exec(out)![1]!, private_token: /private_token\s+(\S+)/.exec(out)![1]! };
      await exercise(`http://localhost:${port}`, tokens);
      await signInAsDemoMerchant(`http://localhost:${port}`, /e-mail\s+(\S+)/.exec(out)![1]!, /password\s+(\S+)/.exec(out)![1]!);
      expect(await server.stop()).toBe(0);
      expect(bannerOf(out)).toEqual(expect.arrayContaining(['  Demo merchant (console and consent page, http://localhost:' + port + '/console/login):']));
      expect(bannerOf(out).filter((line) => / INFO|"level"/.test(line))).toEqual([]);
      expect(server.output()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Server listening at/m);
      expect(server.output()).not.toContain('"level"');
      expect(server.output()).not.toContain('request completed');
      // The second start does not print the private token again; at debug, one JSON line per request.
      const again = await startServer({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, /API reference/);
      expect(again.output()).not.toMatch(/private_token\s+\S{20,}/);
      expect(again.output()).toContain('--reveal-private-token');
      expect((await fetch(`http://localhost:${port}/api/v1/openapi/oauth/authorize?client_id=x&code=secret-code`)).status).toBeGreaterThanOrEqual(400);
      await again.stop();
      const requestLines = again.output().split('\n').filter((line) => line.includes('"request completed"')).map((line) => JSON.parse(line) as { level: number; res: { statusCode: number }; req: { url: string } });
      expect(requestLines).toHaveLength(1);
      expect(requestLines[0]).toMatchObject({ level: 20, req: { url: '/api/v1/openapi/oauth/authorize?client_id=x&code=%5Bredacted%5D' } });
      expect(requestLines[0]!.res.statusCode).toBeGreaterThanOrEqual(400);
    } else {
      const refused = await startServer({ ...env, DATABASE_URL: `${database.url}_missing_schema`, PORT: String(port) }, /never/).catch((error: Error) => error);
      expect(String(refused)).toContain('server exited');
      const shop = JSON.parse(plaudit(['shop', 'create', '--domain', 'pg-serve.example.com', '--name', 'PG', '--json'], env).stdout);
      const server = await startServer({ ...env, PORT: String(port) }, /listening/);
      await exercise(`http://localhost:${port}`, shop);
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);
});

/** The lines from "Plaudit is listening" to the banner's last line, as printed. */
function bannerOf(output: string): string[] {
  const lines = output.split('\n');
  const first = lines.findIndex((line) => line.startsWith('Plaudit is listening'));
  const last = lines.findIndex((line) => line.includes('API reference:'));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(last).toBeGreaterThan(first);
  return lines.slice(first, last + 1);
}

/** The demo merchant's printed credentials open the console. */
async function signInAsDemoMerchant(base: string, email: string, password: string) {
  expect(email).toBe('demo@plaudit.test');
  const page = await fetch(`${base}/console/login`);
  const cookie = page.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const form = new URLSearchParams([...hiddenFields(await page.text()), ['email', email], ['password', password]]);
  const signedIn = await fetch(`${base}/console/login`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  expect(signedIn.status).toBe(303);
  const session = signedIn.headers.getSetCookie().find((line) => line.startsWith('plaudit_session='))!.split(';')[0]!;
  // The demo shop comes with reviews to moderate.
  const reviews = await (await fetch(`${base}/console/reviews`, { headers: { cookie: session } })).text();
  expect(reviews).toContain('Keeps coffee hot');
  expect(reviews).toContain('Great shop');
}

async function exercise(base: string, tokens: { public_token: string; private_token: string }) {
  const before = await signedFetch(base, tokens, 'GET', 'get_rating', 'product_id=123');
  expect(before).toMatchObject({ code: 0, data: { review_count: 0, rating_value: '0' } });
  const a = await signedFetch(base, tokens, 'POST', 'create_review', '', { product_id: 123, rating: 5, author: 'Ann', media: { images: [], thumbnails: [], video: '', video_thumbnail: '' } });
  const b = await signedFetch(base, tokens, 'POST', 'create_review', '', { product_id: '123', rating: 2, author: 'Bo', media: [] });
  expect([a.code, b.code]).toEqual([0, 0]);
  const list = await signedFetch(base, tokens, 'GET', 'get_reviews', 'product_ids=123');
  expect((list.data.list as Array<{ id: number }>).map((r) => String(r.id)).sort()).toEqual([a.data.id, b.data.id].sort());
  expect((await signedFetch(base, tokens, 'GET', 'get_rating', 'product_id=123')).data).toMatchObject({ rating_value: '3.5', review_count: 2 });
  expect((await signedFetch(base, tokens, 'POST', 'delete_review', '', { id: Number(b.data.id) })).code).toBe(0);
  expect((await signedFetch(base, tokens, 'GET', 'get_rating', 'product_id=123')).data).toMatchObject({ rating_value: '5', review_count: 1 });
}
