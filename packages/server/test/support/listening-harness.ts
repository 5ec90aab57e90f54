import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../src/db/connect.js';
import { freePort } from './free-port.js';
import { type Harness, type HarnessOptions, startHarness } from './harness.js';

export interface ListeningHarness extends Harness {
  /** The server's PUBLIC_URL, where it really listens (plain http on 127.0.0.1). */
  baseUrl: string;
}

/**
 * A harness whose server listens on a real socket and knows its own URL, for clients that speak
 * HTTP from outside the process: a standard OAuth library, a browser.
 */
export function useListeningHarness(dialect: Dialect, options: Omit<HarnessOptions, 'env'> & { env?: Record<string, string> } = {}): () => ListeningHarness {
  let harness: (Awaited<ReturnType<typeof startHarness>> & { baseUrl: string }) | undefined;
  beforeAll(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const started = await startHarness(dialect, { ...options, env: { ...options.env, PUBLIC_URL: baseUrl } });
    await started.app.listen({ port, host: '127.0.0.1' });
    harness = { ...started, baseUrl };
  });
  afterAll(async () => {
    await harness?.destroy();
  });
  return () => {
    if (!harness) throw new Error('harness not started');
    return harness;
  };
}
