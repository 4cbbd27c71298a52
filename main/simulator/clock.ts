// Time for the simulator, injectable so tests and scenarios can move it (lockouts, session expiry, budget reset).

export interface Clock {
  now(): number;
}

/** A clock that can be pushed forward: scenario hooks use it (e.g. to let a session expire). */
export interface SteerableClock extends Clock {
  advance(ms: number): void;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Stands still until told otherwise: deterministic tests. */
export class ManualClock implements SteerableClock {
  private current: number;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}

/**
 * Follows another clock plus an offset. Practice mode uses it over the system clock: real time keeps
 * flowing (a lockout really ends after five minutes), yet scenario hooks can still jump ahead.
 */
export class OffsetClock implements SteerableClock {
  private offset = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): number {
    return this.base.now() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}

export function isSteerable(clock: Clock): clock is SteerableClock {
  return typeof (clock as Partial<SteerableClock>).advance === 'function';
}
