// The time as core code sees it. Deadlines, retention, salts and job schedules
// read this clock, so a test can move it forward instead of waiting.
export interface Clock {
  now(): Date;
}

export class MovableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this clock (never the system's) forward; for tests and the CLI's dry runs. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
