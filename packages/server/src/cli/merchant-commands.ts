import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { addShopsToMerchant, createMerchant, resetMerchantPassword } from '../merchants/merchant-service.js';
import { systemClock } from '../time/clock.js';
import { asCliError, loadConfig, output, repeatable } from './runtime.js';
import { withCurrentSchema } from './pending-migrations.js';

/** 128 random bits, readable and safe to paste. */
const randomPassword = () => randomBytes(16).toString('base64url');

export function registerMerchantCommands(program: Command): void {
  const merchant = program.command('merchant').description('create merchant accounts (people who sign in to the console), reset their passwords, give them shops');

  merchant
    .command('create')
    .description('create a merchant who can sign in and act for the given shops (a random password, printed once, unless --password is given)')
    .requiredOption('--email <email>', 'the sign-in e-mail')
    .option('--password <password>', 'at least 10 characters (default: 22 random characters)')
    .requiredOption('--shop <shop_id>', 'a shop this merchant runs (repeat for several)', repeatable, [])
    .option('--json', 'print one JSON object')
    .action(async (options: { email: string; password?: string; shop: string[]; json?: boolean }) => {
      const config = loadConfig();
      const password = options.password ?? randomPassword();
      await withCurrentSchema(config, async (db) => {
        const created = await createMerchant(db.kysely, systemClock, { email: options.email, password, shopIds: options.shop }).catch(asCliError);
        const shown = options.password === undefined ? { ...created, password } : created;
        output(Boolean(options.json), shown, () =>
          [`merchant ${created.merchant_id} <${created.email}> can sign in at ${config.publicUrl}/console/login`, options.password === undefined ? `  password  ${password}   (shown once)` : ''].filter(Boolean).join('\n'),
        );
      });
    });

  merchant
    .command('reset-password')
    .description("set a merchant's password (a random one, printed once, unless --password is given) and sign them out everywhere")
    .requiredOption('--email <email>', 'the sign-in e-mail')
    .option('--password <password>', 'the new password, at least 10 characters (default: 22 random characters)')
    .option('--json', 'print one JSON object')
    .action(async (options: { email: string; password?: string; json?: boolean }) => {
      const config = loadConfig();
      const password = options.password ?? randomPassword();
      await withCurrentSchema(config, async (db) => {
        const reset = await resetMerchantPassword(db.kysely, systemClock, options.email, password).catch(asCliError);
        const shown = options.password === undefined ? { ...reset, password } : reset;
        output(Boolean(options.json), shown, () =>
          [`merchant ${reset.merchant_id} <${reset.email}> has a new password; every session was ended`, options.password === undefined ? `  password  ${password}   (shown once)` : '', `  sign in at ${config.publicUrl}/console/login`].filter(Boolean).join('\n'),
        );
      });
    });

  merchant
    .command('add-shop')
    .description('let an existing merchant act for more shops')
    .requiredOption('--email <email>', 'the sign-in e-mail')
    .requiredOption('--shop <shop_id>', 'a shop to add (repeat for several)', repeatable, [])
    .option('--json', 'print one JSON object')
    .action(async (options: { email: string; shop: string[]; json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const added = await addShopsToMerchant(db.kysely, options.email, options.shop).catch(asCliError);
        output(Boolean(options.json), added, () => `merchant ${added.merchant_id} <${added.email}> can now act for ${added.shop_ids.join(', ')}`);
      });
    });
}
