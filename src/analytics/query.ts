// The figures the dashboard, the CSV export and share links show. Unfiltered
// views read the rollups (fast at any size: a range of the key per view);
// filtered views read the raw events of the range, so they reach back as far
// as raw events are kept (30 days by default), and keep whole visits that
// match every filter. Filter values are always bound parameters, never SQL.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { RegionDatabase } from '../db/schema.js';
import { DomainError, invalid } from '../lib/errors.js';
import { EVENT_COLUMNS, figures, visitMatches, visitsOf, type EventRow, type Metrics } from './aggregate.js';
import { COLUMN, DIMENSIONS, TOTAL, type Dimension } from './dimensions.js';
import { addDays, buckets, previousRange, type Range } from './range.js';
import { DIRECT } from './source.js';
import { utcDay } from './salts.js';
import { isPostgresDb } from './partitions.js';

export const Filters = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.string().max(500).optional()])) as Record<Dimension, z.ZodOptional<z.ZodString>>,
);
export type Filters = Partial<Record<Dimension, string>>;

export interface Figures {
  visitors: number;
  pageviews: number;
  visits: number;
  /** Share of visits with one pageview and no interaction, 0..1. */
  bounceRate: number;
  /** Average visit duration in seconds. */
  visitDuration: number;
  /** Custom events, outbound links, downloads and form goals. */
  events: number;
}

export interface BreakdownRow extends Figures {
  value: string;
  label: string;
}

const ZERO: Metrics = { visitors: 0, pageviews: 0, visits: 0, bounces: 0, duration: 0, events: 0 };

export function present(m: Metrics): Figures {
  return {
    visitors: m.visitors,
    pageviews: m.pageviews,
    visits: m.visits,
    bounceRate: m.visits ? Math.round((m.bounces / m.visits) * 1000) / 1000 : 0,
    visitDuration: m.visits ? Math.round(m.duration / m.visits) : 0,
    events: m.events,
  };
}

const add = (a: Metrics, b: Metrics): Metrics => ({
  visitors: a.visitors + b.visitors,
  pageviews: a.pageviews + b.pageviews,
  visits: a.visits + b.visits,
  bounces: a.bounces + b.bounces,
  duration: a.duration + b.duration,
  events: a.events + b.events,
});

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** How a value reads on screen: sources' empty value is Direct / none, countries get their name. */
export function labelOf(d: Dimension, value: string): string {
  if (value === '') return d === 'source' || d === 'referrer' ? DIRECT : 'Unknown';
  if (d === 'country') {
    try {
      return regionNames.of(value) ?? value;
    } catch {
      return value;
    }
  }
  return value;
}

const hasFilters = (f: Filters) => DIMENSIONS.some((d) => f[d] !== undefined);

/** Sums rollup metrics (PostgreSQL returns sums as strings). */
const sums = (eb: any) => [
  eb.fn.sum('visitors').as('visitors'),
  eb.fn.sum('pageviews').as('pageviews'),
  eb.fn.sum('visits').as('visits'),
  eb.fn.sum('bounces').as('bounces'),
  eb.fn.sum('duration').as('duration'),
  eb.fn.sum('events').as('events'),
];
const metricsOf = (r: Record<string, unknown> | undefined): Metrics => ({
  visitors: Number(r?.visitors ?? 0),
  pageviews: Number(r?.pageviews ?? 0),
  visits: Number(r?.visits ?? 0),
  bounces: Number(r?.bounces ?? 0),
  duration: Number(r?.duration ?? 0),
  events: Number(r?.events ?? 0),
});

export interface QueryScope {
  db: Kysely<RegionDatabase>;
  siteId: string;
  now: Date;
  /** How many days raw events are kept: how far back filtered views reach. */
  rawDays: number;
}

/**
 * Raw events of the range, narrowed in SQL to the visits that have an event matching each filter, then matched
 * exactly per visit. The visits are found first, one query per filter (a range of the index, each row checked),
 * and the range is then read once, keeping their events. Not one query with a subquery per filter: PostgreSQL
 * plans that join from table statistics, and before its autovacuum has gathered any (a new site, a burst) it
 * chose a nested loop that took minutes over 55 000 events. A list of ids matched in memory has one plan.
 */
async function filteredVisits(s: QueryScope, r: Range, filters: Filters) {
  const oldest = addDays(utcDay(s.now.getTime()), -(s.rawDays - 1));
  if (r.from < oldest)
    throw new DomainError('invalid_input', `filtered views reach back ${s.rawDays} days (to ${oldest}); choose a later start or remove the filters`, {
      issues: [{ path: 'from', message: `filters need a range from ${oldest} on` }],
    });
  const end = addDays(r.to, 1);
  const inRange = () => s.db.selectFrom('analytics_events').where('site_id', '=', s.siteId).where('time', '>=', r.from).where('time', '<', end);
  let ids: Set<string> | undefined;
  for (const d of DIMENSIONS) {
    const value = filters[d];
    if (value === undefined || d === 'returning') continue;
    const column = COLUMN[d] as keyof EventRow & string;
    let q = inRange().select('visit_id').distinct().where('visit_id', 'is not', null);
    q = value === '' ? q.where(column as never, 'is', null) : q.where(column as never, '=', value as never);
    const found = (await q.execute()).map((row) => row.visit_id!);
    const before = ids;
    ids = new Set(before ? found.filter((id) => before.has(id)) : found);
    if (!ids.size) return [];
  }
  let q = inRange().select([...EVENT_COLUMNS]);
  if (ids) {
    const list = [...ids];
    // One parameter whatever the number of visits: an array on PostgreSQL, a JSON list on SQLite.
    q = isPostgresDb(s.db)
      ? q.where(sql<boolean>`visit_id = any(${list}::text[])`)
      : q.where('visit_id', 'in', sql<string>`(select value from json_each(${JSON.stringify(list)}))`);
  }
  const rows = await q.orderBy('time').execute();
  const { visits } = visitsOf(rows);
  return visits.filter((v) => DIMENSIONS.every((d) => filters[d] === undefined || visitMatches(v, d, filters[d]!)));
}

export interface Overview {
  range: Range;
  summary: Figures;
  previous: Figures | null;
  series: ({ period: string } & Figures)[];
  /** The time series of the period just before (same interval), for the comparison line; null with `previous`. */
  previousSeries: ({ period: string } & Figures)[] | null;
}

/** Summary, the previous period's summary and the time series of a range. */
export async function overview(s: QueryScope, r: Range, filters: Filters = {}): Promise<Overview> {
  const labels = buckets(r);
  const prevRange = previousRange(r);
  const bucketOf = (iso: string) => (r.interval === 'hour' ? iso.slice(0, 13) : r.interval === 'month' ? iso.slice(0, 7) : iso.slice(0, 10));
  if (hasFilters(filters)) {
    const visits = await filteredVisits(s, r, filters);
    const total = (vs: typeof visits) => figures(vs).get(TOTAL)?.get(TOTAL) ?? ZERO;
    const seriesOf = (vs: typeof visits, range: Range) => {
      const per = new Map<string, typeof visits>();
      for (const v of vs) {
        const k = bucketOf(new Date(v.start).toISOString());
        per.set(k, [...(per.get(k) ?? []), v]);
      }
      return buckets(range).map((period) => ({ period, ...present(total(per.get(period) ?? [])) }));
    };
    // Visitors of a range are the sum of each day's unique visitors (the hash changes daily).
    const byDay = new Map<string, typeof visits>();
    for (const v of visits) {
      const k = new Date(v.start).toISOString().slice(0, 10);
      byDay.set(k, [...(byDay.get(k) ?? []), v]);
    }
    const summary = [...byDay.values()].map(total).reduce(add, ZERO);
    let previous: Figures | null = null;
    let previousSeries: Overview['previousSeries'] = null;
    try {
      const prev = await filteredVisits(s, prevRange, filters);
      const prevByDay = new Map<string, typeof prev>();
      for (const v of prev) {
        const k = new Date(v.start).toISOString().slice(0, 10);
        prevByDay.set(k, [...(prevByDay.get(k) ?? []), v]);
      }
      previous = present([...prevByDay.values()].map(total).reduce(add, ZERO));
      previousSeries = seriesOf(prev, prevRange);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e; // the previous period is beyond raw retention: no comparison
    }
    return { range: r, summary: present(summary), previous, series: seriesOf(visits, r), previousSeries };
  }
  const [summary, previous, series, prevSeries] = await Promise.all([
    rollupTotal(s, r),
    rollupTotal(s, prevRange),
    rollupSeries(s, r),
    rollupSeries(s, prevRange),
  ]);
  return {
    range: r,
    summary: present(summary),
    previous: present(previous),
    series: labels.map((period) => ({ period, ...present(series.get(period) ?? ZERO) })),
    previousSeries: buckets(prevRange).map((period) => ({ period, ...present(prevSeries.get(period) ?? ZERO) })),
  };
}

async function rollupTotal(s: QueryScope, r: Range): Promise<Metrics> {
  const row = await s.db
    .selectFrom('analytics_daily')
    .select(sums)
    .where('site_id', '=', s.siteId)
    .where('dimension', '=', TOTAL)
    .where('day', '>=', r.from)
    .where('day', '<=', r.to)
    .executeTakeFirst();
  return metricsOf(row as Record<string, unknown>);
}

async function rollupSeries(s: QueryScope, r: Range): Promise<Map<string, Metrics>> {
  const out = new Map<string, Metrics>();
  if (r.interval === 'hour') {
    const rows = await s.db
      .selectFrom('analytics_hourly')
      .selectAll()
      .where('site_id', '=', s.siteId)
      .where('dimension', '=', TOTAL)
      .where('hour', '>=', r.from)
      .where('hour', '<', addDays(r.to, 1))
      .execute();
    for (const row of rows) out.set(row.hour, metricsOf(row as never));
    return out;
  }
  const rows = await s.db
    .selectFrom('analytics_daily')
    .selectAll()
    .where('site_id', '=', s.siteId)
    .where('dimension', '=', TOTAL)
    .where('day', '>=', r.from)
    .where('day', '<=', r.to)
    .execute();
  for (const row of rows) {
    const k = r.interval === 'month' ? row.day.slice(0, 7) : row.day;
    out.set(k, add(out.get(k) ?? ZERO, metricsOf(row as never)));
  }
  return out;
}

/** Top values of one dimension, most visitors first (goals: most conversions first). */
export async function breakdown(s: QueryScope, r: Range, dimension: Dimension, filters: Filters = {}, limit = 10): Promise<BreakdownRow[]> {
  if (!DIMENSIONS.includes(dimension)) throw invalid('dimension', `one of ${DIMENSIONS.join(', ')}`);
  let rows: [string, Metrics][];
  if (hasFilters(filters)) {
    const visits = await filteredVisits(s, r, filters);
    // Per day, then summed: the same unique-visitor rule as the rollups.
    const byDay = new Map<string, typeof visits>();
    for (const v of visits) {
      const k = new Date(v.start).toISOString().slice(0, 10);
      byDay.set(k, [...(byDay.get(k) ?? []), v]);
    }
    const merged = new Map<string, Metrics>();
    for (const vs of byDay.values()) for (const [value, m] of figures(vs).get(dimension) ?? []) merged.set(value, add(merged.get(value) ?? ZERO, m));
    rows = [...merged];
  } else {
    const found = await s.db
      .selectFrom('analytics_daily')
      .select((eb) => ['value', ...sums(eb)])
      .where('site_id', '=', s.siteId)
      .where('dimension', '=', dimension)
      .where('day', '>=', r.from)
      .where('day', '<=', r.to)
      .groupBy('value')
      .execute();
    rows = found.map((row) => [String((row as Record<string, unknown>).value), metricsOf(row as Record<string, unknown>)]);
  }
  const key = (m: Metrics) => (dimension === 'goal' ? m.events : m.visitors);
  rows.sort((a, b) => key(b[1]) - key(a[1]) || b[1].pageviews - a[1].pageviews || (a[0] < b[0] ? -1 : 1));
  return rows.slice(0, limit).map(([value, m]) => ({ value, label: labelOf(dimension, value), ...present(m) }));
}

/** Visitors seen in the last five minutes (from raw events, a second or so behind). */
export async function realtime(s: Pick<QueryScope, 'db' | 'siteId' | 'now'>): Promise<number> {
  const row = await s.db
    .selectFrom('analytics_events')
    .select((eb) => eb.fn.count('visitor').distinct().as('n'))
    .where('site_id', '=', s.siteId)
    .where('time', '>=', new Date(s.now.getTime() - 5 * 60_000).toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Requests not counted in a range: bots, and visitors who refused analytics (consent choice or GPC). */
export async function notCountedTotals(s: QueryScope, r: Range): Promise<{ bots: number; refused: number }> {
  const rows = await s.db
    .selectFrom('analytics_uncounted')
    .select((eb) => ['reason', eb.fn.sum('count').as('n')])
    .where('site_id', '=', s.siteId)
    .where('day', '>=', r.from)
    .where('day', '<=', r.to)
    .groupBy('reason')
    .execute();
  const n = (reason: string) => Number(rows.find((x) => x.reason === reason)?.n ?? 0);
  return { bots: n('bot'), refused: n('choice') };
}
