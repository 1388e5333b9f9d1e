// The random salt of each UTC day: visitor hashes of one day can be compared
// with each other and with nothing else. A salt is 32 random bytes, made on
// first use (insert-if-absent, so every process agrees on it), cached per
// process, and deleted 48 hours after it was made (at the end of the next
// day) by a scheduled job; from then on that day's hashes cannot be
// recomputed by anyone. Never derived from a fixed secret.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ControlDatabase } from '../db/schema.js';

const DAY_MS = 24 * 3600_000;
/** A salt lives for its own day and the next one: long enough for late beacon events of a page seen before midnight. */
export const SALT_LIFETIME_MS = 2 * DAY_MS;

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class Salts {
  private readonly cache = new Map<string, Promise<Buffer>>();

  constructor(private readonly db: Kysely<ControlDatabase>) {}

  /** The salt of the UTC day of `ms`, made if the day has none yet. */
  get(ms: number): Promise<Buffer> {
    const day = utcDay(ms);
    let p = this.cache.get(day);
    if (!p) {
      p = this.load(day, ms);
      p.catch(() => this.cache.delete(day));
      // Only today's and yesterday's salts are ever needed: forget older ones here too.
      const oldest = utcDay(ms - DAY_MS);
      for (const d of this.cache.keys()) if (d < oldest) this.cache.delete(d);
      this.cache.set(day, p);
    }
    return p;
  }

  private async load(day: string, ms: number): Promise<Buffer> {
    await this.db
      .insertInto('analytics_salts')
      .values({ day, salt: randomBytes(32).toString('base64url'), created_at: new Date(ms).toISOString() })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const row = await this.db.selectFrom('analytics_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
    return Buffer.from(row.salt, 'base64url');
  }

  /** Forgets cached salts (after the scheduled deletion, so this process cannot use a deleted one). */
  forgetBefore(day: string) {
    for (const d of this.cache.keys()) if (d < day) this.cache.delete(d);
  }
}

/** Deletes the salts whose 48 hours are over: those of days before yesterday. Run by the scheduler. */
export async function deleteExpiredSalts(db: Kysely<ControlDatabase>, now: Date): Promise<number> {
  const keepFrom = utcDay(now.getTime() - SALT_LIFETIME_MS + DAY_MS);
  const r = await db.deleteFrom('analytics_salts').where('day', '<', keepFrom).executeTakeFirst();
  return Number(r.numDeletedRows);
}
