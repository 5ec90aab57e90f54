/**
 * A read that costs system calls, shared by everyone who asks for it during one turn of the event
 * loop and done after all of them asked.
 *
 * SQLite's `pragma data_version` takes and drops two file locks and stats the file: three system
 * calls, a few microseconds alone, and on a busy virtual machine the largest single cost of a cached
 * read (28 % of a CPU profile of the bench's server answering signed `get_rating`). Under load one turn
 * of the event loop starts dozens of requests; each asks for the mark and waits, and the mark is read
 * once, in the turn's check phase, after every one of them asked. So every caller still gets a value
 * read at or after its own call, and a read that starts after a commit was acknowledged still sees
 * that commit: the sharing costs no freshness.
 */
export function readOncePerTurn<T>(read: () => T): () => Promise<T> {
  let waiting: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = [];
  const settle = () => {
    const callers = waiting;
    waiting = [];
    let value: T;
    try {
      value = read();
    } catch (error) {
      for (const caller of callers) caller.reject(error);
      return;
    }
    for (const caller of callers) caller.resolve(value);
  };
  return () =>
    new Promise<T>((resolve, reject) => {
      // The first caller of a turn schedules the read; setImmediate runs after the poll phase that
      // delivered this turn's requests.
      if (waiting.push({ resolve, reject }) === 1) setImmediate(settle);
    });
}
