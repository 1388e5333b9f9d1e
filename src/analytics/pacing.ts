// When the analytics worker processes what waits. Even at the idle priority,
// a thread that takes the short gaps a busy machine leaves still slows the
// serving threads around it (bench:serve measured 84% of the throughput with
// analytics on, storing in those gaps, against 100% with the same processing
// minus the database writes). So the worker times each step of its own work:
// when, during that step, it spent less time running than waiting for a core
// (Linux's per-thread scheduler statistics), the cores are busy and it stops
// for a second, then tries one small step again. Hits wait meanwhile, but
// never longer than ATRIUM_ANALYTICS_MAX_DELAY (a minute by default) or
// beyond HIGH_WATER hits: then it processes them anyway, at its priority.
// A flush, a shutdown and ATRIUM_ANALYTICS_PRIORITY=normal do not wait. Where
// the statistics cannot be read (not Linux), it never waits.
import fs from 'node:fs';

/** How long a busy reading holds processing back before the next try. */
export const PAUSE_MS = 1000;
/** Hits in the step that tries again after a pause: small, so trying costs the busy cores little. */
export const PROBE_HITS = 50;
/** Hits waiting beyond which the worker processes whatever the load (memory comes first). */
export const HIGH_WATER = 400_000;

/** Nanoseconds this thread has run, and waited to run, since it started. */
export interface SchedReading {
  ran: number;
  waited: number;
}

/** This thread's scheduler statistics (/proc/thread-self/schedstat), or undefined where there are none. */
export function readThreadSched(): SchedReading | undefined {
  try {
    const [ran, waited] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return Number.isFinite(ran) && Number.isFinite(waited) ? { ran: ran!, waited: waited! } : undefined;
  } catch {
    return undefined;
  }
}

export class Pacer {
  private pausedUntil = 0;
  private readonly enabled: boolean;

  /** `maxDelayMs` 0 turns pacing off; so does a thread with no scheduler statistics. */
  constructor(
    private readonly maxDelayMs: number,
    private readonly read: () => SchedReading | undefined = readThreadSched,
  ) {
    this.enabled = maxDelayMs > 0 && read() !== undefined;
  }

  /** Whether the last step found the cores busy (the next step is a small probe). */
  get probing(): boolean {
    return this.pausedUntil > 0;
  }

  /**
   * How long to wait before processing hits, the oldest of which arrived at `oldestAt` (ms, Date.now()), with
   * `waiting` hits waiting; 0 to process now.
   */
  delay(oldestAt: number, waiting: number, now = Date.now()): number {
    if (!this.enabled || now >= this.pausedUntil || waiting >= HIGH_WATER) return 0;
    return Math.max(0, Math.min(this.pausedUntil, oldestAt + this.maxDelayMs) - now);
  }

  /** Runs a step of work and notes whether the cores were busy while it ran. */
  async step<T>(work: () => Promise<T>): Promise<T> {
    if (!this.enabled) return work();
    const before = this.read();
    const value = await work();
    const after = this.read();
    if (before && after) {
      const ran = after.ran - before.ran;
      const waited = after.waited - before.waited;
      // Steps too short to tell (under half a millisecond) change nothing.
      if (ran + waited >= 500_000) this.pausedUntil = waited > ran ? Date.now() + PAUSE_MS : 0;
    }
    return value;
  }
}
