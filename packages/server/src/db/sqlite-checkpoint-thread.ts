import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What SQLite answers to `pragma wal_checkpoint`: frames in the WAL, and how many of them are now in the database file. */
export interface CheckpointResult {
  /** Another connection's checkpoint or lock kept this one from finishing. */
  readonly busy: boolean;
  readonly log: number;
  readonly checkpointed: number;
}

type Reply = { busy: number; log: number; checkpointed: number } | { error: string };

/**
 * The thread's whole program, as a string: a worker thread is loaded by Node itself, which cannot
 * load a TypeScript source (the tests run from sources). It opens its own connection to the file
 * and runs one PASSIVE checkpoint per message: it copies what it can and never waits for the
 * writer or a reader, so the writer on the main thread goes on committing meanwhile.
 */
const THREAD_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// Syncs the WAL before it copies and the database file after it, as the writer's setting asks.
db.pragma('synchronous = FULL');
const passive = db.prepare('pragma wal_checkpoint(PASSIVE)');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage(passive.get());
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/**
 * A worker thread that checkpoints one SQLite file on request (sqlite-checkpoints.ts decides
 * when). One request at a time; the thread holds the process open only while a request is out.
 */
export class CheckpointThread {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  #pending: { resolve: (result: CheckpointResult) => void; reject: (error: Error) => void } | undefined;
  #failure: Error | undefined;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(THREAD_PROGRAM, { eval: true, workerData: { driver, file } });
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    void this.#exited.then(() => this.#fail(new Error('the checkpoint thread ended')));
  }

  /** Runs one PASSIVE checkpoint in the thread; rejects if the thread failed or has ended. */
  checkpoint(): Promise<CheckpointResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#pending) return Promise.reject(new Error('a checkpoint is already running'));
    return new Promise<CheckpointResult>((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.ref();
      this.#worker.postMessage('checkpoint');
    });
  }

  /** Closes the thread's connection and waits for the thread to end. */
  async close(): Promise<void> {
    // Held open until the thread has ended: with nothing else to wait for (a server that could not
    // listen, closing on its way out), the process would otherwise exit here, code 0, mid-close.
    this.#worker.ref();
    if (this.#failure === undefined) this.#worker.postMessage('close');
    await this.#exited;
  }

  #settle(reply: Reply): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#worker.unref();
    if (pending === undefined) return;
    if ('error' in reply) pending.reject(new Error(`checkpoint failed: ${reply.error}`));
    else pending.resolve({ busy: reply.busy !== 0, log: reply.log, checkpointed: reply.checkpointed });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(this.#failure);
  }
}
