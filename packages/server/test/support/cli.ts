import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cliEntry, repoRoot } from './cli-entry.js';

/** Runs the CLI (from a build of these very sources, or from them: cli-entry.ts). */
export function plaudit(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...cliEntry(), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking this process: for commands that talk to servers the test itself runs
 * (a webhook receiver cannot answer while spawnSync holds the event loop).
 */
export function plauditAsync(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...cliEntry(), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout, stderr })));
}

export interface RunningServer {
  child: ChildProcess;
  output: () => string;
  /** The exit code, once the process has exited (null after a signal). */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** Starts `plaudit serve [extra args]` and resolves once it printed `marker`. */
export function startServer(env: Record<string, string>, marker: RegExp, extraArgs: string[] = []): Promise<RunningServer> {
  return startPlaudit('server', ['serve', ...extraArgs], { LOG_LEVEL: 'warn', ...env }, marker);
}

/**
 * Starts a long-running `plaudit` command (serve, worker) and resolves once its output matches
 * `marker`; rejects, naming it `name`, when it exits first or stays silent for 30 s.
 */
export async function startPlaudit(name: string, args: string[], env: Record<string, string>, marker: RegExp): Promise<RunningServer> {
  const child = spawn(process.execPath, [...cliEntry(), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 30_000);
    const check = () => {
      if (marker.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${name} exited:\n${output}`));
    });
  });
  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
