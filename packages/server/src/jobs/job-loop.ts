/** One kind of background work the loop runs: webhook deliveries now, review-request e-mails later. */
export interface JobKind {
  readonly name: string;
  /** Does one batch of due work; answers how much it did (0 = nothing was due). */
  runOnce(): Promise<number>;
  /** For kinds that run work beside the loop (imports): waits for it; answers whether there was any. */
  settle?(): Promise<boolean>;
  /** Interrupts work running beside the loop and waits until it has let go. */
  stop?(): Promise<void>;
}

export interface JobLoopOptions {
  /** How long to sleep when nothing was due, unless nudged (default 250 ms). */
  idleMs?: number;
  onError?: (kind: string, error: unknown) => void;
}

/**
 * The worker loop of docs/architecture.md (the worker): runs every kind's batch while there is work, sleeps
 * briefly when there is none, and wakes at once when nudged (an API process in the same process
 * nudges it after committing events, so the first attempt follows the commit within milliseconds).
 * Several loops in several processes share the work through the kinds' claims.
 */
export class JobLoop {
  private running = false;
  private current: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private nudged = false;
  private readonly idleMs: number;

  constructor(
    private readonly kinds: JobKind[],
    private readonly options: JobLoopOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 250;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop();
  }

  /** Work may be due now: skip the rest of the idle sleep. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Runs every kind until none has anything due (tests, and `plaudit worker --once`). */
  async runUntilIdle(): Promise<void> {
    for (;;) {
      while ((await this.tick()) > 0);
      const settled = await Promise.all(this.kinds.map((kind) => kind.settle?.() ?? false));
      if (!settled.includes(true)) return;
    }
  }

  /**
   * Stops claiming new work and waits for the batch in flight, at most `timeoutMs`. Whatever is
   * still in flight after that keeps its claim only until the lease lapses, then is retried.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.wake?.();
    const stopped = Promise.all([this.current, ...this.kinds.map((kind) => kind.stop?.())]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([stopped, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  private async tick(): Promise<number> {
    let done = 0;
    for (const kind of this.kinds) {
      try {
        done += await kind.runOnce();
      } catch (error) {
        this.options.onError?.(kind.name, error);
      }
    }
    return done;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      const done = await this.tick();
      if (done > 0 || this.nudged || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.idleMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
