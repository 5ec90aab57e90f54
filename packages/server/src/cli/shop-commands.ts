import type { Command } from 'commander';
import { systemClock } from '../time/clock.js';
import { findShopById } from '../shops/shop-repository.js';
import { createShop, revealPrivateToken, rotatePrivateToken, type ShopCredentials, summarizeShops } from '../shops/shop-service.js';
import { asCliError, CliError, loadConfig, output } from './runtime.js';
import { withCurrentSchema } from './pending-migrations.js';
import { eraseShop } from '../data-subjects/erase-shop.js';
import { storageFor } from '../storage/storage-for-config.js';

function describeCredentials(shop: ShopCredentials): string {
  return [
    `shop_id:       ${shop.shop_id}`,
    `domain:        ${shop.domain}`,
    `name:          ${shop.name}`,
    `public_token:  ${shop.public_token}`,
    `private_token: ${shop.private_token}`,
    '',
    'Keep the private token secret: it signs API requests and is shown only now.',
  ].join('\n');
}

export function registerShopCommands(program: Command): void {
  const shop = program.command('shop').description('create and manage shops and their API tokens');

  shop
    .command('create')
    .description('create a shop and print its public and private tokens')
    .requiredOption('--domain <domain>', 'the shop domain, e.g. maple-and-co.myshopify.com')
    .requiredOption('--name <name>', 'the shop name')
    .option('--id <store id>', "the store platform's shop id (default: a generated numeric id)")
    .option('--json', 'print one JSON object')
    .action(async (options: { domain: string; name: string; id?: string; json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const created = await createShop(db.kysely, { secretKey: config.secretKey!, clock: systemClock }, options).catch(asCliError);
        output(Boolean(options.json), created, () => describeCredentials(created));
      });
    });

  shop
    .command('list')
    .description('list shops (private tokens are never listed)')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const shops = await summarizeShops(db.kysely);
        output(Boolean(options.json), { shops }, () =>
          shops.length === 0 ? 'no shops yet: create one with `plaudit shop create --domain <d> --name <n>`' : shops.map((s) => `${s.shop_id}\t${s.domain}\t${s.name}\t${s.public_token}\t${s.status}`).join('\n'),
        );
      });
    });

  shop
    .command('show')
    .description('show one shop; --reveal-private-token also prints its signing key')
    .argument('<shop_id>')
    .option('--reveal-private-token', 'print the private token (treat the output as a secret)')
    .option('--json', 'print one JSON object')
    .action(async (shopId: string, options: { revealPrivateToken?: boolean; json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const row = await findShopById(db.kysely, shopId);
        if (!row) throw new CliError(`shop ${shopId} not found`);
        const shown = {
          shop_id: row.id,
          domain: row.domain,
          name: row.name,
          public_token: row.public_token,
          status: row.status,
          ...(options.revealPrivateToken ? { private_token: revealPrivateToken(config.secretKey!, row) } : {}),
        };
        output(Boolean(options.json), shown, () => Object.entries(shown).map(([k, v]) => `${`${k}:`.padEnd(15)}${v}`).join('\n'));
      });
    });

  shop
    .command('rotate-private-token')
    .description('replace the private token; the old one stops working at once')
    .argument('<shop_id>')
    .option('--json', 'print one JSON object')
    .action(async (shopId: string, options: { json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const rotated = await rotatePrivateToken(db.kysely, { secretKey: config.secretKey!, clock: systemClock }, shopId).catch(asCliError);
        output(Boolean(options.json), rotated, () => describeCredentials(rotated));
      });
    });

  shop
    .command('erase')
    .description("delete the shop and all of its data and media for good (Shopify's shop/redact; docs/privacy.md)")
    .argument('<shop_id>')
    .option('--yes', 'confirm: without it nothing is deleted')
    .action(async (shopId: string, options: { yes?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const row = await findShopById(db.kysely, shopId);
        if (!row) throw new CliError(`shop ${shopId} not found`);
        if (!options.yes) throw new CliError(`this deletes shop ${row.id} (${row.domain}, ${row.name}) with every review, order, customer and file, and cannot be undone; run again with --yes`);
        await eraseShop({ db, storage: storageFor(config.storage) }, shopId);
        process.stdout.write(`erased shop ${row.id} (${row.domain})\n`);
      });
    });
}
