// Webhook endpoints of a site: where each new (non-spam) submission is POSTed,
// signed with the endpoint's own secret; and the log of deliveries.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, notFound } from '../lib/errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { regionDbForSite } from '../db/region-db.js';
import { requireSite } from '../tenancy/tenancy.js';

const MAX_WEBHOOKS = 10;
export const AddWebhookInput = z.object({
  url: z
    .string()
    .trim()
    .max(2048)
    .url('must be a URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must start with https:// (or http://)'),
});

export async function listWebhooks(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const rows = await ctx.dbs.control.selectFrom('webhooks').selectAll().where('site_id', '=', site.id).orderBy('created_at').execute();
  return rows.map((w) => ({ id: w.id, url: w.url, secret: w.secret, createdAt: w.created_at }));
}

export async function addWebhook(ctx: Context, subscriberId: string, siteId: string, raw: unknown) {
  const { url } = parseInput(AddWebhookInput, raw);
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const count = await ctx.dbs.control
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', site.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_WEBHOOKS) throw new DomainError('conflict', `a site can have at most ${MAX_WEBHOOKS} webhooks`);
  const row = { id: newId('wh'), site_id: site.id, url, secret: `whsec_${randomBytes(24).toString('base64url')}`, created_at: nowIso() };
  await ctx.dbs.control.insertInto('webhooks').values(row).execute();
  return { id: row.id, url: row.url, secret: row.secret, createdAt: row.created_at };
}

export async function removeWebhook(ctx: Context, subscriberId: string, siteId: string, webhookId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const r = await ctx.dbs.control.deleteFrom('webhooks').where('site_id', '=', site.id).where('id', '=', webhookId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound('webhook');
}

export async function listDeliveries(ctx: Context, subscriberId: string, siteId: string, webhookId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const hook = await ctx.dbs.control.selectFrom('webhooks').select('id').where('site_id', '=', site.id).where('id', '=', webhookId).executeTakeFirst();
  if (!hook) throw notFound('webhook');
  const db = regionDbForSite(ctx.dbs, site);
  const rows = await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', hook.id).orderBy('created_at', 'desc').limit(100).execute();
  const pending = await db
    .selectFrom('jobs')
    .select(['id', 'attempts', 'next_attempt_at', 'last_error', 'status'])
    .where('kind', '=', 'webhook')
    .where('target', '=', hook.id)
    .where('status', '!=', 'done')
    .execute();
  return {
    deliveries: rows.map((d) => ({
      id: d.id,
      submissionId: d.submission_id,
      attempt: d.attempt,
      statusCode: d.status_code,
      error: d.error,
      durationMs: d.duration_ms,
      at: d.created_at,
    })),
    retrying: pending.map((j) => ({ jobId: j.id, attempts: j.attempts, nextAttemptAt: j.next_attempt_at, lastError: j.last_error, status: j.status })),
  };
}
