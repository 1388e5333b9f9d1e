// A site's inbox of form submissions, read from the site's region database:
// list and search, read, mark spam / not spam, delete, export, count new.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Context } from '../context.js';
import type { RegionDatabase } from '../db/schema.js';
import { notFound } from '../lib/errors.js';
import { nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { regionDbForSite } from '../db/region-db.js';
import { requireSite } from '../tenancy/tenancy.js';
import { releaseForms } from './definitions.js';
import { deliveryJobs } from './submissions.js';

export const ListQuery = z.object({
  status: z.enum(['inbox', 'spam']).default('inbox'),
  q: z.string().trim().max(200).optional(),
  before: z.string().max(120).optional(), // cursor: "<created_at>|<id>" of the last item seen
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const UpdateSubmission = z.object({ status: z.enum(['inbox', 'spam']).optional(), read: z.boolean().optional() });

type Row = RegionDatabase['form_submissions'];

export function submissionView(r: Row) {
  return {
    id: r.id,
    formId: r.form_id,
    formVersion: r.form_version,
    page: r.page_path,
    data: JSON.parse(r.data) as Record<string, string | boolean>,
    email: r.submitter_email,
    consentText: r.consent_text,
    status: r.status as 'inbox' | 'spam',
    spamReasons: r.spam_reasons ? (JSON.parse(r.spam_reasons) as string[]) : [],
    read: r.read_at !== null,
    createdAt: r.created_at,
  };
}

async function siteDb(ctx: Context, subscriberId: string, siteId: string): Promise<[Kysely<RegionDatabase>, string, string]> {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  return [regionDbForSite(ctx.dbs, site), site.id, site.region];
}

// Escapes LIKE wildcards so a search for "50%" means the text "50%".
const likeTerm = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listSubmissions(ctx: Context, subscriberId: string, siteId: string, raw: unknown) {
  const query = parseInput(ListQuery, raw);
  const [db, id] = await siteDb(ctx, subscriberId, siteId);
  let q = db.selectFrom('form_submissions').selectAll().where('site_id', '=', id).where('status', '=', query.status);
  if (query.q) q = q.where(sql<boolean>`lower(data) like ${likeTerm(query.q)} escape '\\'`);
  if (query.before) {
    // A compound cursor: messages sharing a timestamp are neither skipped nor repeated.
    const [at, afterId = ''] = query.before.split('|');
    q = q.where((eb) => eb.or([eb('created_at', '<', at!), eb.and([eb('created_at', '=', at!), eb('id', '<', afterId)])]));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const unread = await db
    .selectFrom('form_submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', id)
    .where('status', '=', 'inbox')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { submissions: page.map(submissionView), next: rows.length > query.limit && last ? `${last.created_at}|${last.id}` : null, unread: Number(unread.n) };
}

export async function getSubmission(ctx: Context, subscriberId: string, siteId: string, submissionId: string) {
  const [db, id] = await siteDb(ctx, subscriberId, siteId);
  const row = await db.selectFrom('form_submissions').selectAll().where('site_id', '=', id).where('id', '=', submissionId).executeTakeFirst();
  if (!row) throw notFound('submission');
  if (!row.read_at) {
    row.read_at = nowIso();
    await db.updateTable('form_submissions').set({ read_at: row.read_at }).where('id', '=', row.id).execute();
  }
  return submissionView(row);
}

export async function updateSubmission(ctx: Context, subscriberId: string, siteId: string, submissionId: string, raw: unknown) {
  const input = parseInput(UpdateSubmission, raw);
  const [db, id, region] = await siteDb(ctx, subscriberId, siteId);
  const patch: Partial<Row> = {};
  if (input.status) patch.status = input.status;
  if (input.read !== undefined) patch.read_at = input.read ? nowIso() : null;
  const before = await db.selectFrom('form_submissions').selectAll().where('site_id', '=', id).where('id', '=', submissionId).executeTakeFirst();
  if (!before) throw notFound('submission');
  // A message rescued from spam gets the notification and webhooks it never had.
  const rescued = before.status === 'spam' && input.status === 'inbox' ? await rescueJobs(ctx, id, before) : [];
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('form_submissions').set(patch).where('id', '=', submissionId).execute();
    if (rescued.length) await trx.insertInto('jobs').values(rescued).execute();
  });
  if (rescued.length) await ctx.bus.emit({ type: 'jobs.queued', database: region });
  // Moving a message between folders does not count as reading it.
  return submissionView(await db.selectFrom('form_submissions').selectAll().where('id', '=', submissionId).executeTakeFirstOrThrow());
}

/** Deletes a submission and its pending deliveries: nothing about it goes out afterwards. */
export async function deleteSubmission(ctx: Context, subscriberId: string, siteId: string, submissionId: string) {
  const [db, id] = await siteDb(ctx, subscriberId, siteId);
  await db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('form_submissions').where('site_id', '=', id).where('id', '=', submissionId).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound('submission');
    await trx.deleteFrom('jobs').where('submission_id', '=', submissionId).execute();
  });
}

async function rescueJobs(ctx: Context, siteId: string, row: Row) {
  const site = await ctx.dbs.control.selectFrom('sites').select(['id', 'name', 'region', 'live_release_id']).where('id', '=', siteId).executeTakeFirstOrThrow();
  const release = site.live_release_id
    ? await ctx.dbs.control.selectFrom('releases').select(['manifest', 'document']).where('id', '=', site.live_release_id).executeTakeFirst()
    : undefined;
  const form = release ? releaseForms(release).get(row.form_id) : undefined;
  if (!form) return []; // the form is gone from the live site: nothing to announce it with
  const already = await regionDbForSite(ctx.dbs, site).selectFrom('jobs').select('id').where('submission_id', '=', row.id).executeTakeFirst();
  if (already) return [];
  return deliveryJobs(ctx, { siteId: site.id, siteName: site.name, region: site.region, form }, row);
}

export async function allSubmissions(ctx: Context, subscriberId: string, siteId: string, status: 'inbox' | 'spam' = 'inbox') {
  const [db, id] = await siteDb(ctx, subscriberId, siteId);
  const rows = await db
    .selectFrom('form_submissions')
    .selectAll()
    .where('site_id', '=', id)
    .where('status', '=', status)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(submissionView);
}

/** Unread inbox submissions per site, grouped by region: one query per region that has sites. */
export async function newSubmissionCounts(ctx: Context, sites: { id: string; region: string }[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const byRegion = new Map<string, string[]>();
  for (const s of sites) byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s.id]);
  for (const [region, ids] of byRegion) {
    const db = regionDbForSite(ctx.dbs, { id: ids[0]!, region });
    const rows = await db
      .selectFrom('form_submissions')
      .select(['site_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('site_id', 'in', ids)
      .where('status', '=', 'inbox')
      .where('read_at', 'is', null)
      .groupBy('site_id')
      .execute();
    for (const r of rows) counts.set(r.site_id, Number(r.n));
  }
  return counts;
}
