// Rollups: figures per site, day (and hour) and dimension value, recomputed
// from raw events. The scheduled job (in the analytics worker thread)
// recomputes today and yesterday of every site every few minutes, skipping
// the days whose events have not changed since it last did; recomputing is
// idempotent (delete and insert in one transaction), so a late event or a
// second run changes nothing else.
// Daily rows hold every dimension; hourly rows hold the site total only (the
// hourly chart of a day needs nothing more, and all dimensions per hour would
// multiply the table by 24 for no view).
// Unique visitors: the visitor hash changes every day, so the visitors of a
// range of days are the sum of each day's unique visitors (as Plausible counts
// them too); within a day they are exact.
// A busy day is read in slices, stretches of time of at most SLICE_EVENTS
// events, folded into the same visits as one read would give; between slices
// the analytics worker stores the hits waiting and, while serving keeps the
// cores busy, holds the roll-up back (Pace), so a day of millions of events
// neither stops counting for a minute nor takes the gaps of a busy machine.
// Run on a serving thread (a process that has counted nothing since it
// started, or analytics off), it lets waiting requests through between slices.
import type { Kysely } from 'kysely';
import type { AnalyticsMetrics, ControlDatabase, RegionDatabase } from '../db/schema.js';
import { EVENT_COLUMNS, figures, HourFolder, VisitFolder, type EventRow } from './aggregate.js';
import { TOTAL } from './dimensions.js';
import { eventRows } from './raw-rows.js';
import { utcDay } from './salts.js';

const DAY_MS = 24 * 3600_000;

export const nextDay = (day: string) => utcDay(Date.parse(`${day}T00:00:00Z`) + DAY_MS);

/** The raw events of one site from `from` (inclusive) to `to` (exclusive), ISO times, in time order. */
function eventsBetween(db: Kysely<RegionDatabase>, siteId: string, from: string, to: string): Promise<EventRow[]> {
  return eventRows(
    db,
    db
      .selectFrom('analytics_events')
      .select([...EVENT_COLUMNS])
      .where('site_id', '=', siteId)
      .where('time', '>=', from)
      .where('time', '<', to)
      .orderBy('time'),
  );
}

/** Events read at a time, at most (unless more share one millisecond), in a day's roll-up. */
const SLICE_EVENTS = 20_000;

/** How many of a site's events fall from `from` to `to` (ms, exclusive): an index range, no row read. */
async function countBetween(db: Kysely<RegionDatabase>, siteId: string, from: number, to: number): Promise<number> {
  const r = await db
    .selectFrom('analytics_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('site_id', '=', siteId)
    .where('time', '>=', new Date(from).toISOString())
    .where('time', '<', new Date(to).toISOString())
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * How a long roll-up shares the thread: `slice` runs each query (timed, to tell a busy machine); `between` runs after
 * every one of them, so no two slices run back to back.
 */
export interface Pace {
  slice<T>(work: () => Promise<T>): Promise<T>;
  between(): Promise<void>;
}
/** Outside the analytics worker (no hit counted yet in this process, or analytics off): between slices, requests waiting are answered. */
const UNPACED: Pace = { slice: (work) => work(), between: () => new Promise((resolve) => setImmediate(resolve)) };

const rowsOf = (siteId: string, f: ReturnType<typeof figures>): AnalyticsMetrics[] =>
  [...f].flatMap(([dimension, values]) => [...values].map(([value, m]) => ({ site_id: siteId, dimension, value, ...m })));

export interface DayRollups {
  daily: (AnalyticsMetrics & { day: string })[];
  hourly: (AnalyticsMetrics & { hour: string })[];
}

/** One site's rollup rows of one day (and its hours), from that day's events folded in time order. */
function rowsFrom(siteId: string, day: string, visits: VisitFolder, hours: HourFolder): DayRollups {
  const daily = rowsOf(siteId, figures(visits.visits, visits.loose)).map((r) => ({ ...r, day }));
  const hourly = [...hours.totals()].map(([hour, total]) => ({ site_id: siteId, dimension: TOTAL, value: TOTAL, hour, ...total }));
  return { daily, hourly };
}

/** One site's rollup rows of one day (and its hours), from that day's events in time order. */
export function rollupRows(siteId: string, day: string, events: EventRow[]): DayRollups {
  const visits = new VisitFolder();
  const hours = new HourFolder();
  visits.add(events);
  hours.add(events);
  return rowsFrom(siteId, day, visits, hours);
}

/** Replaces one site's rollups of one day (and its hours), in one transaction. */
export async function replaceRollups(db: Kysely<RegionDatabase>, siteId: string, day: string, { daily, hourly }: DayRollups): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('analytics_daily').where('site_id', '=', siteId).where('day', '=', day).execute();
    await trx.deleteFrom('analytics_hourly').where('site_id', '=', siteId).where('hour', '>=', day).where('hour', '<', nextDay(day)).execute();
    for (let i = 0; i < daily.length; i += 500)
      await trx
        .insertInto('analytics_daily')
        .values(daily.slice(i, i + 500))
        .execute();
    for (let i = 0; i < hourly.length; i += 500)
      await trx
        .insertInto('analytics_hourly')
        .values(hourly.slice(i, i + 500))
        .execute();
  });
}

/**
 * Recomputes one site's rollups of one day (and its hours) from raw events; `events` is the day's count when known.
 * The day is read in stretches of time of at most SLICE_EVENTS events: a stretch holding more is cut into as many
 * equal ones as it needs (counted again, down to a millisecond), so a burst of a million events in a few minutes is
 * read in slices too. Returns the rows written.
 */
export async function rollUpDay(db: Kysely<RegionDatabase>, siteId: string, day: string, events?: number, pace = UNPACED): Promise<number> {
  const visits = new VisitFolder();
  const hours = new HourFolder();
  const start = Date.parse(`${day}T00:00:00Z`);
  /** Stretches still to read, in time order: [from, to) in ms, and how many events they hold. */
  const todo: [number, number, number][] = [[start, start + DAY_MS, events ?? SLICE_EVENTS + 1]];
  let read = 0;
  while (todo.length) {
    const [from, to, n] = todo.shift()!;
    if (n === 0) continue;
    if (n > SLICE_EVENTS && to - from > 1) {
      const step = Math.ceil((to - from) / Math.min(to - from, Math.ceil(n / SLICE_EVENTS)));
      const parts: [number, number, number][] = [];
      for (let a = from; a < to; a += step) {
        const b = Math.min(a + step, to);
        parts.push([a, b, await pace.slice(() => countBetween(db, siteId, a, b))]);
        // Counting a day of millions takes hundreds of counts: hits waiting are stored between them too.
        await pace.between();
      }
      todo.unshift(...parts);
      continue;
    }
    const rows = await pace.slice(async () => {
      const rows = await eventsBetween(db, siteId, new Date(from).toISOString(), new Date(to).toISOString());
      visits.add(rows);
      hours.add(rows);
      return rows;
    });
    read += rows.length;
    await pace.between();
  }
  if (!read) return 0; // nothing to add, and raw events past retention must never erase rollups
  const rows = rowsFrom(siteId, day, visits, hours);
  await pace.slice(() => replaceRollups(db, siteId, day, rows));
  await pace.between();
  return rows.daily.length + rows.hourly.length;
}

/** What a site's raw events of a day amount to: when it has not changed since the last roll-up, nothing has to be redone. */
async function dayStamp(db: Kysely<RegionDatabase>, siteId: string, day: string): Promise<{ stamp: string; events: number }> {
  const r = await db
    .selectFrom('analytics_events')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('time').as('last')])
    .where('site_id', '=', siteId)
    .where('time', '>=', day)
    .where('time', '<', nextDay(day))
    .executeTakeFirst();
  return { stamp: `${String(r?.n ?? 0)} ${String(r?.last ?? '')}`, events: Number(r?.n ?? 0) };
}

/** Per database, site and day: the stamp of the events the last roll-up in this thread read. */
const rolled = new WeakMap<Kysely<RegionDatabase>, Map<string, string>>();

/** The scheduled job: today's and yesterday's rollups of every site, in each site's region. */
export async function rollUpRecent(
  control: Kysely<ControlDatabase>,
  regions: Record<string, Kysely<RegionDatabase>>,
  now: Date,
  pace = UNPACED,
): Promise<number> {
  const days = [utcDay(now.getTime() - DAY_MS), utcDay(now.getTime())];
  const sites = await control.selectFrom('sites').select(['id', 'region']).execute();
  let n = 0;
  for (const site of sites) {
    const db = regions[site.region];
    if (!db) continue;
    let stamps = rolled.get(db);
    if (!stamps) rolled.set(db, (stamps = new Map()));
    for (const day of days) {
      // Unchanged since this thread last rolled it up (a quiet site, yesterday): skip reading its events again.
      const { stamp, events } = await pace.slice(() => dayStamp(db, site.id, day));
      await pace.between();
      const key = `${site.id} ${day}`;
      if (stamps.get(key) === stamp) continue;
      n += await rollUpDay(db, site.id, day, events, pace);
      stamps.set(key, stamp);
    }
    for (const key of stamps.keys()) if (key.slice(-10) < days[0]!) stamps.delete(key);
  }
  return n;
}
