// When the analytics worker processes what waits. Even at the idle priority,
// a thread that takes the short gaps a busy machine leaves seems to slow the
// serving threads around it (in bench:serve, 84% of the throughput with
// analytics on, storing in those gaps, against 100% with the same processing
// minus the database writes: one short run each, on a noisy machine). So the
// worker times each step of its own work (Linux's per-thread scheduler
// statistics): when, over its recent steps, it
// waited for a core more than twice as long as it ran, the cores are busy and
// it stops for a quarter of a second (longer, up to two seconds, while the
// cores stay busy), then tries one small step again. Hits wait meanwhile, but
// never longer than ATRIUM_ANALYTICS_MAX_DELAY (a minute by default) or
// beyond HIGH_WATER hits: then it processes them anyway, at its priority.
// A flush, a shutdown and ATRIUM_ANALYTICS_PRIORITY=normal do not wait. Where
// the statistics cannot be read (not Linux), it never waits.
import fs from 'node:fs';

/** How long a busy reading holds processing back before the next try; doubled while the cores stay busy, up to MAX_PAUSE_MS. */
const PAUSE_MS = 250;
const MAX_PAUSE_MS = 2000;
/** Hits in the step that tries again after a pause: small, so trying costs the busy cores little. */
const PROBE_HITS = 50;
/** How fast older measurements fade. */
const HALF_LIFE_MS = 500;
/** Hits waiting beyond which the worker processes whatever the load (memory comes first). */
const HIGH_WATER = 400_000;

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
  private pause = PAUSE_MS;
  /** Recent time run and waited (ns), each step's added and older ones fading (halved every HALF_LIFE_MS). */
  private ran = 0;
  private waited = 0;
  private measuredAt = 0;
  private readonly enabled: boolean;

  /** `maxDelayMs` 0 turns pacing off; so does a thread with no scheduler statistics. */
  constructor(
    private readonly maxDelayMs: number,
    private readonly read: () => SchedReading | undefined = readThreadSched,
  ) {
    this.enabled = maxDelayMs > 0 && read() !== undefined;
  }

  /**
   * What to do with `waiting` hits, the oldest of which arrived at `oldestAt` (ms, Date.now()): wait `wait` ms, or
   * (wait 0) process a step of at most `hits`. After a busy reading a step is a small probe; hits past the maximum
   * delay or the high-water mark are processed in full steps whatever the load.
   */
  plan(oldestAt: number, waiting: number, full: number, now = Date.now()): { wait: number; hits: number } {
    if (!this.enabled || this.pausedUntil === 0) return { wait: 0, hits: full };
    const due = Math.min(this.pausedUntil, oldestAt + this.maxDelayMs);
    if (waiting >= HIGH_WATER || now >= oldestAt + this.maxDelayMs) return { wait: 0, hits: full };
    return now < due ? { wait: due - now, hits: 0 } : { wait: 0, hits: PROBE_HITS };
  }

  /** Runs a step of work and notes whether the cores were busy while it ran. */
  async step<T>(work: () => Promise<T>): Promise<T> {
    if (!this.enabled) return work();
    const before = this.read();
    const value = await work();
    const after = this.read();
    if (before && after) this.note(after.ran - before.ran, after.waited - before.waited, Date.now());
    return value;
  }

  /**
   * Adds a step's times to the recent ones and decides: busy when the thread waited more than twice as long as it
   * ran. One step alone says little (a request arriving mid-step preempts it for a moment even on a machine with
   * a free core); the recent ones together tell a busy machine (every step waits) from a moment's competition.
   */
  private note(ran: number, waited: number, now: number) {
    const fade = 0.5 ** ((now - this.measuredAt) / HALF_LIFE_MS);
    this.measuredAt = now;
    this.ran = this.ran * fade + ran;
    this.waited = this.waited * fade + waited;
    // Too little to tell (under 2 ms in all) changes nothing.
    if (this.ran + this.waited < 2_000_000) return;
    if (this.waited > 2 * this.ran) {
      this.pausedUntil = now + this.pause;
      this.pause = Math.min(2 * this.pause, MAX_PAUSE_MS);
    } else {
      this.pausedUntil = 0;
      this.pause = PAUSE_MS;
    }
  }
}
