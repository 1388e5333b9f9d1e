// How cross-process events travel: an append-only log in the control database
// that every process follows. Each process polls it (a safety net that needs
// no other service); with Redis configured, a publish also wakes the others
// at once. The log is the truth, the wake-up is only a hint, so a lost Redis
// message costs at most one poll interval and nothing is delivered twice.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ControlDatabase } from '../db/schema.js';
import type { EventBus, EventTransport } from './bus.js';
import type { DomainEvent } from './events.js';

/** Something that tells the other processes "look at the log now" (cluster primary, PostgreSQL, Redis). */
export interface Wakeup {
  notify(): Promise<void>;
  subscribe(onWake: () => void): Promise<void>;
  close(): Promise<void>;
}

/** Several wake-ups as one: notifies through all of them, wakes on any. */
export function allWakeups(wakeups: Wakeup[]): Wakeup | undefined {
  if (wakeups.length <= 1) return wakeups[0];
  return {
    async notify() {
      await Promise.all(wakeups.map((w) => w.notify()));
    },
    async subscribe(onWake) {
      await Promise.all(wakeups.map((w) => w.subscribe(onWake)));
    },
    async close() {
      await Promise.allSettled(wakeups.map((w) => w.close()));
    },
  };
}

/** How long entries stay in the log: every live process reads them within seconds. */
export const CHANGE_LOG_KEEP_MS = 3600_000;

export class ChangeLog implements EventTransport {
  constructor(
    private readonly db: Kysely<ControlDatabase>,
    private readonly log: Logger,
    private readonly wakeup?: Wakeup,
  ) {}

  async publish(origin: string, event: DomainEvent): Promise<void> {
    await this.db
      .insertInto('change_log')
      .values({ origin, type: event.type, payload: JSON.stringify(event), created_at: new Date().toISOString() })
      .execute();
    await this.wakeup?.notify().catch((err) => this.log.warn({ err }, 'could not send the change wake-up; other processes will see it on their next poll'));
  }

  /** Delivers other processes' events to the bus from now on. Returns a stop function. */
  async follow(bus: EventBus, intervalMs = 1000): Promise<() => Promise<void>> {
    const max = await this.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    let last = Number(max?.seq ?? 0);
    let running: Promise<void> | null = null;
    let again = false;
    let failing = false;
    const poll = async () => {
      do {
        again = false;
        try {
          const rows = await this.db.selectFrom('change_log').select(['seq', 'origin', 'payload']).where('seq', '>', last).orderBy('seq').limit(1000).execute();
          for (const r of rows) {
            last = Math.max(last, Number(r.seq));
            if (r.origin !== bus.origin) await bus.receive(JSON.parse(r.payload) as DomainEvent);
          }
          if (failing) this.log.info('reading the change log again');
          failing = false;
          if (rows.length === 1000) again = true;
        } catch (err) {
          if (!failing) this.log.warn({ err }, 'cannot read the change log; retrying');
          failing = true;
        }
      } while (again);
    };
    const tick = () => {
      if (running) {
        again = true;
        return;
      }
      running = poll().finally(() => (running = null));
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    await this.wakeup?.subscribe(tick);
    return async () => {
      clearInterval(timer);
      await running;
      await this.wakeup?.close();
    };
  }

  /** Deletes entries every process has long read (run by the scheduler). */
  async prune(now: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('change_log')
      .where('created_at', '<', new Date(now.getTime() - CHANGE_LOG_KEEP_MS).toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
