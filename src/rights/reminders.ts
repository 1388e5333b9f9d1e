// Reminders for whoever answers requests: requests due within a few days, or
// overdue, at most one reminder a day per request. The scheduler calls this;
// what to do with the list (mail the operators or the site's subscribers) is
// the caller's business.
import type { Context } from '../context.js';
import { logStep } from './request-log.js';
import type { RequestRow } from './request-row.js';
import { inScope, type RequestStore } from './store.js';

export const REMIND_DAYS_BEFORE = 7;
const DAY = 86_400_000;

/** Requests to remind about now; each is marked reminded and the reminder logged. */
export async function takeReminders(ctx: Context, store: RequestStore): Promise<RequestRow[]> {
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY).toISOString();
  const dayAgo = new Date(now.getTime() - DAY).toISOString();
  const due = await store.db
    .selectFrom('privacy_requests')
    .selectAll()
    .where(inScope(store))
    .where('status', 'in', ['open', 'extended'])
    .where('due_at', '<=', soon)
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', dayAgo)]))
    .orderBy('due_at', 'asc')
    .execute();
  for (const row of due) {
    await store.db.updateTable('privacy_requests').set({ reminded_at: now.toISOString() }).where('id', '=', row.id).execute();
    const overdue = row.due_at !== null && row.due_at < now.toISOString();
    await logStep(store, { requestId: row.id, at: now, actor: { kind: 'system' }, action: overdue ? 'reminded_overdue' : 'reminded' });
  }
  return due;
}
