import type { Command } from 'commander';
import { findShopById } from '../shops/shop-repository.js';
import { issueWooCommerceSecret } from '../store-links/connector-links.js';
import { systemClock, unixSeconds } from '../time/clock.js';
import { CliError, loadConfig, output } from './runtime.js';
import { withCurrentSchema } from './pending-migrations.js';

/** The address WooCommerce posts a shop's webhooks to (docs/connectors.md). */
export function wooCommerceWebhookUrl(publicUrl: string, shopId: string): string {
  return `${publicUrl}/connectors/woocommerce/webhooks/${encodeURIComponent(shopId)}`;
}

export function registerConnectCommands(program: Command): void {
  const connect = program.command('connect').description('connect a shop to its store platform, so orders and products flow in without code');

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
