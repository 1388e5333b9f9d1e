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

/** Groups events (in time order) into visits; events without a visit (form goals) are returned apart. */
export function visitsOf(rows: EventRow[]): { visits: VisitFacts[]; loose: EventRow[] } {
  const byId = new Map<string, VisitFacts>();
  const loose: EventRow[] = [];
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
  return { visits: [...byId.values()], loose };
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

type Acc = Metrics & { seen: Set<string> };
const acc = (): Acc => ({ visitors: 0, pageviews: 0, visits: 0, bounces: 0, duration: 0, events: 0, seen: new Set() });

/** Figures per dimension and value (dimension TOTAL for the whole site) of these visits and loose events. */
export function figures(visits: VisitFacts[], loose: EventRow[] = []): Map<string, Map<string, Metrics>> {
  const out = new Map<string, Map<string, Acc>>();
  const get = (d: string, value: string) => {
    let m = out.get(d);
    if (!m) out.set(d, (m = new Map()));
    let a = m.get(value);
    if (!a) m.set(value, (a = acc()));
    return a;
  };
  const addVisit = (a: Acc, v: VisitFacts, pageviews: number, bounce: boolean, seconds: number) => {
    if (!a.seen.has(v.visitor)) {
      a.seen.add(v.visitor);
      a.visitors++;
    }
    a.pageviews += pageviews;
    a.visits++;
    if (bounce) a.bounces++;
    a.duration += seconds;
  };
  for (const v of visits) {
    // Goals count whether or not the visit had a pageview (the beacon may report after a visit timed out).
    for (const [name, n] of v.goals) {
      const a = get('goal', name);
      a.events += n;
      if (!a.seen.has(v.visitor)) {
        a.seen.add(v.visitor);
        a.visitors++;
      }
      a.visits++;
    }
    if (v.pageviewCount === 0) continue;
    const bounce = v.pageviewCount === 1 && v.interactions === 0;
    const seconds = Math.round((v.end - v.start) / 1000);
    const total = get(TOTAL, TOTAL);
    addVisit(total, v, v.pageviewCount, bounce, seconds);
    total.events += v.interactions;
    for (const [path, n] of v.pageviews) addVisit(get('page', path), v, n, bounce, seconds);
    for (const d of DIMENSIONS) {
      if (d === 'page' || d === 'goal') continue;
      addVisit(get(d, sessionValue(v, d)), v, v.pageviewCount, bounce, seconds);
    }
  }
  // Events without a visitor (a form sent): each is one conversion by one visitor.
  for (const e of loose) {
    if (!e.name) continue;
    const a = get('goal', e.name);
    a.events++;
    a.visitors++;
  }
  const result = new Map<string, Map<string, Metrics>>();
  for (const [d, m] of out) {
    const plain = new Map<string, Metrics>();
    for (const [value, { seen: _seen, ...metrics }] of m) plain.set(value, metrics);
    result.set(d, plain);
  }
  return result;
}
