import type { Command } from 'commander';
import { createMerchant } from '../merchants/merchant-service.js';
import { systemClock } from '../time/clock.js';
import { asCliError, loadConfig, output, repeatable } from './runtime.js';
import { withCurrentSchema } from './pending-migrations.js';

export function registerMerchantCommands(program: Command): void {
  const merchant = program.command('merchant').description('create merchant accounts (people who sign in to the console)');

  merchant
    .command('create')
    .description('create a merchant who can sign in and act for the given shops')
    .requiredOption('--email <email>', 'the sign-in e-mail')
    .requiredOption('--password <password>', 'at least 10 characters')
    .requiredOption('--shop <shop_id>', 'a shop this merchant runs (repeat for several)', repeatable, [])
    .option('--json', 'print one JSON object')
    .action(async (options: { email: string; password: string; shop: string[]; json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const created = await createMerchant(db.kysely, systemClock, { email: options.email, password: options.password, shopIds: options.shop }).catch(asCliError);
        output(Boolean(options.json), created, () => `merchant ${created.merchant_id} <${created.email}> can sign in at ${config.publicUrl}/console/login`);
      });
    });
}
