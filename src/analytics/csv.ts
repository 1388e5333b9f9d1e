// A breakdown as CSV, for download. Values come from visitors' requests
// (paths, campaign tags): cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe.
import { stringify } from 'csv-stringify/sync';
import type { BreakdownRow } from './query.js';

const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function breakdownCsv(dimension: string, rows: BreakdownRow[]): string {
  return stringify([
    [dimension, 'visitors', 'pageviews', 'visits', 'bounce rate', 'visit duration (s)', 'events'],
    ...rows.map((r) => [safe(r.label), r.visitors, r.pageviews, r.visits, r.bounceRate, r.visitDuration, r.events]),
  ]);
}
