// Publishing: render the draft into an immutable release, then switch the
// site's live pointer to it in one UPDATE. Rollback switches the pointer back.
import { z } from 'zod';
import { hostsChanged } from '../hosting/host-changes.js';
import type { Context } from '../context.js';
import { siteSubdomainUrl } from '../config/config.js';
import { DomainError, notFound } from '../lib/errors.js';
import { newId, nowIso, sha256 } from '../lib/ids.js';
import { SiteDocument } from '../site-document/schema.js';
import { requireSite } from '../sites/tenancy.js';
import { buildFiles } from './build-files.js';
import type { ReleaseStore } from './release-store.js';

export interface Manifest {
  files: Record<string, { hash: string; type: string; bytes: number }>;
}

/** The URL a site is canonically reached at: its first verified custom domain, else its subdomain. */
export async function primaryUrl(ctx: Context, site: { id: string; slug: string }): Promise<string> {
  const domain = await ctx.dbs.control
    .selectFrom('domains')
    .select('hostname')
    .where('site_id', '=', site.id)
    .where('verified_at', 'is not', null)
    .orderBy('verified_at', 'asc')
    .executeTakeFirst();
  return domain ? `https://${domain.hostname}` : siteSubdomainUrl(ctx.config, site.slug);
}

export async function publish(ctx: Context, store: ReleaseStore, subscriber: { id: string; emailVerified: boolean }, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriber.id, siteId);
  if (!subscriber.emailVerified) throw new DomainError('email_not_verified', 'confirm your email address before publishing; we sent you a link');
  const doc = SiteDocument.parse(JSON.parse(site.draft));
  const publishedAt = new Date();
  const files = buildFiles(doc, await primaryUrl(ctx, site), site.name, publishedAt);
  const manifest: Manifest = { files: {} };
  const created: string[] = [];
  let totalBytes = 0;
  await Promise.all(
    files.map(async (f) => {
      const { hash, created: isNew } = await store.put(f.body);
      if (isNew) created.push(hash);
      manifest.files[f.path] = { hash, type: f.type, bytes: f.body.length };
      totalBytes += f.body.length;
    }),
  );
  const contentHash = sha256(JSON.stringify(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1))));
  const releaseId = newId('rel');
  await ctx.dbs.control.transaction().execute(async (trx) => {
    await trx
      .insertInto('releases')
      .values({
        id: releaseId,
        site_id: site.id,
        content_hash: contentHash,
        manifest: JSON.stringify(manifest),
        draft_revision: site.draft_revision,
        page_count: doc.pages.length,
        total_bytes: totalBytes,
        published_by: subscriber.id,
        created_at: publishedAt.toISOString(),
      })
      .execute();
    await trx
      .updateTable('sites')
      .set({ live_release_id: releaseId, published_revision: site.draft_revision, updated_at: nowIso() })
      .where('id', '=', site.id)
      .execute();
  });
  await hostsChanged(ctx, site.id);
  // Live now with fast compression; smaller brotli files replace it shortly after.
  void store.upgradeCompression(created, () => hostsChanged(ctx, site.id));
  return { id: releaseId, contentHash, pageCount: doc.pages.length, totalBytes, createdAt: publishedAt.toISOString(), live: true };
}

export async function listReleases(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const rows = await ctx.dbs.control
    .selectFrom('releases')
    .select(['id', 'content_hash', 'draft_revision', 'page_count', 'total_bytes', 'created_at', 'published_by'])
    .where('site_id', '=', site.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contentHash: r.content_hash,
    draftRevision: r.draft_revision,
    pageCount: r.page_count,
    totalBytes: r.total_bytes,
    createdAt: r.created_at,
    publishedBy: r.published_by,
    live: r.id === site.live_release_id,
  }));
}

export const RollbackInput = z.object({});

export async function rollback(ctx: Context, subscriberId: string, siteId: string, releaseId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const release = await ctx.dbs.control
    .selectFrom('releases')
    .select(['id', 'draft_revision'])
    .where('id', '=', releaseId)
    .where('site_id', '=', site.id)
    .executeTakeFirst();
  if (!release) throw notFound('release');
  await ctx.dbs.control
    .updateTable('sites')
    .set({ live_release_id: release.id, published_revision: release.draft_revision, updated_at: nowIso() })
    .where('id', '=', site.id)
    .execute();
  await hostsChanged(ctx, site.id);
  return { liveReleaseId: release.id };
}

export async function unpublish(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  await ctx.dbs.control.updateTable('sites').set({ live_release_id: null, published_revision: null, updated_at: nowIso() }).where('id', '=', site.id).execute();
  await hostsChanged(ctx, site.id);
}
