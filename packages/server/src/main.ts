import { Command, CommanderError } from 'commander';
import { CliError } from './cli/runtime.js';
import { PLAUDIT_VERSION } from './config/version.js';
import { MigrationError } from './db/migrate.js';

const program = new Command('plaudit')
  .description('Plaudit: self-hosted product reviews with a Trustoo-compatible partner API')
  .version(PLAUDIT_VERSION, '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: `plaudit shop list` does not load the
 * HTTP server, the API reference or the image library, and answers in less than half the time. Help and
 * unknown commands load them all, in this order, so `plaudit --help` lists every command; the version
 * needs none.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./cli/serve-command.js')).registerServeCommand,
  worker: async () => (await import('./cli/worker-command.js')).registerWorkerCommand,
  migrate: async () => (await import('./cli/migrate-command.js')).registerMigrateCommand,
  shop: async () => (await import('./cli/shop-commands.js')).registerShopCommands,
  platform: async () => (await import('./cli/platform-commands.js')).registerPlatformCommands,
  connect: async () => (await import('./cli/connect-commands.js')).registerConnectCommands,
  merchant: async () => (await import('./cli/merchant-commands.js')).registerMerchantCommands,
  customer: async () => (await import('./cli/customer-commands.js')).registerCustomerCommands,
  sign: async () => (await import('./cli/sign-command.js')).registerSignCommand,
  import: async () => (await import('./cli/import-command.js')).registerImportCommand,
  export: async () => (await import('./cli/export-command.js')).registerExportCommand,
  doctor: async () => (await import('./cli/doctor-command.js')).registerDoctorCommand,
  openapi: async () => (await import('./cli/openapi-command.js')).registerOpenApiCommand,
};

const asked = process.argv[2] ?? '';
const VERSION_FLAGS = ['-V', '--version'];
const needed = Object.hasOwn(COMMANDS, asked) ? [COMMANDS[asked]!] : VERSION_FLAGS.includes(asked) ? [] : Object.values(COMMANDS);
for (const load of needed) (await load())(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof CliError || error instanceof MigrationError) {
    process.stderr.write(`plaudit: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
