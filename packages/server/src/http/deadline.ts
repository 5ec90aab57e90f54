import { ApiError, Code } from './errors.js';

export function deadlineExceeded(timeoutMs: number): ApiError {
  return new ApiError(Code.deadlineExceeded, `the request ran past the ${Math.round(timeoutMs / 1000)} s server deadline; nothing was changed`);
}

/**
 * Answers code 4 when `work` is not done by the deadline (docs/reference/conventions.md §4.3). The work itself is not
 * interrupted; writes check the deadline again before committing, so a late write rolls back.
 */
export async function withinDeadline<T>(work: Promise<T>, deadlineAt: number, timeoutMs: number, canExpire: () => boolean = () => true): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    // Once a write has started to commit, the answer waits for it: saying "nothing was changed"
    // while the commit goes through would be a lie.
    timer = setTimeout(() => {
      if (canExpire()) reject(deadlineExceeded(timeoutMs));
    }, Math.max(0, deadlineAt - performance.now()));
  });
  // The losing side of the race must not become an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
