// The scheduler's reminders to site owners: for each site with visitor
// requests due within a week or overdue, one mail a day listing them.
import type { Context } from '../context.js';
import { takeReminders, REMIND_DAYS_BEFORE } from './reminders.js';
import { REQUEST_TYPE_SHORT, type RequestType } from './request-types.js';
import { siteOwner } from './site-requests.js';
import { siteStore } from './store.js';

const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '?';

export async function remindSiteOwners(ctx: Context): Promise<number> {
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + REMIND_DAYS_BEFORE * 86_400_000).toISOString();
  let total = 0;
  for (const [region, db] of Object.entries(ctx.dbs.regions)) {
    const sites = await db
      .selectFrom('privacy_requests')
      .select('site_id')
      .distinct()
      .where('site_id', 'is not', null)
      .where('status', 'in', ['open', 'extended'])
      .where('due_at', '<=', soon)
      .execute();
    for (const { site_id } of sites) {
      const site = await ctx.dbs.control.selectFrom('sites').select(['id', 'name']).where('id', '=', site_id!).executeTakeFirst();
      const owner = site && (await siteOwner(ctx, site.id));
      if (!site || !owner) continue;
      const due = await takeReminders(ctx, siteStore(db, site.id, region));
      if (!due.length) continue;
      total += due.length;
      const overdue = due.filter((r) => r.due_at && r.due_at < now.toISOString()).length;
      const lines = due.map((r) => {
        const link = new URL(`/app/sites/${site.id}/privacy-requests/${r.id}`, ctx.config.publicUrl).href;
        const when = r.due_at && r.due_at < now.toISOString() ? `OVERDUE since ${day(r.due_at)}` : `due ${day(r.due_at)}`;
        return `- ${REQUEST_TYPE_SHORT[r.type as RequestType]} request, ${when}: ${link}`;
      });
      await ctx.mailer.send(
        {
          to: owner.email,
          subject: overdue
            ? `${site.name}: ${overdue} visitor privacy request${overdue > 1 ? 's are' : ' is'} overdue`
            : `${site.name}: ${due.length} visitor privacy request${due.length > 1 ? 's' : ''} due within a week`,
          text: `Hello ${owner.name},\n\nThese requests from visitors of ${site.name} need your answer:\n\n${lines.join('\n')}\n`,
        },
        { category: 'privacy-request', subject: { type: 'subscriber', subscriberId: owner.id, siteId: site.id } },
      );
    }
  }
  return total;
}
