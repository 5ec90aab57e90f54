import { createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { parseTimeInput } from '../time/time-format.js';
import { findShopById } from '../shops/shop-repository.js';
import { exportReviews, type ExportFormat } from '../review-csv/review-export.js';
import { withCurrentSchema } from './pending-migrations.js';
import { CliError, loadConfig } from './runtime.js';

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean);

function flag(name: string, value: string | undefined): 0 | 1 | undefined {
  if (value === undefined) return undefined;
  if (value !== '0' && value !== '1') throw new CliError(`--${name} must be 0 or 1`);
  return Number(value) as 0 | 1;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description("export a shop's reviews as CSV (Plaudit's import layout) or JSON Lines, with get_reviews' filters")
    .requiredOption('--shop <shop_id>', 'the shop to export')
    .option('--format <format>', 'csv or jsonl', 'csv')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--product-ids <ids>', 'comma-separated product ids ("0" = store reviews)')
    .option('--ratings <ratings>', 'comma-separated ratings, e.g. 4,5')
    .option('--sources <sources>', 'comma-separated sources')
    .option('--keyword <text>', 'substring of title, content or author')
    .option('--is-published <0|1>', 'only published (1) or unpublished (0)')
    .option('--has-media <0|1>', 'only with (1) or without (0) media')
    .option('--updated-since <time>', 'only reviews updated at or after this time')
    .option('--include-deleted', 'include deleted reviews as tombstones')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const format = options.format as string;
      if (format !== 'csv' && format !== 'jsonl') throw new CliError('--format must be csv or jsonl');
      const ratings = list(options.ratings as string | undefined)?.map(Number);
      if (ratings?.some((r) => !Number.isInteger(r) || r < 1 || r > 5)) throw new CliError('--ratings must be integers from 1 to 5');
      const updatedSince = options.updatedSince === undefined ? undefined : parseTimeInput(options.updatedSince as string);
      if (updatedSince === null) throw new CliError('--updated-since must be a time such as 2026-06-01 or 2026-06-01 08:00:00');
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        if (!(await findShopById(db.kysely, options.shop as string))) throw new CliError(`shop ${String(options.shop)} not found`);
        const tally = { reviews: 0 };
        const chunks = exportReviews(
          db.kysely,
          options.shop as string,
          {
            productIds: list(options.productIds as string | undefined),
            ratings,
            sources: list(options.sources as string | undefined),
            keyword: options.keyword as string | undefined,
            isPublished: flag('is-published', options.isPublished as string | undefined),
            hasMedia: flag('has-media', options.hasMedia as string | undefined),
            updatedSince,
            includeDeleted: options.includeDeleted === true,
          },
          format as ExportFormat,
          undefined,
          tally,
        );
        const out = options.out as string | undefined;
        await pipeline(Readable.from(chunks), out ? createWriteStream(out) : process.stdout);
        // With --out, stdout is free to say what was written (without it, stdout is the export itself).
        if (out) process.stdout.write(`${tally.reviews} review${tally.reviews === 1 ? '' : 's'} written to ${out} (${format}, ${statSync(out).size} bytes)\n`);
      });
    });
}
