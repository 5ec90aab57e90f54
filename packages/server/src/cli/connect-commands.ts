import type { Command } from 'commander';
import { findShopById } from '../shops/shop-repository.js';
import { SingleBar } from 'cli-progress';
import { backfillShopify } from '../connectors/shopify/backfill.js';
import { findLink, issueWooCommerceSecret } from '../store-links/connector-links.js';
import { systemClock, unixSeconds } from '../time/clock.js';
import { CliError, loadConfig, output } from './runtime.js';
import { withCurrentSchema } from './pending-migrations.js';

const SHOPIFY_NOT_CONFIGURED = 'set SHOPIFY_API_KEY and SHOPIFY_API_SECRET to the Shopify app\'s client id and secret first';

/** The address WooCommerce posts a shop's webhooks to (docs/connectors.md). */
export function wooCommerceWebhookUrl(publicUrl: string, shopId: string): string {
  return `${publicUrl}/connectors/woocommerce/webhooks/${encodeURIComponent(shopId)}`;
}

/** What the Shopify app's configuration needs from this Plaudit (docs/connectors.md). */
export function shopifyAppSettings(publicUrl: string, scopes: readonly string[]) {
  return {
    app_url: `${publicUrl}/connectors/shopify/install`,
    redirect_url: `${publicUrl}/connectors/shopify/callback`,
    webhook_url: `${publicUrl}/connectors/shopify/webhooks`,
    scopes: [...scopes],
    webhook_topics: ['orders/create', 'orders/updated', 'orders/fulfilled', 'orders/cancelled', 'products/update', 'products/delete', 'app/uninstalled'],
    compliance_topics: ['customers/data_request', 'customers/redact', 'shop/redact'],
  };
}

export function registerConnectCommands(program: Command): void {
  const connect = program.command('connect').description('connect a shop to its store platform, so orders and products flow in without code');

  const shopifyCommand = connect
    .command('shopify')
    .description("print the settings to paste into the Shopify app's configuration (needs SHOPIFY_API_KEY and SHOPIFY_API_SECRET)")
    .option('--json', 'print one JSON object')
    .action((options: { json?: boolean }) => {
      const config = loadConfig();
      if (config.shopify === null) throw new CliError(SHOPIFY_NOT_CONFIGURED);
      const settings = shopifyAppSettings(config.publicUrl, config.shopify.scopes);
      output(Boolean(options.json), settings, () =>
        [
          'In the Shopify Partner Dashboard (or shopify.app.toml), set:',
          '',
          `  App URL               ${settings.app_url}`,
          `  Allowed redirect URL  ${settings.redirect_url}`,
          `  Access scopes         ${settings.scopes.join(',')}`,
          `  Webhooks              ${settings.webhook_url}`,
          `    topics              ${settings.webhook_topics.join(', ')}`,
          `    compliance          ${settings.compliance_topics.join(', ')}`,
          '',
          'A merchant installs the app from its install link; the store is linked to the Plaudit shop of its',
          'myshopify domain, or to a new one.',
        ].join('\n'),
      );
    });

  shopifyCommand
    .command('backfill')
    .description("import a linked store's products and orders changed in the last days through the Admin API")
    .requiredOption('--shop <shop_id>', 'the Plaudit shop the store is linked to')
    .option('--since <days>', 'how far back, as 90d or 90 (days)', '90d')
    .option('--json', 'print one JSON object (no progress bar)')
    .action(async (options: { shop: string; since: string; json?: boolean }) => {
      const config = loadConfig();
      if (config.shopify === null) throw new CliError(SHOPIFY_NOT_CONFIGURED);
      const days = /^(\d{1,4})d?$/.exec(options.since.trim());
      if (!days || Number(days[1]) < 1) throw new CliError('--since must be a number of days such as 90d');
      await withCurrentSchema(config, async (db) => {
        const shop = await findShopById(db.kysely, options.shop);
        if (!shop) throw new CliError(`shop ${options.shop} not found`);
        const link = await findLink(db.kysely, 'shopify', shop.id);
        if (!link || link.status !== 'active') throw new CliError(`shop ${shop.id} has no active Shopify store: install the app on the store first`);
        const bar = new SingleBar({ format: ' {kind}: {read} read, {applied} applied', stream: process.stderr, noTTYOutput: !options.json, notTTYSchedule: 5000, hideCursor: process.stderr.isTTY === true });
        if (!options.json) bar.start(0, 0, { kind: 'products', read: 0, applied: 0 });
        const since = unixSeconds(systemClock) - Number(days[1]) * 86_400;
        const result = await backfillShopify({ db, secretKey: config.secretKey!, clock: systemClock, config }, shop, link, since, (p) => {
          if (!options.json) bar.update(p.read, p);
        });
        if (!options.json) bar.stop();
        output(Boolean(options.json), result, () => `products: ${result.products.read} read, ${result.products.applied} applied\norders: ${result.orders.read} read, ${result.orders.applied} applied`);
      });
    });

  connect
    .command('woocommerce')
    .description("create (or replace) a shop's WooCommerce webhook secret and print the delivery URL and secret to paste into WooCommerce")
    .requiredOption('--shop <shop_id>', 'the Plaudit shop')
    .option('--json', 'print one JSON object: {url, secret, topics}')
    .action(async (options: { shop: string; json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const shop = await findShopById(db.kysely, options.shop);
        if (!shop) throw new CliError(`shop ${options.shop} not found`);
        const secret = await issueWooCommerceSecret(db.kysely, config.secretKey!, shop.id, unixSeconds(systemClock));
        const connection = { url: wooCommerceWebhookUrl(config.publicUrl, shop.id), secret, topics: ['order.created', 'order.updated', 'product.updated'] };
        output(Boolean(options.json), connection, () =>
          [
            `In WooCommerce → Settings → Advanced → Webhooks, add one webhook per topic (${connection.topics.join(', ')}):`,
            '',
            `  Delivery URL  ${connection.url}`,
            `  Secret        ${connection.secret}`,
            '  API version   WP REST API Integration v3',
            '',
            'The secret is shown only now; running this again replaces it (update the webhooks then).',
          ].join('\n'),
        );
      });
    });
}
