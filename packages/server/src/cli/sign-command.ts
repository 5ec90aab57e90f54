import type { Command } from 'commander';
import { signRequest, signRequestV2 } from '../crypto/hmac-signature.js';
import { findShopById } from '../shops/shop-repository.js';
import { revealPrivateToken } from '../shops/shop-service.js';
import { CliError, loadConfig, withDatabase } from './runtime.js';
import { secondsOf } from '../time/clock.js';

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function registerSignCommand(program: Command): void {
  program
    .command('sign')
    .description("print a curl command for a request signed with a shop's private token (for trying the API)")
    .requiredOption('--shop <shop_id>', 'the shop whose tokens sign the request')
    .option('--data <json>', 'JSON body for a POST')
    .option('--sign-version <version>', 'signature recipe: 2 (method, path, raw query and body hash) or 1 (Trustoo-compatible)', '2')
    .argument('<method>', 'GET or POST')
    .argument('<url>', 'full URL, e.g. http://localhost:8080/api/v1/openapi/get_reviews?page=1')
    .action(async (method: string, url: string, options: { shop: string; data?: string; signVersion: string }) => {
      const verb = method.toUpperCase();
      if (verb !== 'GET' && verb !== 'POST') throw new CliError('method must be GET or POST');
      if (options.signVersion !== '1' && options.signVersion !== '2') throw new CliError('--sign-version must be 1 or 2');
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new CliError('url must be a full URL, e.g. http://localhost:8080/api/v1/openapi/get_reviews?page=1');
      }
      const config = loadConfig();
      await withDatabase(config, async (db) => {
        const shop = await findShopById(db.kysely, options.shop);
        if (!shop) throw new CliError(`shop ${options.shop} not found`);
        // The query and path exactly as curl will send them: the URL parser's serialisation.
        const rawQuery = parsed.search.slice(1);
        const timestamp = String(secondsOf(Date.now()));
        const body = verb === 'POST' ? (options.data ?? '{}') : '';
        if (verb === 'POST') warnUnlessJson(body);
        const key = revealPrivateToken(config.secretKey!, shop);
        const sign =
          options.signVersion === '2'
            ? signRequestV2(key, { method: verb, rawPath: parsed.pathname, rawQuery, timestamp, rawBody: body })
            : signRequest(key, rawQuery, timestamp, body);
        const parts = [
          'curl -sS',
          verb === 'POST' ? '-X POST -H "Content-Type: application/json"' : '',
          `-H ${shellQuote(`Public-Token: ${shop.public_token}`)}`,
          `-H "Timestamp: ${timestamp}"`,
          options.signVersion === '2' ? '-H "Sign-Version: 2"' : '',
          `-H "Sign: ${sign}"`,
          verb === 'POST' ? `--data-raw ${shellQuote(body)}` : '',
          shellQuote(parsed.href),
        ];
        process.stdout.write(`${parts.filter(Boolean).join(' ')}\n`);
      });
    });
}

/** Signs what it is given (a test of the error answer may want malformed JSON), but says so. */
function warnUnlessJson(body: string): void {
  try {
    JSON.parse(body);
  } catch (error) {
    process.stderr.write(`plaudit: warning: --data is not valid JSON (${(error as Error).message}); signed as given, the API will answer code 3\n`);
  }
}
