// Tells every Atrium process that a site's hosts or live release changed: an
// append-only log in the control database that each process polls, plus an
// in-process event so the process that made the change updates at once.
import type { Context } from '../context.js';
import { nowIso } from '../lib/ids.js';

export const HOSTS_CHANGED = 'site-hosts-changed';

export async function hostsChanged(ctx: Context, siteId: string): Promise<void> {
  await ctx.dbs.control.insertInto('host_changes').values({ site_id: siteId, created_at: nowIso() }).execute();
  ctx.events.emit(HOSTS_CHANGED, siteId);
}

/** Polls the log and calls onChange for sites changed by other processes. Returns a stop function. */
export async function followHostChanges(ctx: Context, onChange: (siteId: string) => void, intervalMs = 1000): Promise<() => void> {
  const db = ctx.dbs.control;
  const max = await db
    .selectFrom('host_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  let last = Number(max?.seq ?? 0);
  let polls = 0;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const rows = await db.selectFrom('host_changes').select(['seq', 'site_id']).where('seq', '>', last).orderBy('seq').limit(1000).execute();
      for (const r of rows) {
        last = Math.max(last, Number(r.seq));
        onChange(r.site_id);
      }
      // Keep the log short; every process reads it within seconds.
      if (++polls % 600 === 0)
        await db
          .deleteFrom('host_changes')
          .where('created_at', '<', new Date(Date.now() - 3600_000).toISOString())
          .execute();
    } catch {
      /* database briefly unavailable: retry next tick */
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
