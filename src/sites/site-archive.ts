// A site as a portable archive: its draft document, its images (every WebP
// variant, by content hash) and, for the record, its releases, domains and
// webhook endpoints. Another Atrium imports it into a new site: the images are
// checked against their hashes and stored again, so the document's image paths
// keep working. This is the seed's "direct transfer" of a subscriber's data.
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, invalid } from '../lib/errors.js';
import { newId, nowIso, sha256 } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { findRegion, type RegionConfig } from '../regions/regions.js';
import { SiteDocument } from '../site-document/schema.js';
import { requireWorkspace, workspaceIdsOf } from '../tenancy/tenancy.js';
import { regionDbForSite } from '../db/region-db.js';
import { getSite, Slug } from './sites.js';

export const ARCHIVE_FORMAT = 'atrium-site';

const Variant = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), width: z.number().int().positive().max(10_000), bytes: z.number().int().nonnegative() });

export const SiteArchive = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  site: z.object({ name: z.string().trim().min(1).max(80), slug: z.string().max(40), region: z.string().min(1).max(32) }),
  document: z.unknown(),
  images: z
    .array(
      z.object({
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        originalType: z.string().max(20),
        originalBytes: z.number().int().nonnegative(),
        createdAt: z.string(),
        variants: z.array(Variant).min(1).max(20),
      }),
    )
    .max(5000),
  /** For the record only; an import starts with no releases, domains or webhooks. */
  releases: z.array(z.object({ id: z.string(), createdAt: z.string(), reason: z.string(), pages: z.number(), bytes: z.number() })).optional(),
  domains: z.array(z.object({ hostname: z.string(), verifiedAt: z.string().nullable() })).optional(),
  webhooks: z.array(z.object({ url: z.string(), createdAt: z.string() })).optional(),
});
export type SiteArchive = z.infer<typeof SiteArchive>;

export const imageFile = (hash: string) => `images/${hash}.webp`;

/** The messages visitors sent through the site's forms (submissions.json): the subscriber's inbox, which they control. */
export const ArchivedSubmissions = z
  .array(
    z.object({
      formId: z.string().min(1).max(100),
      formVersion: z.string().max(100),
      page: z.string().max(500),
      data: z.record(z.string(), z.union([z.string().max(20_000), z.boolean()])),
      submitterEmail: z.string().max(254).nullable(),
      consentText: z.string().max(2000).nullable(),
      status: z.enum(['inbox', 'spam']),
      spamReasons: z.string().max(2000).nullable().optional(),
      readAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  )
  .max(1_000_000);
export type ArchivedSubmissions = z.infer<typeof ArchivedSubmissions>;

/** The archive of one site: site.json and its image files, by path inside the archive. */
export async function siteArchiveFiles(ctx: Context, siteId: string): Promise<Record<string, Uint8Array>> {
  const { control } = ctx.dbs;
  const site = await control.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirstOrThrow();
  const assets = await control.selectFrom('assets').selectAll().where('site_id', '=', site.id).orderBy('created_at').execute();
  const variants = assets.length
    ? await control
        .selectFrom('asset_variants')
        .selectAll()
        .where(
          'asset_id',
          'in',
          assets.map((a) => a.id),
        )
        .execute()
    : [];
  const releases = await control
    .selectFrom('releases')
    .select(['id', 'created_at', 'reason', 'page_count', 'total_bytes'])
    .where('site_id', '=', site.id)
    .orderBy('created_at')
    .execute();
  const domains = await control.selectFrom('domains').select(['hostname', 'verified_at']).where('site_id', '=', site.id).execute();
  const webhooks = await control.selectFrom('webhooks').select(['url', 'created_at']).where('site_id', '=', site.id).execute();
  const archive: SiteArchive = {
    format: ARCHIVE_FORMAT,
    version: 1,
    exportedAt: ctx.clock.now().toISOString(),
    site: { name: site.name, slug: site.slug, region: site.region },
    document: JSON.parse(site.draft),
    images: assets.map((a) => ({
      width: a.width,
      height: a.height,
      originalType: a.original_type,
      originalBytes: a.original_bytes,
      createdAt: a.created_at,
      variants: variants.filter((v) => v.asset_id === a.id).map((v) => ({ hash: v.hash, width: v.width, bytes: v.bytes })),
    })),
    releases: releases.map((r) => ({ id: r.id, createdAt: r.created_at, reason: r.reason, pages: r.page_count, bytes: r.total_bytes })),
    domains: domains.map((d) => ({ hostname: d.hostname, verifiedAt: d.verified_at })),
    webhooks: webhooks.map((w) => ({ url: w.url, createdAt: w.created_at })),
  };
  const submissions = await regionDbForSite(ctx.dbs, site)
    .selectFrom('form_submissions')
    .selectAll()
    .where('site_id', '=', site.id)
    .orderBy('created_at')
    .execute();
  const inbox: ArchivedSubmissions = submissions.map((r) => ({
    formId: r.form_id,
    formVersion: r.form_version,
    page: r.page_path,
    data: JSON.parse(r.data) as Record<string, string | boolean>,
    submitterEmail: r.submitter_email,
    consentText: r.consent_text,
    status: r.status as 'inbox' | 'spam',
    spamReasons: r.spam_reasons,
    readAt: r.read_at,
    createdAt: r.created_at,
  }));
  const files: Record<string, Uint8Array> = {
    'site.json': Buffer.from(JSON.stringify(archive, null, 2)),
    'submissions.json': Buffer.from(JSON.stringify(inbox)),
  };
  for (const v of variants) files[imageFile(v.hash)] = (await ctx.releases.get(v.hash)).identity;
  return files;
}

export interface CheckedArchive {
  archive: SiteArchive;
  document: SiteDocument;
  images: Map<string, Buffer>;
  submissions: ArchivedSubmissions;
}

/**
 * Reads and checks one site archive (site.json under `prefix`): the document, every image against its hash,
 * and that this installation offers the site's data region.
 */
export function readSiteArchive(files: Record<string, Uint8Array>, prefix: string, regions: readonly RegionConfig[]): CheckedArchive {
  const raw = files[`${prefix}site.json`];
  if (!raw) throw invalid('(body)', 'this archive holds no site.json: export a site (or your account) from Atrium and upload that zip');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    throw invalid(`${prefix}site.json`, 'is not JSON');
  }
  const archive = parseInput(SiteArchive, json, `${prefix}site.json`);
  if (!findRegion(regions, archive.site.region))
    throw invalid(
      `${prefix}site.json.site.region`,
      `${archive.site.region} is not a data region of this installation (it offers ${regions.map((r) => r.id).join(', ')})`,
    );
  const document = parseInput(SiteDocument, archive.document, `${prefix}site.json.document`);
  const images = new Map<string, Buffer>();
  for (const v of archive.images.flatMap((img) => img.variants)) {
    const name = `${prefix}${imageFile(v.hash)}`;
    const bytes = files[name];
    if (!bytes) throw invalid(name, 'is missing from the archive');
    if (sha256(Buffer.from(bytes)) !== v.hash) throw invalid(name, 'does not match its hash (the archive is damaged)');
    images.set(v.hash, Buffer.from(bytes));
  }
  let submissions: ArchivedSubmissions = [];
  const inbox = files[`${prefix}submissions.json`];
  if (inbox) {
    try {
      submissions = parseInput(ArchivedSubmissions, JSON.parse(Buffer.from(inbox).toString('utf8')), `${prefix}submissions.json`);
    } catch (e) {
      if (e instanceof SyntaxError) throw invalid(`${prefix}submissions.json`, 'is not JSON');
      throw e;
    }
  }
  return { archive, document, images, submissions };
}

/** Stores a checked archive as a new site of the subscriber's workspace; the address gets a suffix if it is taken. */
export async function importSiteArchive(ctx: Context, subscriberId: string, checked: CheckedArchive, workspaceIdWanted?: string) {
  const { archive, document, images, submissions } = checked;
  const workspaceId = workspaceIdWanted ?? (await workspaceIdsOf(ctx.dbs.control, subscriberId))[0];
  if (!workspaceId) throw invalid('workspaceId', 'you have no workspace');
  await requireWorkspace(ctx.dbs.control, subscriberId, workspaceId);
  for (const bytes of images.values()) await ctx.releases.put(bytes, { compress: false });

  const slug = await freeSlug(ctx, archive.site.slug);
  const now = nowIso();
  const id = newId('site');
  await ctx.dbs.control.transaction().execute(async (trx) => {
    await trx
      .insertInto('sites')
      .values({
        id,
        workspace_id: workspaceId,
        name: archive.site.name,
        slug,
        region: archive.site.region,
        draft: JSON.stringify(document),
        draft_revision: 1,
        draft_updated_at: now,
        live_release_id: null,
        published_revision: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const img of archive.images) {
      const assetId = newId('img');
      await trx
        .insertInto('assets')
        .values({
          id: assetId,
          site_id: id,
          width: img.width,
          height: img.height,
          original_type: img.originalType,
          original_bytes: img.originalBytes,
          created_by: subscriberId,
          created_at: img.createdAt,
        })
        .execute();
      await trx
        .insertInto('asset_variants')
        .values(img.variants.map((v) => ({ asset_id: assetId, hash: v.hash, width: v.width, bytes: v.bytes })))
        .execute();
    }
  });
  // The inbox goes to the site's region, in batches, in one transaction; a failure removes the new site again.
  try {
    await regionDbForSite(ctx.dbs, { id, region: archive.site.region })
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < submissions.length; i += 500) {
          await trx
            .insertInto('form_submissions')
            .values(
              submissions.slice(i, i + 500).map((m) => ({
                id: newId('sub'),
                site_id: id,
                form_id: m.formId,
                form_version: m.formVersion,
                page_path: m.page,
                data: JSON.stringify(m.data),
                submitter_email: m.submitterEmail?.toLowerCase() ?? null,
                consent_text: m.consentText,
                status: m.status,
                spam_reasons: m.spamReasons ?? null,
                read_at: m.readAt,
                created_at: m.createdAt,
              })),
            )
            .execute();
        }
      });
  } catch (e) {
    await ctx.dbs.control.deleteFrom('sites').where('id', '=', id).execute();
    throw e;
  }
  return getSite(ctx, subscriberId, id);
}

/** The archive's slug if free (and valid), else the same with -2, -3... */
async function freeSlug(ctx: Context, wanted: string): Promise<string> {
  const base = Slug.safeParse(wanted).success && wanted.length <= 36 ? wanted : 'imported-site';
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = await ctx.dbs.control.selectFrom('sites').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken) return slug;
  }
  throw new DomainError('conflict', 'no free address for the imported site; rename the site in site.json');
}
