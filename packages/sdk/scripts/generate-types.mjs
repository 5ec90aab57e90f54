import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiTypes } from './render-api-types.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const document = JSON.parse(readFileSync(path.join(here, '../../../openapi.json'), 'utf8'));
writeFileSync(path.join(here, '../src/generated/api-types.ts'), renderApiTypes(document));
