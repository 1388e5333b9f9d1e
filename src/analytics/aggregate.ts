// Figures from raw events, per dimension and value: the one computation behind
// the rollups (rollup.ts) and the filtered views (query.ts), so both agree.
// A visit counts when it has a pageview. Its session facts (source, campaign,
// place, device, screen...) are those of its first event; its entry and exit
// pages are its first and last pageviews; it bounced when it had one pageview
// and no other interaction (custom event, outbound link, download, form goal);
// its duration runs from its first event to its last (time-on-page reports
// from the beacon extend it). Unknown values are ''.
import type { AnalyticsEventsTable } from '../db/schema.js';
import { FIGURE_COLUMNS, type FigureColumn } from './columns.js';
import { DIMENSIONS, NEW_OR_UNKNOWN, RETURNING, TOTAL, type Dimension } from './dimensions.js';

/** The raw event columns figures are computed from (the list is columns.ts). */
export const EVENT_COLUMNS = FIGURE_COLUMNS;

export type EventRow = Pick<AnalyticsEventsTable, FigureColumn>;

export interface Metrics {
  visitors: number;
  pageviews: number;
  visits: number;
  bounces: number;
  /** Seconds, summed over visits. */
  duration: number;
  events: number;
}

/** Per visit, what the figures need. */
export interface VisitFacts {
  visitor: string;
  first: EventRow;
  pageviews: Map<string, number>;
  pageviewCount: number;
  entry: string;
  exit: string;
  goals: Map<string, number>;
  interactions: number;
  start: number;
  end: number;
  screen: string;
  returning: boolean;
}

const INTERACTIONS = new Set(['custom', 'outbound', 'download', 'goal']);

/**
 * Groups events into visits, a run of them at a time: runs given in time order (each in time order) fold into
 * the same visits as all of them at once would (a day's roll-up reads its events in slices). Events without a
 * visit (form goals) are kept apart.
 */
export class VisitFolder {
  private readonly byId = new Map<string, VisitFacts>();
  readonly loose: EventRow[] = [];

  add(rows: EventRow[]) {
    const { byId, loose } = this;
    for (const r of rows) {
      if (!r.visit_id || !r.visitor) {
        loose.push(r);
        continue;
      }
      const t = Date.parse(r.time);
      let v = byId.get(r.visit_id);
      if (!v) {
        v = {
          visitor: r.visitor,
          first: r,
          pageviews: new Map(),
          pageviewCount: 0,
          entry: '',
          exit: '',
          goals: new Map(),
          interactions: 0,
          start: t,
          end: t,
          screen: '',
          returning: false,
        };
        byId.set(r.visit_id, v);
      }
      v.end = Math.max(v.end, t);
      if (r.returning) v.returning = true;
      if (!v.screen && r.screen) v.screen = r.screen;
      if (r.kind === 'pageview') {
        v.pageviewCount++;
        v.pageviews.set(r.path, (v.pageviews.get(r.path) ?? 0) + 1);
        if (!v.entry) v.entry = r.path;
        v.exit = r.path;
      } else if (INTERACTIONS.has(r.kind)) {
        v.interactions++;
        if (r.name) v.goals.set(r.name, (v.goals.get(r.name) ?? 0) + 1);
      }
    }
  }

  get visits(): VisitFacts[] {
    return [...this.byId.values()];
  }
}

/** Groups events (in time order) into visits; events without a visit (form goals) are returned apart. */
export function visitsOf(rows: EventRow[]): { visits: VisitFacts[]; loose: EventRow[] } {
  const folder = new VisitFolder();
  folder.add(rows);
  return { visits: folder.visits, loose: folder.loose };
}

/** A visit's value of a session dimension ('' when unknown). */
export function sessionValue(v: VisitFacts, d: Dimension): string {
  const f = v.first;
  switch (d) {
    case 'entry':
      return v.entry;
    case 'exit':
      return v.exit;
    case 'referrer':
      return f.referrer_host ?? '';
    case 'screen':
      return v.screen;
    case 'returning':
      return v.returning ? RETURNING : NEW_OR_UNKNOWN;
    case 'page':
    case 'goal':
      throw new Error(`${d} is not a session dimension`);
    default:
      return f[d] ?? '';
  }
}

/** Whether a visit matches a filter on one dimension. */
export function visitMatches(v: VisitFacts, d: Dimension, value: string): boolean {
  if (d === 'page') return v.pageviews.has(value);
  if (d === 'goal') return v.goals.has(value);
  return sessionValue(v, d) === value;
}

const zero = (): Metrics => ({ visitors: 0, pageviews: 0, visits: 0, bounces: 0, duration: 0, events: 0 });

/** Figures per dimension and value (dimension TOTAL for the whole site) of these visits and loose events. */
export function figures(visits: VisitFacts[], loose: EventRow[] = []): Map<string, Map<string, Metrics>> {
  const out = new Map<string, Map<string, Metrics>>();
  const get = (d: string, value: string) => {
    let m = out.get(d);
    if (!m) out.set(d, (m = new Map()));
    let a = m.get(value);
    if (!a) m.set(value, (a = zero()));
    return a;
  };
  // A visitor counts once per value however many visits they made: visits are taken visitor by visitor, and
  // each value a visitor touched gets one visitor (no set of visitors per value to keep).
  const byVisitor = new Map<string, VisitFacts[]>();
  for (const v of visits) {
    const list = byVisitor.get(v.visitor);
    if (list) list.push(v);
    else byVisitor.set(v.visitor, [v]);
  }
  const touched = new Set<Metrics>();
  const addVisit = (a: Metrics, pageviews: number, bounce: boolean, seconds: number) => {
    touched.add(a);
    a.pageviews += pageviews;
    a.visits++;
    if (bounce) a.bounces++;
    a.duration += seconds;
  };
  for (const list of byVisitor.values()) {
    touched.clear();
    for (const v of list) {
      // Goals count whether or not the visit had a pageview (the beacon may report after a visit timed out).
      for (const [name, n] of v.goals) {
        const a = get('goal', name);
        a.events += n;
        a.visits++;
        touched.add(a);
      }
      if (v.pageviewCount === 0) continue;
      const bounce = v.pageviewCount === 1 && v.interactions === 0;
      const seconds = Math.round((v.end - v.start) / 1000);
      const total = get(TOTAL, TOTAL);
      addVisit(total, v.pageviewCount, bounce, seconds);
      total.events += v.interactions;
      for (const [path, n] of v.pageviews) addVisit(get('page', path), n, bounce, seconds);
      for (const d of DIMENSIONS) {
        if (d === 'page' || d === 'goal') continue;
        addVisit(get(d, sessionValue(v, d)), v.pageviewCount, bounce, seconds);
      }
    }
    for (const a of touched) a.visitors++;
  }
  // Events without a visitor (a form sent): each is one conversion by one visitor.
  for (const e of loose) {
    if (!e.name) continue;
    const a = get('goal', e.name);
    a.events++;
    a.visitors++;
  }
  return out;
}

/**
 * The site's total per hour (hour '2026-05-01T13'): the same figures as figures(visitsOf(events of that hour))
 * gives for TOTAL, in one light pass (the hourly chart needs nothing else). Like VisitFolder, it takes a day's
 * events a run at a time, in time order.
 */
export class HourFolder {
  private readonly visits = new Map<string, { hour: string; visitor: string; pageviews: number; interactions: number; start: number; end: number }>();

  add(rows: EventRow[]) {
    const { visits } = this;
    for (const r of rows) {
      if (!r.visit_id || !r.visitor) continue;
      const hour = r.time.slice(0, 13);
      const key = `${hour}\0${r.visit_id}`;
      const t = Date.parse(r.time);
      let v = visits.get(key);
      if (!v) visits.set(key, (v = { hour, visitor: r.visitor, pageviews: 0, interactions: 0, start: t, end: t }));
      v.end = Math.max(v.end, t);
      if (r.kind === 'pageview') v.pageviews++;
      else if (INTERACTIONS.has(r.kind)) v.interactions++;
    }
  }

  totals(): Map<string, Metrics> {
    const out = new Map<string, Metrics>();
    const seen = new Set<string>();
    for (const v of this.visits.values()) {
      if (v.pageviews === 0) continue;
      let m = out.get(v.hour);
      if (!m) out.set(v.hour, (m = zero()));
      const who = `${v.hour}\0${v.visitor}`;
      if (!seen.has(who)) {
        seen.add(who);
        m.visitors++;
      }
      m.pageviews += v.pageviews;
      m.visits++;
      if (v.pageviews === 1 && v.interactions === 0) m.bounces++;
      m.duration += Math.round((v.end - v.start) / 1000);
      m.events += v.interactions;
    }
    return out;
  }
}
