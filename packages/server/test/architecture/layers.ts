/**
 * The layers of docs/architecture.md, bottom first. A module is a folder of src/ (or one file at
 * its root). A module may import its own files and modules of lower ranks only; modules that share
 * a rank are independent of each other. A new folder must be placed here before it can be built on.
 */
export const LAYERS: ReadonlyArray<{ layer: 'foundation' | 'domain' | 'surface' | 'entry'; modules: readonly string[] }> = [
  { layer: 'foundation', modules: ['time', 'crypto'] },
  { layer: 'foundation', modules: ['config'] },
  { layer: 'foundation', modules: ['db', 'egress', 'mail', 'storage', 'jobs'] },
  { layer: 'foundation', modules: ['http'] },
  { layer: 'domain', modules: ['shops'] },
  { layer: 'domain', modules: ['products', 'outbox', 'moderation', 'store-links'] },
  { layer: 'domain', modules: ['customers', 'events'] },
  { layer: 'domain', modules: ['orders'] },
  { layer: 'domain', modules: ['media'] },
  { layer: 'domain', modules: ['reviews', 'questions'] },
  { layer: 'domain', modules: ['merchants', 'platforms'] },
  { layer: 'domain', modules: ['webhooks'] },
  { layer: 'domain', modules: ['collection'] },
  { layer: 'domain', modules: ['review-csv'] },
  { layer: 'domain', modules: ['data-subjects'] },
  { layer: 'domain', modules: ['connectors'] },
  { layer: 'surface', modules: ['open-api', 'storefront', 'console', 'oauth'] },
  { layer: 'surface', modules: ['email-links', 'connector-webhooks'] },
  { layer: 'entry', modules: ['demo', 'worker'] },
  { layer: 'entry', modules: ['home'] },
  { layer: 'entry', modules: ['app.ts'] },
  { layer: 'entry', modules: ['cli'] },
  { layer: 'entry', modules: ['main.ts'] },
];
