import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { eraseCustomerDataNow, type ErasureMode } from '../data-subjects/erase-customer-data.js';
import { exportCustomerData } from '../data-subjects/export-customer-data.js';
import type { SubjectSelector } from '../data-subjects/person.js';
import { findShopById } from '../shops/shop-repository.js';
import { storageFor } from '../storage/storage-for-config.js';
import { systemClock } from '../time/clock.js';
import { withCurrentSchema } from './pending-migrations.js';
import { asCliError, CliError, loadConfig, output } from './runtime.js';

interface PersonOptions {
  shop: string;
  email?: string;
  customerId?: string;
}

const personOptions = (command: Command) =>
  command
    .requiredOption('--shop <shop_id>', 'the shop whose data it is')
    .option('--email <address>', 'the person, by e-mail address')
    .option('--customer-id <id>', 'the person, by the store platform\'s customer id');

const selectorOf = (options: PersonOptions): SubjectSelector => ({ email: options.email, customerId: options.customerId });

/** Data-subject requests (docs/privacy.md §4) for operators answering a shopper directly or a store platform's request. */
export function registerCustomerCommands(program: Command): void {
  const customer = program.command('customer').description("answer a shopper's data request: a copy of their data, or its erasure");

  personOptions(customer.command('export'))
    .description('print (or write) everything the shop holds about one person, as JSON')
    .option('--out <file>', 'write the JSON to this file instead of standard output')
    .action(async (options: PersonOptions & { out?: string }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        if (!(await findShopById(db.kysely, options.shop))) throw new CliError(`shop ${options.shop} not found`);
        const data = await exportCustomerData(db.kysely, options.shop, selectorOf(options)).catch(asCliError);
        const json = `${JSON.stringify(data, null, 2)}\n`;
        if (options.out === undefined) process.stdout.write(json);
        else await writeFile(options.out, json, { mode: 0o600 });
      });
    });

  personOptions(customer.command('erase'))
    .description('erase one person: anonymize keeps their reviews under "Anonymous", delete removes them and their media')
    .requiredOption('--mode <mode>', 'anonymize or delete')
    .option('--json', 'print one JSON object')
    .action(async (options: PersonOptions & { mode: string; json?: boolean }) => {
      if (options.mode !== 'anonymize' && options.mode !== 'delete') throw new CliError('--mode must be anonymize or delete');
      const mode: ErasureMode = options.mode;
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        if (!(await findShopById(db.kysely, options.shop))) throw new CliError(`shop ${options.shop} not found`);
        const summary = await eraseCustomerDataNow({ db, storage: storageFor(config.storage) }, options.shop, { ...selectorOf(options), mode }, systemClock.now()).catch(asCliError);
        output(Boolean(options.json), summary, () =>
          `${mode === 'delete' ? 'deleted' : 'anonymized'} ${summary.reviews} reviews and ${summary.media_files} media files; cleared ${summary.orders} orders; deleted ${summary.events} events and ${summary.customers} customer records`,
        );
      });
    });
}
