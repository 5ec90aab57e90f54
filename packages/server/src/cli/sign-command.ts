import type { Command } from 'commander';
import { signRequest } from '../http/hmac-signature.js';
import { findShopById } from '../shops/shop-repository.js';
import { revealPrivateToken } from '../shops/shop-service.js';
import { CliError, loadConfig, withDatabase } from './runtime.js';

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function registerSignCommand(program: Command): void {
  program
    .command('sign')
    .description("print a curl command for a request signed with a shop's private token (for trying the API)")
    .requiredOption('--shop <shop_id>', 'the shop whose tokens sign the request')
    .option('--data <json>', 'JSON body for a POST')
    .argument('<method>', 'GET or POST')
    .argument('<url>', 'full URL, e.g. http://localhost:8080/api/v1/openapi/get_reviews?page=1')
    .action(async (method: string, url: string, options: { shop: string; data?: string }) => {
      const verb = method.toUpperCase();
      if (verb !== 'GET' && verb !== 'POST') throw new CliError('method must be GET or POST');
      const config = loadConfig();
      await withDatabase(config, async (db) => {
        const shop = await findShopById(db.kysely, options.shop);
        if (!shop) throw new CliError(`shop ${options.shop} not found`);
        const rawQuery = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
        const timestamp = String(Math.floor(Date.now() / 1000));
        const body = verb === 'POST' ? (options.data ?? '{}') : '';
        const sign = signRequest(revealPrivateToken(config.secretKey!, shop), rawQuery, timestamp, body);
        const parts = [
          'curl -sS',
          verb === 'POST' ? '-X POST -H "Content-Type: application/json"' : '',
          `-H ${shellQuote(`Public-Token: ${shop.public_token}`)}`,
          `-H "Timestamp: ${timestamp}"`,
          `-H "Sign: ${sign}"`,
          verb === 'POST' ? `--data-raw ${shellQuote(body)}` : '',
          shellQuote(url),
        ];
        process.stdout.write(`${parts.filter(Boolean).join(' ')}\n`);
      });
    });
}
