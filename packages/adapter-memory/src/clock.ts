/** "Now" for the memory backend. Injected so tests can stand on a DST change or expire a hold. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export interface ManualClock {
  now: Clock;
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
  set(instant: Date | string): void;
}

export function createManualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (instant) => {
      current = new Date(instant).getTime();
    },
  };
}
