import { MediaUrls } from '../media/media-urls.js';
import { createReadStream, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemClock } from '../time/clock.js';
import { findShopById } from '../shops/shop-repository.js';
import { IMPORT_FORMATS, isImportFormat } from '../review-csv/csv-formats.js';
import { BULK_IMPORT_CONNECTION, ImportFileError, importReviews, type Rejection } from '../review-csv/review-import.js';
import { withCurrentSchema } from './pending-migrations.js';
import { CliError, loadConfig, output } from './runtime.js';

const SHOWN_REJECTIONS = 20;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import reviews from a CSV export (Plaudit, Judge.me or Yotpo); re-running skips what is already imported')
    .argument('<file>', 'the CSV file (UTF-8)')
    .requiredOption('--shop <shop_id>', 'the shop to import into')
    .option('--format <format>', `the file's layout: ${IMPORT_FORMATS.join(', ')}`, 'plaudit')
    .option('--dry-run', 'check every row and report, without writing')
    .option('--json', 'print one JSON object (no progress bar)')
    .option('--allow-rejects', 'exit 0 even when some rows were rejected (default: exit 2, so scripts notice)')
    .action(async (file: string, options: { shop: string; format: string; dryRun?: boolean; json?: boolean; allowRejects?: boolean }) => {
      const format = options.format;
      if (!isImportFormat(format)) throw new CliError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`cannot read ${file}`);
      }
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const shop = await findShopById(db.kysely, options.shop);
        if (!shop) throw new CliError(`shop ${options.shop} not found`);
        const interactive = !options.json && process.stderr.isTTY === true;
        const bar = new SingleBar({
          format: ' {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted} | {imported} imported, {skipped} skipped, {rejected} rejected',
          stream: process.stderr,
          noTTYOutput: !options.json,
          notTTYSchedule: 5000,
          hideCursor: interactive,
        });
        const started = performance.now();
        const shown: Rejection[] = [];
        if (!options.json) bar.start(size, 0, { rows: 0, rate: 0, imported: 0, skipped: 0, rejected: 0 });
        try {
          const summary = await importReviews(db.kysely, shop, createReadStream(file), {
            format,
            dryRun: Boolean(options.dryRun),
            mediaUrls: MediaUrls.of(config),
            clock: systemClock,
            onRejection: (rejection) => {
              if (shown.length < SHOWN_REJECTIONS) shown.push(rejection);
            },
            onProgress: (p) => {
              if (!options.json) bar.update(p.bytes, { rows: p.rows, rate: Math.round(p.rows / ((performance.now() - started) / 1000)), imported: p.imported, skipped: p.skipped, rejected: p.rejected });
            },
          });
          if (!options.json) {
            bar.update(size, { rows: summary.rows, imported: summary.imported, skipped: summary.skipped, rejected: summary.rejected });
            bar.stop();
          }
          const seconds = (performance.now() - started) / 1000;
          output(Boolean(options.json), { ...summary, seconds: Number(seconds.toFixed(2)) }, () =>
            [
              `${summary.rows} rows in ${seconds.toFixed(1)} s: ${summary.imported} ${summary.dry_run ? 'would be imported' : 'imported'}, ${summary.skipped} already there, ${summary.rejected} rejected`,
              ...shown.sort((a, b) => a.line - b.line).map((r) => `  line ${r.line}: ${r.reasons.join('; ')}`),
              summary.rejected > shown.length ? `  … and ${summary.rejected - shown.length} more (use --json for the first 1,000)` : '',
              summary.rejected > 0 && !options.allowRejects ? `exit status 2: ${summary.rejected} row${summary.rejected === 1 ? ' was' : 's were'} rejected (--allow-rejects exits 0)` : '',
            ].filter(Boolean).join('\n'),
          );
          // A script that imports must notice rejected rows; the rest of the file is in either way.
          if (summary.rejected > 0 && !options.allowRejects) process.exitCode = 2;
        } catch (error) {
          if (!options.json) bar.stop();
          if (error instanceof ImportFileError) throw new CliError(error.message);
          throw error;
        }
      }, BULK_IMPORT_CONNECTION);
    });
}
