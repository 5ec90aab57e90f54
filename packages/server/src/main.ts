import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { registerDoctorCommand } from './cli/doctor-command.js';
import { registerExportCommand } from './cli/export-command.js';
import { registerImportCommand } from './cli/import-command.js';
import { registerMerchantCommands } from './cli/merchant-commands.js';
import { registerMigrateCommand } from './cli/migrate-command.js';
import { registerOpenApiCommand } from './cli/openapi-command.js';
import { registerPlatformCommands } from './cli/platform-commands.js';
import { CliError } from './cli/runtime.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerShopCommands } from './cli/shop-commands.js';
import { registerSignCommand } from './cli/sign-command.js';
import { registerWorkerCommand } from './cli/worker-command.js';
import { MigrationError } from './db/migrate.js';

// package.json sits one level above both src/ and dist/.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const program = new Command('plaudit')
  .description('Plaudit: self-hosted product reviews with a Trustoo-compatible partner API')
  .version(version, '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerWorkerCommand(program);
registerMigrateCommand(program);
registerShopCommands(program);
registerPlatformCommands(program);
registerMerchantCommands(program);
registerSignCommand(program);
registerImportCommand(program);
registerExportCommand(program);
registerDoctorCommand(program);
registerOpenApiCommand(program);

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
