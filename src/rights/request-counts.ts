// How many requests of a store are waiting for an answer, and how many of those
// are overdue: the dashboard's badge. One query, on the (site_id, status, due_at) index.
import { inScope, type RequestStore } from './store.js';

export interface ActiveCounts {
  /** Open or extended: waiting for an answer. */
  open: number;
  /** Of those, past their deadline. */
  overdue: number;
}

export async function countActive(store: RequestStore, now: Date): Promise<ActiveCounts> {
  const row = await store.db
    .selectFrom('privacy_requests')
    .select((eb) => [eb.fn.countAll().as('open'), eb.fn.sum(eb.case().when('due_at', '<', now.toISOString()).then(1).else(0).end()).as('overdue')])
    .where(inScope(store))
    .where('status', 'in', ['open', 'extended'])
    .executeTakeFirst();
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}
