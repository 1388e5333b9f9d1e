// Restriction of processing (GDPR art. 18): while it is on, Atrium keeps the
// subscriber's data and runs their sites, and does nothing else with their data
// that is not needed to keep it: no product news (even with consent), and no
// use of their data for anything but the service they asked to keep running.
// Atrium has no product analytics about subscribers; if it ever gets them,
// they must check isRestricted() as product news does.
import type { Context } from '../context.js';

export async function setRestriction(ctx: Context, subscriberId: string, restricted: boolean): Promise<string | null> {
  const at = restricted ? ctx.clock.now().toISOString() : null;
  await ctx.dbs.control
    .updateTable('subscribers')
    .set({ processing_restricted_at: at })
    .where('id', '=', subscriberId)
    .where((eb) => (restricted ? eb('processing_restricted_at', 'is', null) : eb('processing_restricted_at', 'is not', null)))
    .execute();
  const row = await ctx.dbs.control.selectFrom('subscribers').select('processing_restricted_at').where('id', '=', subscriberId).executeTakeFirstOrThrow();
  return row.processing_restricted_at;
}

export async function isRestricted(ctx: Context, subscriberId: string): Promise<boolean> {
  const row = await ctx.dbs.control.selectFrom('subscribers').select('processing_restricted_at').where('id', '=', subscriberId).executeTakeFirst();
  return row?.processing_restricted_at != null;
}
