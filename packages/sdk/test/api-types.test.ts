import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script shared with `npm run generate`, without declarations
import { renderApiTypes } from '../scripts/render-api-types.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('generated API types', () => {
  it('are the types rendered from the committed openapi.json (run `npm run generate -w @plaudit/sdk`)', () => {
    const document = JSON.parse(readFileSync(path.join(here, '../../../openapi.json'), 'utf8'));
    expect(readFileSync(path.join(here, '../src/generated/api-types.ts'), 'utf8')).toBe((renderApiTypes as (d: unknown) => string)(document));
  });
});
