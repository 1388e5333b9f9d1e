// The date ranges the dashboard asks for, in UTC days (inclusive), and the
// interval of their time series: hours for one day, days up to three months,
// months beyond.
import { z } from 'zod';
import { invalid } from '../lib/errors.js';
import { utcDay } from './salts.js';

const DAY_MS = 24 * 3600_000;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-05-01');

export const RangeQuery = z.object({
  period: z.enum(['day', '7d', '30d', '12mo', 'custom']).default('30d'),
  /** The day shown by period=day (default: today). */
  date: Day.optional(),
  /** First and last day of period=custom. */
  from: Day.optional(),
  to: Day.optional(),
});
export type RangeInput = z.infer<typeof RangeQuery>;

export interface Range {
  from: string;
  to: string;
  interval: 'hour' | 'day' | 'month';
}

export const addDays = (day: string, n: number) => utcDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export function resolveRange(input: RangeInput, now: Date): Range {
  const today = utcDay(now.getTime());
  switch (input.period) {
    case 'day': {
      const d = input.date ?? today;
      if (Number.isNaN(Date.parse(d))) throw invalid('date', 'not a valid date');
      return { from: d, to: d, interval: 'hour' };
    }
    case '7d':
      return { from: addDays(today, -6), to: today, interval: 'day' };
    case '30d':
      return { from: addDays(today, -29), to: today, interval: 'day' };
    case '12mo': {
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
      return { from: utcDay(first.getTime()), to: today, interval: 'month' };
    }
    case 'custom': {
      if (!input.from) throw invalid('from', 'needed for a custom range');
      if (!input.to) throw invalid('to', 'needed for a custom range');
      if (Number.isNaN(Date.parse(input.from))) throw invalid('from', 'not a valid date');
      if (Number.isNaN(Date.parse(input.to))) throw invalid('to', 'not a valid date');
      const span = daysBetween(input.from, input.to);
      if (span < 0) throw invalid('to', 'must not be before from');
      if (span > 3 * 366) throw invalid('to', 'a range may span three years at most');
      return { from: input.from, to: input.to, interval: span === 0 ? 'hour' : span <= 92 ? 'day' : 'month' };
    }
  }
}

/** The range of the same length just before. */
export function previousRange(r: Range): Range {
  if (r.interval === 'month' && r.from.endsWith('-01')) {
    const months = monthsOf(r).length;
    const [y, m] = r.from.split('-').map(Number) as [number, number];
    const from = utcDay(Date.UTC(y, m - 1 - months, 1));
    return { from, to: addDays(r.from, -1), interval: 'month' };
  }
  const len = daysBetween(r.from, r.to) + 1;
  return { from: addDays(r.from, -len), to: addDays(r.from, -1), interval: r.interval };
}

/** The labels of a range's time series buckets: hours (2026-05-01T13), days or months (2026-05). */
export function buckets(r: Range): string[] {
  if (r.interval === 'hour') return Array.from({ length: 24 }, (_, h) => `${r.from}T${String(h).padStart(2, '0')}`);
  if (r.interval === 'month') return monthsOf(r);
  const out: string[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  return out;
}

function monthsOf(r: Range): string[] {
  const out: string[] = [];
  for (let m = r.from.slice(0, 7); m <= r.to.slice(0, 7);) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}
