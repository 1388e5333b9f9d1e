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
// While it pauses it cannot time itself, so where Linux reports CPU pressure
// (/proc/pressure/cpu: how long some thread was kept waiting for a core) it
// reads that every quarter of a second: once almost nothing waited over the
// last one, the machine is free and the worker resumes in full steps at once,
// its older readings forgotten (after a burst, hits are stored within a
// quarter of a second of it ending, not after the pause).
// A flush, a shutdown and ATRIUM_ANALYTICS_PRIORITY=normal do not wait. Where
// the statistics cannot be read (not Linux), it never waits.
import fs from 'node:fs';

/** How long a busy reading holds processing back before the next try; doubled while the cores stay busy, up to MAX_PAUSE_MS. Also how often a paused worker reads the pressure report. */
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

/** Share of the time since the last reading during which some thread may have waited for a core, and the machine still counts as free. */
const FREE_PRESSURE = 0.1;

/** Microseconds during which some thread on this machine waited for a core (/proc/pressure/cpu), or undefined. */
export function readCpuPressure(): number | undefined {
  try {
    const total = /^some .*total=(\d+)/m.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    return total === undefined ? undefined : Number(total);
  } catch {
    return undefined;
  }
}

export class Pacer {
  private pausedUntil = 0;
  private pause = PAUSE_MS;
  /** While paused, where there is a pressure report: its last reading (µs), when it was read and when to read it next (ms). */
  private pressureAt: number | undefined;
  private checkedAt = 0;
  private checkAt = 0;
  /** Recent time run and waited (ns), each step's added and older ones fading (halved every HALF_LIFE_MS). */
  private ran = 0;
  private waited = 0;
  private measuredAt = 0;
  private readonly enabled: boolean;

  /** `maxDelayMs` 0 turns pacing off; so does a thread with no scheduler statistics. */
  constructor(
    private readonly maxDelayMs: number,
    private readonly read: () => SchedReading | undefined = readThreadSched,
    private readonly pressure: () => number | undefined = readCpuPressure,
  ) {
    this.enabled = maxDelayMs > 0 && read() !== undefined;
  }

  /**
   * What to do with `waiting` hits, the oldest of which arrived at `oldestAt` (ms, Date.now()): wait `wait` ms, or
   * (wait 0) process a step of at most `hits`. While paused, a machine found free by the pressure report resumes
   * full steps; after a pause a step is a small probe. Hits past the maximum delay or the high-water mark are
   * processed in full steps whatever the load.
   */
  plan(oldestAt: number, waiting: number, full: number, now = Date.now()): { wait: number; hits: number } {
    if (!this.enabled || this.pausedUntil === 0) return { wait: 0, hits: full };
    const due = oldestAt + this.maxDelayMs;
    if (waiting >= HIGH_WATER || now >= due) return { wait: 0, hits: full };
    if (this.freeNow(now)) {
      this.resume(true);
      return { wait: 0, hits: full };
    }
    if (now >= this.pausedUntil) return { wait: 0, hits: PROBE_HITS };
    const check = this.pressureAt === undefined ? Infinity : this.checkAt;
    return { wait: Math.max(1, Math.min(this.pausedUntil, due, check) - now), hits: 0 };
  }

  /** Whether, by the pressure report, almost nothing waited for a core since it was last read (when a reading is due). */
  private freeNow(now: number): boolean {
    if (this.pressureAt === undefined || now < this.checkAt) return false;
    const pressure = this.pressure();
    if (pressure === undefined) return false;
    const share = (pressure - this.pressureAt) / 1000 / Math.max(1, now - this.checkedAt);
    this.pressureAt = pressure;
    this.checkedAt = now;
    this.checkAt = now + PAUSE_MS;
    return share < FREE_PRESSURE;
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
    if (this.waited > 2 * this.ran) this.pauseFrom(now);
    else this.resume(false);
  }

  /** Pauses from `now`, for longer than last time while the cores stay busy; the pressure report is read from here on. */
  private pauseFrom(now: number) {
    this.pausedUntil = now + this.pause;
    this.pause = Math.min(2 * this.pause, MAX_PAUSE_MS);
    this.pressureAt = this.pressure();
    this.checkedAt = now;
    this.checkAt = now + PAUSE_MS;
  }

  /** Back to full steps; `forget` drops the readings from before the pause (stale, once the pressure report found the machine free). */
  private resume(forget: boolean) {
    this.pausedUntil = 0;
    this.pause = PAUSE_MS;
    this.pressureAt = undefined;
    if (forget) this.ran = this.waited = 0;
  }
}
