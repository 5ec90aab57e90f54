import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, decodeSecretKey, withSecretKey } from './config.js';

/**
 * The embedded default must start with zero setup, so on SQLite a missing SECRET_KEY is generated
 * once into DATA_DIR and reused on every later start (losing it makes stored private tokens
 * unreadable, which is why it sits beside the database it protects).
 */
export function ensureSecretKey(config: Config): Config {
  if (config.secretKey !== null) return config;
  const file = path.join(config.dataDir, 'secret.key');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(config.dataDir, { recursive: true });
    raw = randomBytes(32).toString('hex');
    writeFileSync(file, `${raw}\n`, { mode: 0o600, flag: 'wx' });
  }
  return withSecretKey(config, decodeSecretKey(raw, `SECRET_KEY (from ${file})`));
}
