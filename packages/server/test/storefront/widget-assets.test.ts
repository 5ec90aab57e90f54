import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { WIDGET_DIST } from '../../src/storefront/widget-assets.routes.js';
import { LANGUAGES, MESSAGES } from '@plaudit/review-view/messages';
import { describeEachDatabase } from '../support/databases.js';
import { ensureWidgetBuilt } from '../support/demo-storefront.js';
import { useHarness } from '../support/harness.js';

describeEachDatabase('widget files', (dialect) => {
  const harness = useHarness(dialect);
  let chunks: Record<string, string> = {};
  let languages: Record<string, string> = {};
  beforeAll(async () => {
    await ensureWidgetBuilt();
    ({ chunks, languages } = JSON.parse(await readFile(path.join(WIDGET_DIST, 'manifest.json'), 'utf8')) as { chunks: Record<string, string>; languages: Record<string, string> });
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

  it('serves every language but English as a hashed message table, cached forever (§12.8)', async () => {
    const h = harness();
    expect(Object.keys(languages).sort()).toEqual(LANGUAGES.filter((language) => language !== 'en').sort());
    const german = await h.app.inject(`/widget/v1/${languages.de}`);
    expect(german.statusCode).toBe(200);
    expect(german.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', 'access-control-allow-origin': '*' });
    expect(german.json()).toEqual(MESSAGES.de);
    expect((await h.app.inject('/widget/v1/messages-de.json')).statusCode).toBe(404);
  });
});
