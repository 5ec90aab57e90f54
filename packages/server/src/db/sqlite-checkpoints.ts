import type SQLite from 'better-sqlite3';
import { CheckpointThread } from './sqlite-checkpoint-thread.js';

/** SQLite's own checkpoint point, which the writer returns to if the thread fails. */
const SQLITE_AUTOCHECKPOINT_FRAMES = 1000;
/** Before the writer pauses, copies beside the writes go on until one copied fewer frames than this… */
const CAUGHT_UP_FRAMES = 256;
/** …or this many copies were made (writes outpacing the copies). */
const MAX_CATCH_UP_PASSES = 4;

export interface CheckpointOptions {
  /** While writes go on, a checkpoint starts at most this long after the last one ended (default 100 ms). */
  pauseMs?: number;
  /**
   * Past this many frames in the WAL the writer pauses so that the WAL starts over from its top
   * (default 16,384: 64 MiB of 4 KiB pages). Each pause held writes for 7 to 83 ms in the
   * benchmark; a quarter of this bound paused three times as often for the same throughput.
   */
  restartFrames?: number;
}

/** What the group-commit driver lends the checkpoints: its commits, and a moment without a write. */
export interface WriterHooks {
  onCommit(listener: () => void): void;
  whileIdle<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * SQLite copies the WAL back into the database file (a checkpoint) on the connection whose commit
 * took the WAL past 1,000 pages, inside that COMMIT. On the writer that is the event loop: under
 * a stream of new reviews, 8 % of commits each stopped every request of the process for 10 to
 * 300 ms, and together they were half the time spent committing. Here the writer never
 * checkpoints (`wal_autocheckpoint = 0`); a thread of its own does, beside the writes, after
 * commits and at most every `pauseMs`.
 *
 * SQLite starts the WAL over from its top only when a write begins with every frame already
 * copied, which under steady writes a checkpoint beside them never achieves, so the WAL would grow
 * without end. Past `restartFrames` the writer is therefore paused for one more checkpoint, which
 * has only the frames since the last to copy; the next write starts the WAL over. The pause
 * holds back writes, not the event loop.
 */
export class BackgroundCheckpoints {
  #running: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastEnded = Number.NEGATIVE_INFINITY;
  /** A commit came while a checkpoint ran: its frames wait for the next one. */
  #behind = false;
  #stopped = false;
  readonly #pauseMs: number;
  readonly #restartFrames: number;

  private constructor(
    private readonly thread: CheckpointThread,
    private readonly writer: WriterHooks,
    private readonly onFailure: (error: Error) => void,
    options: CheckpointOptions,
  ) {
    this.#pauseMs = options.pauseMs ?? 100;
    this.#restartFrames = options.restartFrames ?? 16_384;
  }

  /** Takes checkpoints off `database`'s writer connection for as long as the thread works. */
  static start(database: SQLite.Database, file: string, writer: WriterHooks, options: CheckpointOptions = {}): BackgroundCheckpoints {
    database.pragma('wal_autocheckpoint = 0');
    const checkpoints = new BackgroundCheckpoints(new CheckpointThread(file), writer, (error) => {
      if (checkpoints.#stopped) return;
      // Without its thread the WAL would grow without end: SQLite checkpoints on the writer again.
      checkpoints.#stopped = true;
      database.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_FRAMES}`);
      process.emitWarning(`SQLite checkpoints are back on the event loop: ${error.message}`, 'PlauditCheckpointWarning');
    }, options);
    writer.onCommit(() => checkpoints.#committed());
    return checkpoints;
  }

  /** Waits for the checkpoint in flight and ends the thread; the last connection to close checkpoints the rest. */
  async close(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    await this.thread.close();
  }

  #committed(): void {
    if (this.#stopped || this.#timer !== undefined) return;
    if (this.#running !== undefined) {
      this.#behind = true;
      return;
    }
    const wait = this.#lastEnded + this.#pauseMs - performance.now();
    if (wait <= 0) {
      this.#start();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#stopped) this.#start();
    }, wait);
    this.#timer.unref();
  }

  #start(): void {
    this.#behind = false;
    this.#running = this.#checkpoint()
      .catch((error: Error) => this.onFailure(error))
      .finally(() => {
        this.#running = undefined;
        this.#lastEnded = performance.now();
        if (this.#behind) this.#committed();
      });
  }

  async #checkpoint(): Promise<void> {
    let beside = await this.thread.checkpoint();
    if (beside.log < this.#restartFrames) return;
    // The pause lasts as long as its copy, and that copy is of the frames written during the last
    // copy beside the writes: copies beside them go on until one had little to copy.
    for (let pass = 0; pass < MAX_CATCH_UP_PASSES; pass += 1) {
      const next = await this.thread.checkpoint();
      const copied = next.log - beside.log;
      beside = next;
      if (copied < CAUGHT_UP_FRAMES) break;
    }
    await this.writer.whileIdle(() => this.thread.checkpoint());
  }
}
