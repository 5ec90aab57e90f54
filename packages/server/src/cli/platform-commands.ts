import type { Command } from 'commander';
import { systemClock } from '../time/clock.js';
import { createPlatform, type PlatformCredentials, rotateClientSecret, summarizePlatforms } from '../platforms/platform-service.js';
import { asCliError, loadConfig, output, repeatable } from './runtime.js';
import { withCurrentSchema } from './pending-migrations.js';

function describeCredentials(platform: PlatformCredentials): string {
  return [
    `client_id:      ${platform.client_id}`,
    `client_secret:  ${platform.client_secret}`,
    `webhook_secret: ${platform.webhook_secret}`,
    '',
    'Give these to the platform over a secure channel; the secrets are shown only now.',
  ].join('\n');
}

export function registerPlatformCommands(program: Command): void {
  const platform = program.command('platform').description('register and manage partner platforms (OAuth2 clients)');

  platform
    .command('create')
    .description('register a platform and print its client id and secrets')
    .requiredOption('--name <name>', 'the name merchants see on the consent page')
    .requiredOption('--redirect-uri <uri>', 'an exact redirect URI (repeat for several)', repeatable, [])
    .option('--webhook-url <url>', 'where system webhooks (shop/authorized, shop/deauthorized) are sent')
    .option('--scopes <list>', 'scopes the platform may ask for, comma- or space-separated (default: all)')
    .option('--client-id <id>', 'a chosen client id (default: derived from the name)')
    .option('--json', 'print one JSON object')
    .action(async (options: { name: string; redirectUri: string[]; webhookUrl?: string; scopes?: string; clientId?: string; json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const created = await createPlatform(db.kysely, { secretKey: config.secretKey!, clock: systemClock }, { ...options, redirectUris: options.redirectUri }).catch(asCliError);
        output(Boolean(options.json), created, () => describeCredentials(created));
      });
    });

  platform
    .command('list')
    .description('list platforms (secrets are never listed)')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const platforms = await summarizePlatforms(db.kysely);
        output(Boolean(options.json), { platforms }, () =>
          platforms.length === 0
            ? 'no platforms yet: register one with `plaudit platform create --name <n> --redirect-uri <u>`'
            : platforms.map((p) => `${p.client_id}\t${p.name}\t${p.scopes.join(',')}\t${p.redirect_uris.join(' ')}`).join('\n'),
        );
      });
    });

  platform
    .command('rotate-secret')
    .description('replace the client secret; the old one stops working at once')
    .argument('<client_id>')
    .option('--json', 'print one JSON object')
    .action(async (clientId: string, options: { json?: boolean }) => {
      const config = loadConfig();
      await withCurrentSchema(config, async (db) => {
        const rotated = await rotateClientSecret(db.kysely, { secretKey: config.secretKey!, clock: systemClock }, clientId).catch(asCliError);
        output(Boolean(options.json), rotated, () => `client_id:     ${rotated.client_id}\nclient_secret: ${rotated.client_secret}\n\nThe old secret no longer works.`);
      });
    });
}
