import '@shopify/shopify-api/adapters/node';
import { ApiVersion, type GraphqlClient, LogSeverity, Session, type Shopify, shopifyApi } from '@shopify/shopify-api';
import { open } from '../../crypto/secret-box.js';
import type { ConnectorLinkRow } from '../../store-links/connector-links.js';
import type { ShopifyAppConfig } from '../../config/config.js';

/** The Admin API version the connector is written against; Shopify supports each for a year. */
export const SHOPIFY_API_VERSION = ApiVersion.October25;

/** Per configuration (its credentials and scopes), then per public address. */
const apps = new WeakMap<ShopifyAppConfig, Map<string, Shopify>>();

/**
 * The Shopify library configured as this Plaudit's app (docs/connectors.md): its credentials, the
 * scopes it asks for, and the public address Shopify sends merchants and webhooks to. One per
 * configuration, made on first use.
 */
export function shopifyAppFor(config: ShopifyAppConfig, publicUrl: string): Shopify {
  let ofConfig = apps.get(config);
  if (ofConfig === undefined) apps.set(config, (ofConfig = new Map()));
  let app = ofConfig.get(publicUrl);
  if (app === undefined) {
    const url = new URL(publicUrl);
    app = shopifyApi({
      apiKey: config.apiKey,
      apiSecretKey: config.apiSecret,
      scopes: [...config.scopes],
      hostName: url.host,
      hostScheme: url.protocol === 'http:' ? 'http' : 'https',
      apiVersion: SHOPIFY_API_VERSION,
      isEmbeddedApp: false,
      // The library's own log lines would carry shop domains and request details to stdout; Plaudit logs what matters.
      logger: { level: LogSeverity.Error, log: async () => undefined },
    });
    ofConfig.set(publicUrl, app);
  }
  return app;
}

/** The Admin GraphQL API of a linked store, with its offline token opened for this call only. */
export function adminClientFor(config: ShopifyAppConfig, publicUrl: string, secretKey: Buffer, link: ConnectorLinkRow): GraphqlClient {
  const session = new Session({ id: `offline_${link.external_shop}`, shop: link.external_shop, state: '', isOnline: false, accessToken: open(secretKey, link.token_sealed) });
  return new (shopifyAppFor(config, publicUrl).clients.Graphql)({ session });
}
