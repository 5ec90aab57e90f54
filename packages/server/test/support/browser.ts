import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';

/** Debian's chromium, where `.ci/run` installs it; CHROMIUM_PATH points elsewhere. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Screenshots and other things a person may want to look at after a run (gitignored). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../../../test-artifacts');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

/**
 * A describe block that runs in real Chromium. Under CI a missing browser fails the run (no silent
 * skips); on a developer machine without Chromium the block is skipped and says why.
 */
export function describeInBrowser(title: string, body: (browser: () => Browser) => void): void {
  const available = existsSync(chromiumPath());
  if (!available && process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${chromiumPath()} (apt-get install chromium)`);
  (available ? describe : describe.skip)(available ? title : `${title} (skipped: no Chromium at ${chromiumPath()})`, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        // The sandbox needs user namespaces that containers and root do not have.
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(() => {
      if (!browser) throw new Error('browser not started');
      return browser;
    });
  });
}
