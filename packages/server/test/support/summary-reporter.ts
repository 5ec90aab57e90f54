import type { SerializedError } from 'vitest';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Whether a hook of the test's suite, or of any suite around it, or its file, threw. */
function underBrokenHook(test: TestCase): boolean {
  for (let parent: TestCase['parent'] | undefined = test.parent; parent !== undefined; parent = parent.type === 'suite' ? parent.parent : undefined) {
    if (parent.errors().length > 0) return true;
  }
  return false;
}

/**
 * Counts a run honestly: a test vitest reports as skipped because a beforeAll (or the file) threw
 * is a failure, a file that threw while loading counts as one failed test even though it declared
 * none, and so does every unhandled error.
 */
export function countRun(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): RunCounts {
  const counts: RunCounts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
  for (const module of testModules) {
    let declared = 0;
    for (const test of module.children.allTests()) {
      declared += 1;
      const state = test.result().state;
      if (state === 'passed') counts.passed += 1;
      else if (state === 'failed' || underBrokenHook(test)) counts.failed += 1;
      else counts.skipped += 1;
    }
    if (declared === 0 && module.errors().length > 0) counts.failed += 1;
  }
  return counts;
}

/**
 * Prints the plain closing line `N passed, N failed, N skipped`, which CI reads to know how many
 * tests ran (vitest's own summary is not one it recognises).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const { passed, failed, skipped } = countRun(testModules, unhandledErrors);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
