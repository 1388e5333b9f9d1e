// Erasing what a site holds about a visitor (by email): their form submissions
// and every queued or kept delivery of them, in one transaction. In the same
// transaction a signed `privacy.erasure` event is queued for each of the site's
// webhook endpoints, so systems that received the data can erase it too (GDPR
// art. 19); their delivery log is the proof. Consent records stay: they hold
// no email, and the site must be able to prove the consent it relied on.
import type { Context } from '../context.js';
import { regionDbForSite } from '../db/region-db.js';
import { newJob } from '../jobs/job.js';
import { normaliseEmail } from './visitor-data.js';

export interface ErasurePayload {
  event: 'privacy.erasure';
  site: { id: string; name: string };
  request: { id: string };
  subject: { email: string };
  submissions: string[];
  erasedAt: string;
}

export interface ErasureResult {
  submissions: number;
  deliveries: number;
  /** Jobs queued to tell each webhook endpoint; their delivery log shows the outcome. */
  notifications: string[];
}

export async function eraseVisitorData(
  ctx: Context,
  site: { id: string; name: string; region: string },
  requestId: string,
  email: string,
): Promise<ErasureResult> {
  const db = regionDbForSite(ctx.dbs, site);
  const address = normaliseEmail(email);
  const hooks = await ctx.dbs.control.selectFrom('webhooks').select('id').where('site_id', '=', site.id).execute();
  const now = ctx.clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('form_submissions').select('id').where('site_id', '=', site.id).where('submitter_email', '=', address).execute();
    const ids = rows.map((r) => r.id);
    let deliveries = 0;
    if (ids.length) {
      const jobs = await trx.deleteFrom('jobs').where('site_id', '=', site.id).where('submission_id', 'in', ids).executeTakeFirst();
      deliveries = Number(jobs.numDeletedRows);
      await trx.deleteFrom('form_submissions').where('site_id', '=', site.id).where('id', 'in', ids).execute();
      // The log of where those messages went: without them it would tie nothing to anyone, and it goes with them.
      await trx.deleteFrom('disclosures').where('site_id', '=', site.id).where('ref', 'in', ids).execute();
    }
    const payload: ErasurePayload = {
      event: 'privacy.erasure',
      site: { id: site.id, name: site.name },
      request: { id: requestId },
      subject: { email: address },
      submissions: ids,
      erasedAt: now.toISOString(),
    };
    const notifications = hooks.map((h) => newJob(now, { kind: 'webhook', target: h.id, payload, siteId: site.id }));
    if (notifications.length) await trx.insertInto('jobs').values(notifications).execute();
    return { submissions: ids.length, deliveries, notifications: notifications.map((j) => j.id) };
  });
  if (result.notifications.length) await ctx.bus.emit({ type: 'jobs.queued', database: site.region });
  return result;
}
