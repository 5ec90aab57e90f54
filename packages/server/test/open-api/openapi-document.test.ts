import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../../src/cli/openapi-document.js';
import { reviewOperations } from '../../src/open-api/reviews/operations.js';

const committed = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../openapi.json');

describe('openapi.json', () => {
  it('is the document generated from the routes (run `npm run openapi` after changing a route)', async () => {
    expect(readFileSync(committed, 'utf8')).toBe(await generateOpenApiDocument());
  });

  it('documents every Open API operation with its scope and both credential kinds', async () => {
    const document = JSON.parse(await generateOpenApiDocument()) as { paths: Record<string, Record<string, { operationId: string; security: unknown[] }>> };
    for (const op of reviewOperations) {
      const entry = document.paths[`/api/v1/openapi/${op.operation}`]?.[op.method.toLowerCase()];
      expect(entry, op.operation).toBeDefined();
      expect(entry!.operationId).toBe(op.operation);
      expect(entry!.security).toContainEqual({ BearerAuth: [op.scope] });
    }
  });
});
