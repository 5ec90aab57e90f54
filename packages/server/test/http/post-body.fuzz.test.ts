import fc from 'fast-check';
import { expect, it } from 'vitest';
import { openApiOperations } from '../../src/open-api/open-api-operations.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, useHarness } from '../support/harness.js';

/** Fixed, so a failure reproduces; bounded, so the suite stays quick. */
const SEED = 20261129;
const RUNS_PER_OPERATION = 25;

/**
 * Bodies no client should send but any client can: random nesting (deeper than the limit too),
 * widths, types and lengths, with the operation's own field names mixed in so that validation,
 * not only the parser, gets exercised.
 */
function hostileBody(fieldNames: string[]): fc.Arbitrary<string> {
  const names = fc.oneof(fc.constantFrom(...fieldNames, 'id', 'ids', 'product_id', '__proto__', 'constructor'), fc.string({ maxLength: 12, unit: 'binary' }));
  const scalar = fc.oneof(
    fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.string({ maxLength: 40, unit: 'binary' }), fc.string({ minLength: 2000, maxLength: 5000 }),
    fc.constantFrom('5 ', '1e2', '-0', '0x10', '9007199254740993', '', ' ', '\u0000', '\ud800', '2026-13-45 25:61:61'),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 6 }), fc.dictionary(names, tie('value'), { maxKeys: 6 })),
  }));
  const deep = fc.integer({ min: 20, max: 12_000 }).map((depth) => `{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
  const object = fc.dictionary(names, value, { maxKeys: 10 }).map((body) => JSON.stringify(body));
  return fc.oneof(object, object, deep, fc.string({ maxLength: 200, unit: 'binary' }));
}

describeEachDatabase('every POST operation survives hostile bodies', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_AUTH_FAILURES: 'off', RATE_LIMIT_OPENAPI: 'off' } });
  const posts = openApiOperations.filter((op) => op.method === 'POST');

  it('covers every POST operation', () => {
    expect(posts.map((op) => op.operation).length).toBeGreaterThan(10);
  });

  for (const op of posts) {
    it(`${op.operation}: never 5xx, and a refusal stores nothing`, async () => {
      const h = harness();
      const fieldNames = Object.keys((op.body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      await fc.assert(
        fc.asyncProperty(hostileBody(fieldNames.length > 0 ? fieldNames : ['x']), async (rawBody) => {
          const before = await databaseChecksum(h);
          const response = await h.call('POST', op.operation, { rawBody });
          expect(response.statusCode, rawBody.slice(0, 200)).toBeLessThan(500);
          const answer = envelope(response);
          expect(answer.request_id).toMatch(/^[0-9a-f]{32}$/);
          if (answer.code !== 0) expect(await databaseChecksum(h)).toEqual(before);
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION },
      );
    }, 120_000);
  }
});
