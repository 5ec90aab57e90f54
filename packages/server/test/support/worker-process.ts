import { spawn } from 'node:child_process';
import { cliEntry, repoRoot } from './cli-entry.js';

/** Starts `plaudit worker` and resolves once it runs. */
export async function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, [...cliEntry(), 'worker'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('background worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`worker exited early:\n${output}`));
    });
  });
  return { child, exited: exited.then(() => child.exitCode) };
}

/** Lets a worker work a random while, then SIGKILLs it. */
export async function killWorkerMidway(env: Record<string, string>, workMs: number): Promise<void> {
  const { child, exited } = await startWorker(env);
  await new Promise((resolve) => setTimeout(resolve, workMs));
  child.kill('SIGKILL');
  await exited;
}
