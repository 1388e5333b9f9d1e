// Reading requests back: one row, or a store's list ordered by what is due first.
import type { Selectable } from 'kysely';
import type { PrivacyRequestsTable } from '../db/schema.js';
import { notFound } from '../lib/errors.js';
import type { Regime } from './regimes.js';
import type { MailRequest } from './request-mails.js';
import type { RequestType } from './request-types.js';
import { inScope, type RequestStore } from './store.js';

export type RequestRow = Selectable<PrivacyRequestsTable>;
export type RequestStatus = 'unverified' | 'open' | 'extended' | 'completed' | 'refused';

/** A request of this store, or 404: a foreign id is as unknown as a missing one. */
export async function requestById(store: RequestStore, id: string): Promise<RequestRow> {
  const row = await store.db.selectFrom('privacy_requests').selectAll().where('id', '=', id).where(inScope(store)).executeTakeFirst();
  if (!row) throw notFound('privacy request');
  return row;
}

export const mailRequest = (row: RequestRow): MailRequest => ({
  id: row.id,
  type: row.type as RequestType,
  email: row.email,
  name: row.name,
  regime: row.regime as Regime,
});

/** Open and extended requests first, by due date; then closed ones, newest first. Unverified ones are left out. */
export async function listRequests(store: RequestStore, filter: { status?: RequestStatus } = {}): Promise<RequestRow[]> {
  let q = store.db.selectFrom('privacy_requests').selectAll().where(inScope(store)).where('status', '!=', 'unverified');
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('due_at', 'asc').limit(1000).execute();
  const active = rows.filter((r) => r.status === 'open' || r.status === 'extended');
  const closed = rows.filter((r) => r.status !== 'open' && r.status !== 'extended').sort((a, b) => (b.closed_at ?? '').localeCompare(a.closed_at ?? ''));
  return [...active, ...closed];
}

/** The request's steps and mails, oldest first. */
export async function requestLog(store: RequestStore, id: string) {
  await requestById(store, id);
  return store.db.selectFrom('privacy_request_log').selectAll().where('request_id', '=', id).orderBy('seq', 'asc').execute();
}

export const isActive = (row: RequestRow) => row.status === 'open' || row.status === 'extended';
export const isOverdue = (row: RequestRow, now: Date) => isActive(row) && row.due_at !== null && row.due_at < now.toISOString();
