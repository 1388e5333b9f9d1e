// Telling subscribers of a material change to the privacy policy or the data processing agreement: a mail to
// every confirmed account when the new version is made (queued as durable
// jobs), saying what changed and from when; and a notice in the dashboard until
// they have read it.
import type { Context } from '../context.js';
import { newJob } from '../jobs/job.js';
import type { MailAbout } from '../mail/mailer.js';
import { policyVersion, type PolicyKind } from '../agreements/versions.js';

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** How each kind of document is named in the mail, where it lives, and what a subscriber can do about a change. */
const MAIL: Record<PolicyKind, { name: string; base: string; choice: string }> = {
  platform: {
    name: 'privacy policy',
    base: '/privacy',
    choice: 'If you do not agree, you can download your data and delete your account in the dashboard before that date.',
  },
  dpa: {
    name: 'data processing agreement',
    base: '/dpa',
    choice:
      'Your published sites keep running. From that date, the dashboard asks you to accept the new version the next time you publish a site with forms or analytics. If you object, write to {contact} before that date.',
  },
};

export async function mailPolicyChange(ctx: Context, kind: PolicyKind, version: number): Promise<number> {
  const v = await policyVersion(ctx, kind, version);
  if (!v || !v.material.length) return 0;
  const words = MAIL[kind];
  const link = new URL(`${words.base}/versions/${version}`, ctx.config.publicUrl).href;
  const subscribers = await ctx.dbs.control.selectFrom('subscribers').select(['id', 'email', 'name']).where('email_verified_at', 'is not', null).execute();
  const now = ctx.clock.now();
  const jobs = subscribers.map((s) =>
    newJob(now, {
      kind: 'email',
      target: s.email,
      siteId: null,
      payload: {
        subject: `Changes to the ${words.name} of ${ctx.config.operatorName}, from ${day(v.effectiveAt)}`,
        text:
          `Hello ${s.name},\n\nOur ${words.name} changes on ${day(v.effectiveAt)}. What changes:\n\n${v.material.map((m) => `- ${m}`).join('\n')}\n\n` +
          `Read the new version: ${link}\n\n${words.choice.replace('{contact}', ctx.config.privacyContact)}\n`,
        about: { category: 'policy-notice', subject: { type: 'subscriber', subscriberId: s.id } } satisfies MailAbout,
      },
    }),
  );
  for (let i = 0; i < jobs.length; i += 500)
    await ctx.dbs.control
      .insertInto('jobs')
      .values(jobs.slice(i, i + 500))
      .execute();
  if (jobs.length) await ctx.bus.emit({ type: 'jobs.queued', database: 'control' });
  return jobs.length;
}

/** The newest material change the subscriber has not marked as read, if any. */
export async function policyNotice(ctx: Context, subscriberId: string, kind: PolicyKind = 'platform') {
  const seen = await ctx.dbs.control
    .selectFrom('policy_seen')
    .select('version')
    .where('subscriber_id', '=', subscriberId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  const rows = await ctx.dbs.control
    .selectFrom('policy_versions')
    .select(['version', 'effective_at', 'material'])
    .where('kind', '=', kind)
    .where('version', '>', seen?.version ?? 0)
    .where('material', '!=', '[]')
    .orderBy('version', 'desc')
    .limit(1)
    .execute();
  const latest = rows[0];
  return latest
    ? {
        version: latest.version,
        effectiveAt: latest.effective_at,
        changes: JSON.parse(latest.material) as string[],
        url: `/privacy/versions/${latest.version}`,
      }
    : null;
}

export async function markPolicySeen(ctx: Context, subscriberId: string, version: number, kind: PolicyKind = 'platform'): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.dbs.control
    .insertInto('policy_seen')
    .values({ subscriber_id: subscriberId, kind, version, seen_at: at })
    .onConflict((oc) => oc.columns(['subscriber_id', 'kind']).doUpdateSet({ version, seen_at: at }))
    .execute();
}
