// Which visit an event belongs to. A visit ends after 30 minutes without
// events. Each process keeps the visits it saw in memory; a visitor it does
// not know is looked up in the region database (their last event within 30
// minutes continues that visit) when another process may have seen them: in
// the first 30 minutes after a start, and always when the database is shared
// (several workers, or PostgreSQL, which several servers may use).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RegionDatabase } from '../db/schema.js';

export const VISIT_IDLE_MS = 30 * 60_000;

/** Where a visit came from: every event of the visit carries its first event's origin. */
export interface VisitOrigin {
  source: string | null;
  referrer_host: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
}

export interface Visit {
  id: string;
  /** Time of the visit's latest event (ms). */
  last: number;
  origin: VisitOrigin;
  /** Paths with a pageview in this visit: a 304 revalidation of one of them is not counted again. */
  paths: Set<string>;
}

/**
 * Events read per visitor looked up, at most (the newest of all of them together): plenty for the pages of a human
 * visit. A client flooding the site while this process does not know it yet can use up the reads of the visitors
 * looked up with it, who then start new visits: that costs a visit split now and then, where reading everything
 * could stop counting for minutes.
 */
const LOOKUP_ROWS_PER_VISITOR = 200;

const ORIGIN_COLUMNS = ['source', 'referrer_host', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;

export class VisitTracker {
  private readonly visits = new Map<string, Visit>();
  private sweptAt = 0;
  /** When this tracker saw its first events (ms): from 30 minutes on, it alone knows the visits of an unshared database. */
  private startedAt: number | undefined;

  /** `shared`: other processes may count visitors in the same database. */
  constructor(private readonly shared: boolean) {}

  /**
   * Loads, for visitors (per site) this process does not hold a live visit for, their visit of the last
   * 30 minutes from the database, when another process may have seen them.
   */
  async load(db: Kysely<RegionDatabase>, visitors: Map<string, Set<string>>, now: number): Promise<void> {
    if (!this.mayLookUp(now)) return;
    for (const [siteId, ofSite] of visitors) await this.loadSite(db, siteId, ofSite, now);
  }

  /** Whether another process may have seen visitors this one does not know (else load() has nothing to do). */
  mayLookUp(now: number): boolean {
    this.startedAt ??= now;
    return this.shared || now - this.startedAt <= VISIT_IDLE_MS;
  }

  private async loadSite(db: Kysely<RegionDatabase>, siteId: string, visitors: Set<string>, now: number) {
    const missing = [...visitors].filter((v) => {
      const known = this.visits.get(v);
      return !known || now - known.last > VISIT_IDLE_MS;
    });
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      // Newest first, and only the newest few per visitor: a visit's latest event says which visit it is, and its
      // recent pageviews which pages a revalidation repeats. Reading every event instead made a fresh process
      // spend 98 s on its first batch after one client had sent 4 million requests in the hour.
      const rows = await db
        .selectFrom('analytics_events')
        .select(['visitor', 'visit_id', 'time', 'kind', 'path', ...ORIGIN_COLUMNS])
        .where('site_id', '=', siteId)
        .where('time', '>=', new Date(now - 2 * VISIT_IDLE_MS).toISOString())
        .where('visitor', 'in', chunk)
        .orderBy('time', 'desc')
        .limit(LOOKUP_ROWS_PER_VISITOR * chunk.length)
        .execute();
      /** Per visitor: the visit its newest event continues (null: the one in memory is newer). */
      const found = new Map<string, Visit | null>();
      for (const r of rows) {
        if (!r.visitor || !r.visit_id) continue;
        let v = found.get(r.visitor);
        if (v === undefined) {
          const at = Date.parse(r.time);
          v = this.visits.get(r.visitor) ?? null;
          if (v && v.id === r.visit_id) v.last = Math.max(v.last, at);
          else if (!v || v.last <= at) this.visits.set(r.visitor, (v = { id: r.visit_id, last: at, origin: pick(r), paths: new Set() }));
          else v = null;
          found.set(r.visitor, v);
        }
        if (v && v.id === r.visit_id && r.kind === 'pageview') v.paths.add(r.path);
      }
    }
  }

  /** The visit an event at `at` continues, or a new one starting with this origin. */
  visit(visitor: string, at: number, origin: () => VisitOrigin): { visit: Visit; isNew: boolean } {
    const known = this.visits.get(visitor);
    if (known && at - known.last <= VISIT_IDLE_MS) {
      known.last = Math.max(known.last, at);
      return { visit: known, isNew: false };
    }
    const visit: Visit = { id: randomBytes(9).toString('base64url'), last: at, origin: origin(), paths: new Set() };
    this.visits.set(visitor, visit);
    return { visit, isNew: true };
  }

  /** Forgets visits that have ended (at most once a minute). */
  sweep(now: number) {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [k, v] of this.visits) if (now - v.last > VISIT_IDLE_MS) this.visits.delete(k);
  }

  get size() {
    return this.visits.size;
  }
}

function pick(r: VisitOrigin): VisitOrigin {
  return {
    source: r.source,
    referrer_host: r.referrer_host,
    utm_source: r.utm_source,
    utm_medium: r.utm_medium,
    utm_campaign: r.utm_campaign,
    utm_content: r.utm_content,
    utm_term: r.utm_term,
  };
}
