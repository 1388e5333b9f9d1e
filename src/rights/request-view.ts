// A request and its steps as the consoles show them.
import type { Selectable } from 'kysely';
import type { PrivacyRequestLogTable } from '../db/schema.js';
import { describePeriod } from './deadlines.js';
import { RULES, type Regime } from './regimes.js';
import { REMIND_DAYS_BEFORE } from './reminders.js';
import { isActive, isOverdue, type RequestRow, type RequestStatus } from './request-row.js';
import type { RequestType } from './request-types.js';
import type { Actor } from './store.js';

const DAY = 86_400_000;

export function requestView(row: RequestRow, now: Date) {
  const active = isActive(row) && row.due_at !== null;
  const msLeft = active ? new Date(row.due_at!).getTime() - now.getTime() : null;
  return {
    id: row.id,
    siteId: row.site_id,
    type: row.type as RequestType,
    email: row.email,
    name: row.name,
    country: row.country,
    subdivision: row.subdivision,
    regime: row.regime as Regime,
    regimeName: RULES[row.regime as Regime].name,
    authority: RULES[row.regime as Regime].authority,
    extensionPeriod: describePeriod(RULES[row.regime as Regime].extension),
    details: row.details,
    status: row.status as RequestStatus,
    receivedAt: row.verified_at,
    dueAt: row.due_at,
    acknowledgeBy: row.acknowledge_by,
    acknowledgedAt: row.acknowledged_at,
    extendedAt: row.extended_at,
    closedAt: row.closed_at,
    overdue: isOverdue(row, now),
    /** Open, not overdue, due within the reminder window (a week). */
    dueSoon: msLeft !== null && msLeft >= 0 && msLeft <= REMIND_DAYS_BEFORE * DAY,
    /** Days until the deadline, rounded up ("due within 3 days"); past it, whole days overdue as a negative number (at least 1); null when answered. */
    daysLeft: msLeft === null ? null : msLeft >= 0 ? Math.ceil(msLeft / DAY) : -Math.max(1, Math.floor(-msLeft / DAY)),
    /** Platform requests: a confirmed account uses the requester's address, so operators can act on it. */
    accountLinked: row.subscriber_id !== null,
    canExtend: row.status === 'open' && isActive(row) && row.due_at !== null && row.due_at > now.toISOString(),
  };
}

export function stepView(step: Selectable<PrivacyRequestLogTable>) {
  return {
    at: step.at,
    actor: step.actor as Actor['kind'],
    actorId: step.actor_id,
    action: step.action,
    note: step.note,
    mail: step.mail_to ? { to: step.mail_to, subject: step.mail_subject ?? '', text: step.mail_text ?? '' } : null,
  };
}
