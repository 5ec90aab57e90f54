import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../src/db/connect.js';
import { freePort } from './free-port.js';
import { type Harness, startHarness } from './harness.js';
import type { TestDatabase } from './databases.js';

export interface ListeningHarness extends Harness {
  /** The server's PUBLIC_URL, where it really listens (plain http on 127.0.0.1). */
  baseUrl: string;
}

/**
 * A harness whose server listens on a real socket and knows its own URL, for clients that speak
 * HTTP from outside the process: a standard OAuth library, a browser.
 */
export function useListeningHarness(dialect: Dialect): () => ListeningHarness {
  let harness: (Harness & { database: TestDatabase; baseUrl: string }) | undefined;
  beforeAll(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const started = await startHarness(dialect, { env: { PUBLIC_URL: baseUrl } });
    await started.app.listen({ port, host: '127.0.0.1' });
    harness = { ...started, baseUrl };
  });
  afterAll(async () => {
    await harness?.app.close();
    await harness?.database.destroy();
  });
  return () => {
    if (!harness) throw new Error('harness not started');
    return harness;
  };
}
