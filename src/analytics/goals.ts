// Form submissions are goals without any setup: each message stored in a
// site's inbox (not spam) adds a "Form sent: <form id>" event on the page the
// form is on. Nothing from the submission itself is recorded, and the event
// has no visitor hash (the form post is not a page request).
import type { Context } from '../context.js';
import { regionDbForSite } from '../db/region-db.js';
import type { Collector } from './collector.js';

export const formGoalName = (formId: string) => `Form sent: ${formId}`;

export function recordFormGoals(ctx: Context, collector: Collector): () => void {
  return ctx.bus.on('submission.stored', async (e) => {
    if (e.status !== 'inbox') return;
    const db = regionDbForSite(ctx.dbs, { id: e.siteId, region: e.region });
    const sub = await db.selectFrom('form_submissions').select(['form_id', 'page_path']).where('id', '=', e.submissionId).executeTakeFirst();
    if (!sub) return;
    collector.record(e.region, {
      site_id: e.siteId,
      time: ctx.clock.now().toISOString(),
      visitor: null,
      visit_id: null,
      kind: 'goal',
      name: formGoalName(sub.form_id),
      path: sub.page_path,
      source: null,
      referrer_host: null,
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      utm_content: null,
      utm_term: null,
      country: null,
      region: null,
      city: null,
      device: null,
      os: null,
      browser: null,
      language: null,
      screen: null,
      duration: null,
      returning: 0,
      props: null,
    });
  });
}
