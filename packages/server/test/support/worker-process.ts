import { type RunningServer, startPlaudit } from './cli.js';

/** Starts `plaudit worker` and resolves once it runs. */
export function startWorker(env: Record<string, string>): Promise<RunningServer> {
  return startPlaudit('worker', ['worker'], { LOG_LEVEL: 'info', ...env }, /background worker started/);
}

/** Lets a worker work a random while, then SIGKILLs it. */
export async function killWorkerMidway(env: Record<string, string>, workMs: number): Promise<void> {
  const { child, exited } = await startWorker(env);
  await new Promise((resolve) => setTimeout(resolve, workMs));
  child.kill('SIGKILL');
  await exited;
}
