import { type RunningServer, startPlaudit } from './cli.js';

/** Starts `plaudit worker` and resolves once it runs. */
export function startWorker(env: Record<string, string>): Promise<RunningServer> {
  return startPlaudit('worker', ['worker'], { LOG_LEVEL: 'info', ...env }, /background worker started/);
}

/**
 * Starts a worker, lets it work `workMs`, then SIGKILLs it. With `after`, the `workMs` count from
 * the moment `after` resolves (say, the worker's first request reached the receiver) rather than
 * from start-up, so the kill lands mid-send however slowly the machine starts the worker.
 */
export async function killWorkerMidway(env: Record<string, string>, workMs: number, after?: () => Promise<void>): Promise<void> {
  const { child, exited } = await startWorker(env);
  try {
    await after?.();
    await new Promise((resolve) => setTimeout(resolve, workMs));
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}
