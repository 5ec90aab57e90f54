import { it } from 'vitest';

// A file that throws while loading declares no test at all.
throw new Error('this file cannot be loaded');
it('never declared', () => undefined);
