import { time } from '@selter/domain';

/**
 * The time the API decides with: it becomes `metadata.now` of every command, the only time the
 * domain knows. Token expiry is checked against real time, never against this clock.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/**
 * A clock an admin may set (API_CLOCK=adjustable, ADR 11): it keeps running from the instant it
 * was set to, so black-box tests can pass a registration deadline without waiting for it.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  set(instantMs: number): void {
    this.offsetMs = instantMs - Date.now();
  }
}

/** The clock's time as the domain reads instants: ISO-8601 in WIB (UTC+7). */
export const nowInstant = (clock: Clock): string => time.instantAt(clock.now());
