// The durable outbox: notification emails and webhook deliveries are rows in
// the region database, written in the same transaction as the submission, so
// nothing is lost to a crash or restart. A worker in every process claims due
// rows with a lease, delivers them, and retries failures with exponential backoff.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { RegionDatabase } from '../db/schema.js';
import { newId, nowIso } from '../lib/ids.js';
import { REGIONS, type Region } from '../regions/regions.js';
import { assertPublicTarget } from './webhook-target.js';

export interface EmailPayload {
  subject: string;
  text: string;
  replyTo?: string;
}

export interface WebhookPayload {
  event: 'form.submission';
  site: { id: string; name: string };
  form: { id: string; version: string; page: string };
  submission: { id: string; createdAt: string; data: Record<string, string | boolean>; consentText: string | null };
}

export const MAX_ATTEMPTS = 12;
const LEASE_MS = 60_000;

export function jobRow(siteId: string, submissionId: string, kind: 'email' | 'webhook', target: string, payload: EmailPayload | WebhookPayload) {
  const now = nowIso();
  return {
    id: newId('job'),
    site_id: siteId,
    submission_id: submissionId,
    kind,
    target,
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
}

/** Delay before the next attempt: base, 2x base, 4x base... capped at six hours. */
export const backoffMs = (attempts: number, baseMs: number) => Math.min(baseMs * 2 ** (attempts - 1), 6 * 3600_000);

/** Signature header value: HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

type JobRow = RegionDatabase['jobs'];

async function deliver(ctx: Context, db: Kysely<RegionDatabase>, job: JobRow): Promise<void> {
  if (job.kind === 'email') {
    const p = JSON.parse(job.payload) as EmailPayload;
    await ctx.mailer.send({ to: job.target, subject: p.subject, text: p.text, replyTo: p.replyTo });
    return;
  }
  const hook = await ctx.dbs.control.selectFrom('webhooks').select(['id', 'url', 'secret']).where('id', '=', job.target).executeTakeFirst();
  if (!hook) throw new PermanentError('the webhook was removed');
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    await assertPublicTarget(hook.url, ctx.config.webhooksAllowPrivate);
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(hook.url, {
      method: 'POST',
      body: job.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Atrium-Webhooks/1',
        'x-atrium-event': 'form.submission',
        'x-atrium-delivery': job.id,
        'x-atrium-signature': signWebhook(hook.secret, timestamp, job.payload),
      },
    });
    statusCode = res.status;
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) error = `the receiver answered ${res.status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await db
    .insertInto('webhook_deliveries')
    .values({
      id: newId('dlv'),
      job_id: job.id,
      site_id: job.site_id,
      webhook_id: hook.id,
      submission_id: job.submission_id,
      attempt: job.attempts + 1,
      status_code: statusCode,
      error,
      duration_ms: Date.now() - started,
      created_at: nowIso(),
    })
    .execute();
  if (error) throw new Error(error);
}

class PermanentError extends Error {}

/** Claims and runs the due jobs of one region; returns how many ran. */
export async function runDueJobs(ctx: Context, region: Region, limit = 20): Promise<number> {
  const db = ctx.dbs.regions[region];
  const now = nowIso();
  const due = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  let ran = 0;
  for (const job of due) {
    // A lease, so two processes never deliver the same job at once; it lapses if this one dies.
    const claimed = await db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() + LEASE_MS).toISOString() })
      .where('id', '=', job.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    ran++;
    const attempts = job.attempts + 1;
    try {
      await deliver(ctx, db, job);
      await db
        .updateTable('jobs')
        .set({ status: 'done', attempts, locked_until: null, last_error: null, updated_at: nowIso() })
        .where('id', '=', job.id)
        .execute();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const failed = e instanceof PermanentError || attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('jobs')
        .set({
          status: failed ? 'failed' : 'pending',
          attempts,
          locked_until: null,
          last_error: message.slice(0, 500),
          next_attempt_at: new Date(Date.now() + backoffMs(attempts, ctx.config.retryBaseMs)).toISOString(),
          updated_at: nowIso(),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
  return ran;
}

/** Polls every region for due jobs (and at once when a submission queues some). Returns a stop function. */
export function startJobWorker(ctx: Context, intervalMs = 1000): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  const tick = () => {
    if (stopped) return;
    again = true;
    running = running.then(async () => {
      while (again && !stopped) {
        again = false;
        for (const region of REGIONS) {
          try {
            await runDueJobs(ctx, region);
          } catch {
            /* database briefly unavailable: the next tick retries */
          }
        }
      }
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  ctx.events.on('jobs-queued', tick);
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    ctx.events.off('jobs-queued', tick);
    await running;
  };
}
