// The calendar rules behind request deadlines: months end on the same date or
// the month's last day, business days skip weekends, regimes by residence.
import { describe, expect, it } from 'vitest';
import { addPeriod, deadlinesFor, extendedDeadline } from '../../src/rights/deadlines.js';
import { regimeFor } from '../../src/rights/regimes.js';

const at = (iso: string) => new Date(iso);

describe('request deadlines', () => {
  it('counts a month to the same date, or the last day of a shorter month', () => {
    expect(addPeriod(at('2026-03-15T10:00:00Z'), { months: 1 }).toISOString()).toBe('2026-04-15T10:00:00.000Z');
    expect(addPeriod(at('2027-01-31T10:00:00Z'), { months: 1 }).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addPeriod(at('2028-01-31T10:00:00Z'), { months: 1 }).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addPeriod(at('2026-12-31T23:00:00Z'), { months: 2 }).toISOString()).toBe('2027-02-28T23:00:00.000Z');
  });

  it('counts business days Monday to Friday', () => {
    // Thursday 3 December 2026 + 10 business days = Thursday 17 December.
    expect(addPeriod(at('2026-12-03T09:00:00Z'), { businessDays: 10 }).toISOString()).toBe('2026-12-17T09:00:00.000Z');
    // From a Saturday, the first business day is Monday.
    expect(addPeriod(at('2026-12-05T09:00:00Z'), { businessDays: 1 }).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('applies each regime: EEA and UK a month plus two, Canada 30 plus 30, California 45 plus 45 with acknowledgement', () => {
    const received = at('2026-12-03T09:00:00Z');
    expect(deadlinesFor('eea', received)).toEqual({ dueAt: at('2027-01-03T09:00:00Z'), acknowledgeBy: undefined });
    expect(extendedDeadline('uk', at('2027-01-03T09:00:00Z'))).toEqual(at('2027-03-03T09:00:00Z'));
    expect(deadlinesFor('canada', received).dueAt).toEqual(at('2027-01-02T09:00:00Z'));
    expect(deadlinesFor('california', received)).toEqual({ dueAt: at('2027-01-17T09:00:00Z'), acknowledgeBy: at('2026-12-17T09:00:00Z') });
    expect(deadlinesFor('default', received).dueAt).toEqual(at('2027-01-17T09:00:00Z'));
  });

  it('finds the regime from where the requester lives', () => {
    expect(['DE', 'no', 'IS'].map((c) => regimeFor(c))).toEqual(['eea', 'eea', 'eea']);
    expect(regimeFor('GB')).toBe('uk');
    expect(regimeFor('CA')).toBe('canada');
    expect(regimeFor('US', 'CA')).toBe('california');
    expect(regimeFor('US', 'NY')).toBe('default');
    expect(regimeFor('CH')).toBe('default');
  });
});
