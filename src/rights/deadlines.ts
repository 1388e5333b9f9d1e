// Calendar arithmetic for request deadlines. A month ends on the same date of
// the next month, or that month's last day when it has no such date (31 January
// + 1 month = 28 or 29 February). Business days skip Saturdays and Sundays
// (public holidays are not known here, so acknowledgements come out early,
// never late). Times keep their time of day, in UTC.
import { RULES, type Period, type Regime } from './regimes.js';

export function addPeriod(from: Date, period: Period): Date {
  const d = new Date(from.getTime());
  if ('months' in period) {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + period.months);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
    return d;
  }
  if ('days' in period) return new Date(d.getTime() + period.days * 86_400_000);
  let left = period.businessDays;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d;
}

export interface Deadlines {
  /** The answer is due by then. */
  dueAt: Date;
  /** Receipt must be acknowledged by then (California); undefined elsewhere. */
  acknowledgeBy?: Date;
}

/** The deadlines of a request verified at `receivedAt`. */
export function deadlinesFor(regime: Regime, receivedAt: Date): Deadlines {
  const rules = RULES[regime];
  return {
    dueAt: addPeriod(receivedAt, rules.respond),
    acknowledgeBy: rules.acknowledge ? addPeriod(receivedAt, rules.acknowledge) : undefined,
  };
}

/** The deadline after the one extension a regime allows, counted from the first deadline. */
export function extendedDeadline(regime: Regime, firstDue: Date): Date {
  return addPeriod(firstDue, RULES[regime].extension);
}

/** "1 month", "45 days", "10 business days": for mails and screens. */
export function describePeriod(period: Period): string {
  if ('months' in period) return period.months === 1 ? '1 month' : `${period.months} months`;
  if ('days' in period) return `${period.days} days`;
  return `${period.businessDays} business days`;
}
