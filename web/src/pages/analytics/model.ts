// The Analytics screen's state and words: the period and filters as they sit
// in the address (so a view can be bookmarked, shared and gone back to), the
// dimensions' names, and how figures read.
import type { components } from '../../api-types';

type Schemas = components['schemas'];
export type Overview = Schemas['AnalyticsOverview'];
export type BreakdownRow = Schemas['AnalyticsBreakdownRow'];
export type Figures = Schemas['AnalyticsFigures'];

export const PERIODS = [
  ['day', 'Today'],
  ['7d', '7 days'],
  ['30d', '30 days'],
  ['12mo', '12 months'],
  ['custom', 'Custom'],
] as const;
export type Period = (typeof PERIODS)[number][0];

/** Every dimension a view can be filtered and broken down by (src/analytics/dimensions.ts). */
export const DIMENSION_NAMES = {
  page: 'Page',
  entry: 'Entry page',
  exit: 'Exit page',
  source: 'Source',
  referrer: 'Referrer',
  utm_source: 'UTM source',
  utm_medium: 'UTM medium',
  utm_campaign: 'Campaign',
  utm_content: 'UTM content',
  utm_term: 'UTM term',
  country: 'Country',
  region: 'Region',
  city: 'City',
  device: 'Device',
  os: 'Operating system',
  browser: 'Browser',
  language: 'Language',
  screen: 'Screen size',
  goal: 'Goal',
  returning: 'Visitor type',
} as const;
export type Dimension = keyof typeof DIMENSION_NAMES;
export const DIMENSIONS = Object.keys(DIMENSION_NAMES) as Dimension[];

export type Filters = Partial<Record<Dimension, string>>;

export interface ViewQuery {
  period: Period;
  /** The day of period=day (default today). */
  date?: string;
  from?: string;
  to?: string;
  filters: Filters;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The view an address asks for; anything it does not understand is left out. */
export function readQuery(q: URLSearchParams): ViewQuery {
  const p = q.get('period');
  const period: Period = PERIODS.some(([v]) => v === p) ? (p as Period) : '30d';
  const day = (k: string) => {
    const v = q.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  const filters: Filters = {};
  for (const d of DIMENSIONS) {
    const v = q.get(d);
    if (v !== null) filters[d] = v;
  }
  const from = day('from');
  const to = day('to');
  if (period === 'custom' && (!from || !to)) return { period: '30d', filters };
  return { period, ...(period === 'day' && day('date') ? { date: day('date') } : {}), ...(period === 'custom' ? { from, to } : {}), filters };
}

/** The query parameters of a view, for the address and for the API alike. */
export function queryParams(v: ViewQuery): Record<string, string> {
  const out: Record<string, string> = { period: v.period };
  if (v.period === 'day' && v.date) out.date = v.date;
  if (v.period === 'custom' && v.from && v.to) Object.assign(out, { from: v.from, to: v.to });
  for (const d of DIMENSIONS) if (v.filters[d] !== undefined) out[d] = v.filters[d]!;
  return out;
}

export const search = (v: ViewQuery) => new URLSearchParams(queryParams(v)).toString();

const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const languages = new Intl.DisplayNames(['en'], { type: 'language' });
const named = (names: Intl.DisplayNames, code: string) => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

/** How a filter's value reads in its chip (the tables get labels from the API). */
export function valueLabel(d: Dimension, value: string): string {
  if (value === '') return d === 'source' || d === 'referrer' ? 'Direct / none' : 'Unknown';
  if (d === 'country') return named(regions, value);
  if (d === 'language') return named(languages, value);
  return value;
}

/** A language row: its name, with the code the browser sent. */
export const languageLabel = (code: string) => (code && named(languages, code) !== code ? `${named(languages, code)} (${code})` : valueLabel('language', code));

const integer = new Intl.NumberFormat('en');
export const count = (n: number) => integer.format(n);
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** 0 -> "0s", 45 -> "45s", 65 -> "1m 05s", 3720 -> "1h 02m". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export const METRICS = [
  { key: 'visitors', name: 'Unique visitors', short: 'Visitors', format: count, higherIsBetter: true },
  { key: 'visits', name: 'Visits', short: 'Visits', format: count, higherIsBetter: true },
  { key: 'pageviews', name: 'Pageviews', short: 'Pageviews', format: count, higherIsBetter: true },
  { key: 'bounceRate', name: 'Bounce rate', short: 'Bounce rate', format: percent, higherIsBetter: false },
  { key: 'visitDuration', name: 'Visit duration', short: 'Visit duration', format: duration, higherIsBetter: true },
] as const;
export type Metric = (typeof METRICS)[number]['key'];

/** The change against the previous period: relative for counts, in points for the bounce rate; null when there is nothing to compare. */
export function change(metric: Metric, now: number, before: number | undefined, visitsBefore?: number): { text: string; good: boolean | null } | null {
  if (before === undefined) return null;
  // A rate or an average of no visits is no figure to compare with.
  if ((metric === 'bounceRate' || metric === 'visitDuration') && visitsBefore === 0) return null;
  const higherIsBetter = METRICS.find((m) => m.key === metric)!.higherIsBetter;
  let delta: number;
  let text: string;
  if (metric === 'bounceRate') {
    delta = Math.round((now - before) * 100);
    text = `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)} pts`;
  } else {
    if (before === 0) return null;
    delta = Math.round(((now - before) / before) * 100);
    text = `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)}%`;
  }
  return { text, good: delta === 0 ? null : delta > 0 === higherIsBetter };
}

const UTC = { timeZone: 'UTC' } as const;
const dayFormat = new Intl.DateTimeFormat('en', { ...UTC, month: 'short', day: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat('en', { ...UTC, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
const monthFormat = new Intl.DateTimeFormat('en', { ...UTC, month: 'short', year: 'numeric' });
const shortMonthFormat = new Intl.DateTimeFormat('en', { ...UTC, month: 'short' });

const asDate = (period: string) => new Date(period.length === 7 ? `${period}-01T00:00:00Z` : period.length === 13 ? `${period}:00:00Z` : `${period}T00:00:00Z`);

/** A series bucket on an axis: "13:00", "May 3" or "May". */
export function tickLabel(period: string): string {
  if (period.length === 13) return `${period.slice(11)}:00`;
  return period.length === 7 ? shortMonthFormat.format(asDate(period)) : dayFormat.format(asDate(period));
}

/** A series bucket in full: "Tue, May 3, 2026, 13:00 UTC", "Tue, May 3, 2026" or "May 2026". */
export function bucketLabel(period: string): string {
  if (period.length === 13) return `${longDayFormat.format(asDate(period))}, ${period.slice(11)}:00 UTC`;
  return period.length === 7 ? monthFormat.format(asDate(period)) : longDayFormat.format(asDate(period));
}

/** "May 3 – May 9, 2026" for a range's first and last day. */
export function rangeLabel(from: string, to: string): string {
  if (from === to) return longDayFormat.format(asDate(from));
  return `${dayFormat.format(asDate(from))} – ${longDayFormat.format(asDate(to)).replace(/^\w+, /, '')}`;
}

/** Today in UTC, as the API counts days. */
export const utcToday = () => new Date().toISOString().slice(0, 10);
