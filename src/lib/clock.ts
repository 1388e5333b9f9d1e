// The time as core code sees it. Deadlines, retention, salts and job schedules
// read this clock, so a test can move it forward instead of waiting.
export interface Clock {
  now(): Date;
}

export class MovableClock implements Clock {
  /** The offset in milliseconds, in memory a worker thread can share (see src/jobs/thread.ts): both read one time. */
  readonly shared: SharedArrayBuffer;
  private readonly offsetMs: BigInt64Array;

  constructor(shared = new SharedArrayBuffer(8)) {
    this.shared = shared;
    this.offsetMs = new BigInt64Array(shared);
  }

  now(): Date {
    return new Date(Date.now() + Number(Atomics.load(this.offsetMs, 0)));
  }

  /** Moves this clock (never the system's) forward; for tests and the CLI's dry runs. */
  advance(ms: number): void {
    Atomics.add(this.offsetMs, 0, BigInt(Math.round(ms)));
  }
}
