import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { WIDGET_DIST } from '../../src/storefront/widget-assets.routes.js';
import { describeEachDatabase } from '../support/databases.js';
import { ensureWidgetBuilt } from '../support/demo-storefront.js';
import { useHarness } from '../support/harness.js';

describeEachDatabase('widget files', (dialect) => {
  const harness = useHarness(dialect);
  let chunks: Record<string, string> = {};
  beforeAll(async () => {
    await ensureWidgetBuilt();
    chunks = (JSON.parse(await readFile(path.join(WIDGET_DIST, 'manifest.json'), 'utf8')) as { chunks: Record<string, string> }).chunks;
  });

  it('serves the loader for five minutes and hashed chunks forever, to any origin (§12.1)', async () => {
    const h = harness();
    const loader = await h.app.inject('/widget/v1/plaudit.js');
    expect(loader.statusCode).toBe(200);
    expect(loader.headers).toMatchObject({ 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
    const chunk = await h.app.inject(`/widget/v1/${chunks.writeForm}`);
    expect(chunk.headers).toMatchObject({ 'cache-control': 'public, max-age=31536000, immutable', 'access-control-allow-origin': '*' });
    expect((await h.app.inject('/widget/v1/manifest.json')).statusCode).toBe(404);
    expect((await h.app.inject('/widget/v1/..%2F..%2Fpackage.json')).statusCode).toBe(404);
  });
});
