#!/usr/bin/env node
// Thin launcher so the `plaudit` bin exists before the first build; the CLI itself lives in dist.
import('../dist/main.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main.js')) {
    console.error('plaudit is not built yet: run `npm run build` (or `npm ci`) in the repository root.');
    process.exit(1);
  }
  throw error;
});
