// Delivering form submissions: a notification email and a signed POST to each
// of the site's webhooks. They are jobs in the site's region database, queued
// in the same transaction as the submission (submissions.ts), so nothing is
// lost to a crash or restart; the job runner (src/jobs) retries failures with
// exponential backoff. Each sending goes through disclose(), and its entry in
// the disclosure log is written with the job's outcome, in the job's database.
import { createHmac } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Context } from '../context.js';
import type { RegionDatabase } from '../db/schema.js';
import { newJob, PermanentError, type JobRow } from '../jobs/job.js';
import type { JobContext, JobRunner } from '../jobs/runner.js';
import type { Clock } from '../lib/clock.js';
import { newId, nowIso } from '../lib/ids.js';
import type { MailAbout } from '../mail/mailer.js';
import { disclose, type DisclosureRecorder } from '../privacy/disclose.js';
import { recordIn, rowFor } from '../privacy/disclosure-log.js';
import type { RegistryConfig } from '../privacy/sub-processors.js';
import { postWebhook } from './webhook-post.js';
import { assertPublicTarget } from './webhook-target.js';

export interface EmailPayload {
  subject: string;
  text: string;
  replyTo?: string;
  /** What the mail is, for the disclosure log; a site's notification mails (no `about`) are form notifications. */
  about?: MailAbout;
}

export interface WebhookPayload {
  event: 'form.submission';
  site: { id: string; name: string };
  form: { id: string; version: string; page: string };
  submission: { id: string; createdAt: string; data: Record<string, string | boolean>; consentText: string | null };
}

/** A delivery job of a submission: kind 'email' (target: an address) or 'webhook' (target: a webhook id). */
export function deliveryJob(
  now: Date,
  siteId: string,
  submissionId: string,
  kind: 'email' | 'webhook',
  target: string,
  payload: EmailPayload | WebhookPayload,
) {
  return newJob(now, { kind, target, payload, siteId, submissionId });
}

/** Signature header value: HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What deliveries need: they run in the job thread (src/jobs/thread.ts) or in the process. */
export interface DeliveryDeps {
  config: Pick<Context['config'], 'webhooksAllowPrivate'> & RegistryConfig;
  dbs: Pick<Context['dbs'], 'control' | 'regions'>;
  mailer: Context['mailer'];
  clock: Clock;
}

/** Records a disclosure beside the job's outcome when it belongs in the job's database; elsewhere at once. */
function recordWithJob(ctx: DeliveryDeps, jc: JobContext): DisclosureRecorder {
  const direct = recordIn(ctx.dbs);
  return (row, database) => (database === jc.database ? jc.insert('disclosures', rowFor(database, row)) : direct(row, database));
}

/** A job of a region database is about a visitor of its site; the job's database is the site's region. */
const visitorOf = (job: JobRow, jc: JobContext, ref: string | null) => ({
  type: 'visitor' as const,
  site: { id: job.site_id!, region: jc.database },
  ref,
});

type Webhook = { id: string; url: string; secret: string };

/**
 * Looks webhooks up once a second at most: a busy form's deliveries all go to its one or two webhooks. A removed
 * webhook gets no new delivery attempt a second later.
 */
function webhookLookup(ctx: DeliveryDeps): (id: string) => Promise<Webhook | undefined> {
  const recent = new Map<string, { at: number; hook: Promise<Webhook | undefined> }>();
  return (id) => {
    const now = Date.now();
    const hit = recent.get(id);
    if (hit && now - hit.at < 1000) return hit.hook;
    if (recent.size > 1000) recent.clear();
    const hook = ctx.dbs.control.selectFrom('webhooks').select(['id', 'url', 'secret']).where('id', '=', id).executeTakeFirst();
    recent.set(id, { at: now, hook });
    hook.catch(() => recent.delete(id));
    return hook;
  };
}

export function registerDeliveries(runner: JobRunner, ctx: DeliveryDeps): void {
  const webhook = webhookLookup(ctx);
  runner.register('email', async (job, jc) => {
    const p = JSON.parse(job.payload) as EmailPayload;
    const about: MailAbout =
      p.about ??
      (job.site_id
        ? { category: 'form-notification', subject: visitorOf(job, jc, job.submission_id) }
        : { category: 'policy-notice', subject: { type: 'subscriber' } });
    await ctx.mailer.send({ to: job.target, subject: p.subject, text: p.text, replyTo: p.replyTo }, about, { record: recordWithJob(ctx, jc) });
  });
  runner.register('webhook', async (job, jc) => deliverWebhook(ctx, job, jc, await webhook(job.target), (entry) => jc.insert('webhook_deliveries', entry)));
}

/** The event a webhook body carries: form.submission, or privacy.erasure (src/rights/erase-visitor-data.ts), and the request it answers. */
const eventOf = (payload: string) => {
  const p = JSON.parse(payload) as { event?: string; request?: { id?: string } };
  return { event: p.event ?? 'form.submission', requestId: p.request?.id ?? null };
};

/** POSTs one submission to one webhook; the attempt goes to the delivery log either way. */
async function deliverWebhook(
  ctx: DeliveryDeps,
  job: JobRow,
  jc: JobContext,
  hook: Webhook | undefined,
  log: (entry: Insertable<RegionDatabase['webhook_deliveries']>) => void,
): Promise<void> {
  if (!hook) throw new PermanentError('the webhook was removed');
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    await assertPublicTarget(hook.url, ctx.config.webhooksAllowPrivate);
    const timestamp = Math.floor(Date.now() / 1000);
    const { event, requestId } = eventOf(job.payload);
    const erasure = event === 'privacy.erasure';
    statusCode = await disclose(
      { config: ctx.config, clock: ctx.clock, record: recordWithJob(ctx, jc) },
      { party: 'webhooks', category: erasure ? 'erasure-notice' : 'form-message', subject: visitorOf(job, jc, erasure ? requestId : job.submission_id) },
      (receipt) =>
        postWebhook(
          receipt,
          hook.url,
          job.payload,
          {
            'content-type': 'application/json',
            'user-agent': 'Atrium-Webhooks/1',
            'x-atrium-event': event,
            'x-atrium-delivery': job.id,
            'x-atrium-signature': signWebhook(hook.secret, timestamp, job.payload),
          },
          10_000,
        ),
    );
    if (statusCode < 200 || statusCode >= 300) error = `the receiver answered ${statusCode}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const entry = {
    id: newId('dlv'),
    job_id: job.id,
    site_id: job.site_id!,
    webhook_id: hook.id,
    submission_id: job.submission_id,
    attempt: job.attempts + 1,
    status_code: statusCode,
    error,
    duration_ms: Date.now() - started,
    created_at: nowIso(),
  };
  log(entry);
  if (error) throw new Error(error);
}
