import { defineConfig } from 'vitest/config';

/** Runs the reporter fixtures alone, with the summary reporter under test. */
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['*.fixture.ts'],
    reporters: ['../summary-reporter.ts'],
  },
});
