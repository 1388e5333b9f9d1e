// A request and its steps as the consoles show them.
import type { Selectable } from 'kysely';
import type { PrivacyRequestLogTable } from '../db/schema.js';
import { RULES, type Regime } from './regimes.js';
import { isActive, isOverdue, type RequestRow, type RequestStatus } from './request-row.js';
import type { RequestType } from './request-types.js';
import type { Actor } from './store.js';

export function requestView(row: RequestRow, now: Date) {
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
    details: row.details,
    status: row.status as RequestStatus,
    receivedAt: row.verified_at,
    dueAt: row.due_at,
    acknowledgeBy: row.acknowledge_by,
    acknowledgedAt: row.acknowledged_at,
    extendedAt: row.extended_at,
    closedAt: row.closed_at,
    overdue: isOverdue(row, now),
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
