/** "Now" for the server; tests inject a manual clock to expire holds or stand on a DST change. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that reads `start` at the moment `at` (epoch ms of this process's clock, default: now)
 * and then runs in real time (demos pinned to a date). Processes given the same `start` and `at`
 * keep one clock between them, however far apart they started.
 */
export function clockStartingAt(start: Date, at: number = Date.now()): Clock {
  const offset = start.getTime() - at;
  return () => new Date(Date.now() + offset);
}
