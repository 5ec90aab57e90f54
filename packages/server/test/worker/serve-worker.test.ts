import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signRequest } from '../../src/crypto/hmac-signature.js';
import { plaudit, plauditAsync, startServer } from '../support/cli.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { freePort } from '../support/free-port.js';
import { WEBHOOK_ENV } from '../support/webhooks.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

async function signedPost(base: string, shop: { public_token: string; private_token: string }, operation: string, body: unknown) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${base}/api/v1/openapi/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'public-token': shop.public_token, timestamp, sign: signRequest(shop.private_token, '', timestamp, raw) },
    body: raw,
  });
  return (await response.json()) as { code: number };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describeEachDatabase('plaudit serve and plaudit worker deliver webhooks', (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    database = await createTestDatabase(dialect, { migrate: false });
    env = { ...WEBHOOK_ENV, DATABASE_URL: database.url, SECRET_KEY: 'd'.repeat(64), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-worker-')) };
    expect(plaudit(['migrate'], env).status).toBe(0);
  });
  afterAll(async () => {
    await receiver.stop();
    await database.destroy();
  });

  it('serve delivers in-process right after the commit; --no-worker leaves it to plaudit worker', async () => {
    const shop = JSON.parse(plaudit(['shop', 'create', '--domain', `serve-hooks-${dialect}.example.com`, '--name', 'Hooks', '--json'], env).stdout);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;

    const server = await startServer({ ...env, PORT: String(port) }, /listening/);
    expect((await signedPost(base, shop, 'create_shop_webhook', { topic: 'review/created', url: `${receiver.origin}/serve` })).code).toBe(0);
    expect((await signedPost(base, shop, 'create_review', { product_id: '1', rating: 5, author: 'Ann' })).code).toBe(0);
    expect(await waitFor(() => receiver.at('/serve').length === 1, 5_000)).toBe(true);
    expect(await server.stop()).toBe(0);

    const apiOnly = await startServer({ ...env, PORT: String(port) }, /listening/, ['--no-worker']);
    expect((await signedPost(base, shop, 'create_review', { product_id: '2', rating: 4, author: 'Bo' })).code).toBe(0);
    expect(await waitFor(() => receiver.at('/serve').length === 2, 1_500)).toBe(false);
    expect(await apiOnly.stop()).toBe(0);

    // The split deployment: a separate worker process delivers what the API committed.
    expect(receiver.at('/serve')).toHaveLength(1);
    const once = await plauditAsync(['worker', '--once'], env);
    expect(once.status).toBe(0);
    expect(receiver.at('/serve')).toHaveLength(2);
  }, 90_000);
});
