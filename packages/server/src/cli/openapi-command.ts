import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { generateOpenApiDocument } from './openapi-document.js';

export function registerOpenApiCommand(program: Command): void {
  program
    .command('openapi')
    .description('print the OpenAPI document generated from the routes (or write it with --out)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { out?: string }) => {
      const text = await generateOpenApiDocument();
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
}
