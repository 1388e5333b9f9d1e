// Every retention rule of Atrium: the data map names one for each personal
// column (a test holds them together), the sweep runs the scheduled ones every
// hour, and the generated privacy policy states them in words.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sweepAnalytics } from '../analytics/retention.js';
import type { Context } from '../context.js';
import { KEEP_FINISHED_MS } from '../jobs/job.js';
import { DISCLOSURE_LOG_YEARS } from '../privacy/data-map.js';
import { eraseAccountAsOperator } from '../rights/erase-account.js';
import { consentRecords, formSubmissions, orphanedSiteRows } from './site-rules.js';
import { DAY, daysBefore, tableRule, type EventRule, type RetentionRule, type ScheduledRule } from './rule.js';

const UNVERIFIED_DAYS = 30;
const REQUEST_PROOF_YEARS = 3;
const UNCONFIRMED_REQUEST_DAYS = 30;
const KEEP_FINISHED_DAYS = KEEP_FINISHED_MS / DAY;

const sessions = tableRule({
  id: 'sessions.ended',
  what: 'Dashboard sessions that ended: signed out, unused too long, or a year old',
  keptFor: (c) => `until sign-out, ${c.sessionIdleDays} days without use, or 365 days after sign-in`,
  database: 'control',
  table: 'sessions',
  where: (eb, now, c) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_used_at', '<=', daysBefore(now, c.sessionIdleDays))]),
});

const emailTokens = tableRule({
  id: 'email-tokens.spent',
  what: 'One-time links sent by mail (address confirmation, password reset)',
  keptFor: () => '24 hours after the link expired',
  database: 'control',
  table: 'email_tokens',
  where: (eb, now) => eb('expires_at', '<', daysBefore(now, 1)),
});

const unverifiedAccounts: ScheduledRule = {
  kind: 'scheduled',
  id: 'accounts.unverified',
  what: 'Accounts whose email address was never confirmed, with everything in them',
  keptFor: () => `${UNVERIFIED_DAYS} days after sign-up if the address is never confirmed`,
  async due(ctx, now) {
    return (await unverified(ctx, now)).length;
  },
  async apply(ctx, now) {
    const ids = await unverified(ctx, now);
    for (const id of ids) await eraseAccountAsOperator(ctx, id);
    return ids.length;
  },
};
const unverified = async (ctx: Context, now: Date) =>
  (
    await ctx.dbs.control
      .selectFrom('subscribers')
      .select('id')
      .where('email_verified_at', 'is', null)
      .where('created_at', '<', daysBefore(now, UNVERIFIED_DAYS))
      .execute()
  ).map((r) => r.id);

const finishedJobs = (database: 'control' | 'regions') =>
  tableRule({
    id: database === 'control' ? 'jobs.finished.platform' : 'jobs.finished',
    what:
      database === 'control'
        ? 'Platform work that finished (mails to subscribers), with what it carried'
        : 'Delivered or abandoned notification mails and webhook posts of form messages, with the message they carried',
    keptFor: () => `${KEEP_FINISHED_DAYS} days after they finished (to show the delivery outcome)`,
    database,
    table: 'jobs',
    where: (eb, now) => eb.and([eb('status', 'in', ['done', 'failed']), eb('updated_at', '<', daysBefore(now, KEEP_FINISHED_DAYS))]),
  });

const deliveryLog = tableRule({
  id: 'webhook-deliveries.old',
  what: 'The log of webhook deliveries (status codes and timings, never the message)',
  keptFor: () => `${KEEP_FINISHED_DAYS} days`,
  database: 'regions',
  table: 'webhook_deliveries',
  where: (eb, now) => eb('created_at', '<', daysBefore(now, KEEP_FINISHED_DAYS)),
});

const oldDisclosures = (database: 'control' | 'regions') =>
  tableRule({
    id: database === 'control' ? 'disclosures.old.platform' : 'disclosures.old',
    what:
      database === 'control'
        ? 'The log of data sent to outside parties about subscribers and requesters (who received what kind of data, when; never the content)'
        : 'The log of sites’ visitor data sent to outside parties (who received what kind of data, when; never the content)',
    keptFor: () => `${DISCLOSURE_LOG_YEARS} years after the data was sent, to tell people who received it`,
    database,
    table: 'disclosures',
    where: (eb, now) => eb('at', '<', daysBefore(now, DISCLOSURE_LOG_YEARS * 365)),
  });

const closedRequests = (database: 'control' | 'regions') =>
  tableRule({
    id: database === 'control' ? 'requests.closed.platform' : 'requests.closed',
    what:
      database === 'control'
        ? 'Privacy requests to the platform, with every step and mail, once answered'
        : 'Privacy requests of sites’ visitors, with every step and mail, once answered',
    keptFor: () => `${REQUEST_PROOF_YEARS} years after the answer, as proof of how the request was handled`,
    database,
    table: 'privacy_requests',
    where: (eb, now) => eb.and([eb('status', 'in', ['completed', 'refused']), eb('closed_at', '<', daysBefore(now, REQUEST_PROOF_YEARS * 365))]),
  });

const unconfirmedRequests = (database: 'control' | 'regions') =>
  tableRule({
    id: database === 'control' ? 'requests.unconfirmed.platform' : 'requests.unconfirmed',
    what: 'Privacy requests whose address was never confirmed',
    keptFor: () => `${UNCONFIRMED_REQUEST_DAYS} days after they were filed`,
    database,
    table: 'privacy_requests',
    where: (eb, now) => eb.and([eb('status', '=', 'unverified'), eb('created_at', '<', daysBefore(now, UNCONFIRMED_REQUEST_DAYS))]),
  });

const analyticsEvents: ScheduledRule = {
  kind: 'scheduled',
  id: 'analytics.events',
  what: 'Raw visitor analytics events (and, after their own period, the daily and hourly totals)',
  keptFor: (c) => `${c.analyticsRawDays} days; totals per day and hour ${c.analyticsRollupMonths} months`,
  async due(ctx, now) {
    let n = 0;
    for (const db of Object.values(ctx.dbs.regions)) {
      const r = await db
        .selectFrom('analytics_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('time', '<', daysBefore(now, ctx.config.analyticsRawDays))
        .executeTakeFirstOrThrow();
      n += Number(r.n);
    }
    return n;
  },
  async apply(ctx, now) {
    const swept = await sweepAnalytics(ctx.dbs.regions, { rawDays: ctx.config.analyticsRawDays, rollupMonths: ctx.config.analyticsRollupMonths }, now);
    return swept.events;
  },
};

const outboxDir = (ctx: Context) => path.join(ctx.config.dataDir, 'outbox');
async function oldOutboxFiles(ctx: Context, now: Date): Promise<string[]> {
  if (ctx.config.smtpUrl) return [];
  const dir = outboxDir(ctx);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const cutoff = now.getTime() - ctx.config.outboxDays * DAY;
  const old: string[] = [];
  for (const n of names.filter((x) => x.endsWith('.eml'))) {
    const stat = await fs.stat(path.join(dir, n)).catch(() => undefined);
    if (stat && stat.mtimeMs < cutoff) old.push(path.join(dir, n));
  }
  return old;
}
const outbox: ScheduledRule = {
  kind: 'scheduled',
  id: 'outbox.mail-copies',
  what: 'Copies of sent mail in the outbox folder (only when no SMTP server is configured)',
  keptFor: (c) => (c.smtpUrl ? 'not kept: mail goes to the SMTP server' : `${c.outboxDays} days`),
  due: async (ctx, now) => (await oldOutboxFiles(ctx, now)).length,
  async apply(ctx, now) {
    const files = await oldOutboxFiles(ctx, now);
    await Promise.all(files.map((f) => fs.rm(f, { force: true })));
    return files.length;
  },
};

const accountErasure: EventRule = {
  kind: 'event',
  id: 'account.erasure',
  what: 'Everything of an account: its details, consents, workspaces and sites',
  keptFor: () => 'until the account is deleted (by its owner, or on a confirmed erasure request)',
  by: 'src/rights/erase-account.ts',
};
const siteDeletion: EventRule = {
  kind: 'event',
  id: 'site.deletion',
  what: 'A site with its releases, images, files and every row in its region database',
  keptFor: () => 'until the site is deleted (or its account)',
  by: 'src/sites/sites.ts eraseSites',
};
const billing: EventRule = {
  kind: 'event',
  id: 'accounts.subscription-ended',
  what: 'Accounts whose paid subscription ended',
  keptFor: () => 'not applicable: this installation has no billing',
  by: 'none until billing exists',
};

export const RULES: readonly RetentionRule[] = [
  sessions,
  emailTokens,
  unverifiedAccounts,
  orphanedSiteRows,
  formSubmissions,
  analyticsEvents,
  consentRecords,
  closedRequests('control'),
  closedRequests('regions'),
  unconfirmedRequests('control'),
  unconfirmedRequests('regions'),
  finishedJobs('control'),
  finishedJobs('regions'),
  deliveryLog,
  oldDisclosures('control'),
  oldDisclosures('regions'),
  outbox,
  accountErasure,
  siteDeletion,
  billing,
];

export const RULE_IDS = new Set(RULES.map((r) => r.id));
export const scheduledRules = () => RULES.filter((r): r is ScheduledRule => r.kind === 'scheduled');
