import { createRequire } from 'node:module';

/** The server package's version, as `plaudit --version` and the landing page say it. package.json sits above both src/ and dist/. */
export const PLAUDIT_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
