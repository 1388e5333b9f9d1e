// Publishing: render a document into an immutable release, then switch the
// site's live pointer to it in one transaction. Each release keeps the
// document it was rendered from, so it can be re-rendered when the site's
// address changes (canonical URLs, sitemap) and rolled back faithfully.
import type { Context } from '../context.js';
import { siteSubdomainUrl } from '../config/config.js';
import { hostsChanged } from '../hosting/host-changes.js';
import { DomainError, notFound } from '../lib/errors.js';
import { newId, nowIso, sha256 } from '../lib/ids.js';
import { SiteDocument } from '../site-document/schema.js';
import { requireSite, type SiteRow } from '../sites/tenancy.js';
import { buildFiles } from './build-files.js';
import { assetPath, imagesReferenced } from '../assets/assets.js';

export interface Manifest {
  /** form: the page holds a form (its responses carry the verified-request cookie and may run the runtime script). */
  files: Record<string, { hash: string; type: string; bytes: number; form?: boolean }>;
}

/** Why a release exists: a person published, or an address change re-rendered the live site. */
export type ReleaseReason = 'publish' | 'address_change' | 'rollback';

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

async function release(ctx: Context, site: SiteRow, doc: SiteDocument, opts: { draftRevision: number; publishedBy: string | null; reason: ReleaseReason }) {
  const siteUrl = await primaryUrl(ctx, site);
  const publishedAt = new Date();
  const files = buildFiles(doc, siteUrl, site.name, publishedAt);
  const manifest: Manifest = { files: {} };
  const created: string[] = [];
  let totalBytes = 0;
  await Promise.all(
    files.map(async (f) => {
      const { hash, created: isNew } = await ctx.releases.put(f.body, { compress: f.compress });
      if (isNew) created.push(hash);
      manifest.files[f.path] = { hash, type: f.type, bytes: f.body.length, ...(f.form ? { form: true } : {}) };
      totalBytes += f.body.length;
    }),
  );
  // Uploaded images the pages use ship with the release, served like any other file.
  for (const img of await imagesReferenced(ctx, site.id, JSON.stringify(doc))) {
    manifest.files[assetPath(img.hash)] = { hash: img.hash, type: 'image/webp', bytes: img.bytes };
    totalBytes += img.bytes;
  }
  const contentHash = sha256(JSON.stringify(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1))));
  const id = newId('rel');
  await ctx.dbs.control.transaction().execute(async (trx) => {
    await trx
      .insertInto('releases')
      .values({
        id,
        site_id: site.id,
        content_hash: contentHash,
        manifest: JSON.stringify(manifest),
        document: JSON.stringify(doc),
        site_url: siteUrl,
        reason: opts.reason,
        draft_revision: opts.draftRevision,
        page_count: doc.pages.length,
        total_bytes: totalBytes,
        published_by: opts.publishedBy,
        created_at: publishedAt.toISOString(),
      })
      .execute();
    await trx
      .updateTable('sites')
      .set({ live_release_id: id, published_revision: opts.draftRevision, updated_at: nowIso() })
      .where('id', '=', site.id)
      .execute();
  });
  await hostsChanged(ctx, site.id);
  // Live now with fast compression; smaller brotli files replace it shortly after.
  void ctx.releases.upgradeCompression(created, () => hostsChanged(ctx, site.id));
  return { id, contentHash, siteUrl, reason: opts.reason, pageCount: doc.pages.length, totalBytes, createdAt: publishedAt.toISOString(), live: true };
}

export async function publish(ctx: Context, subscriber: { id: string; emailVerified: boolean }, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriber.id, siteId);
  if (!subscriber.emailVerified) throw new DomainError('email_not_verified', 'confirm your email address before publishing; we sent you a link');
  const doc = SiteDocument.parse(JSON.parse(site.draft));
  return release(ctx, site, doc, { draftRevision: site.draft_revision, publishedBy: subscriber.id, reason: 'publish' });
}

/**
 * After a slug or domain change, re-renders the live release's own document at
 * the new address, so canonical URLs, Open Graph URLs and the sitemap stay true.
 * Called by core code that has already checked tenancy.
 */
export async function rerenderLive(ctx: Context, siteId: string) {
  const site = await ctx.dbs.control.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirst();
  if (!site?.live_release_id) return null;
  const live = await ctx.dbs.control
    .selectFrom('releases')
    .select(['document', 'site_url', 'draft_revision'])
    .where('id', '=', site.live_release_id)
    .executeTakeFirstOrThrow();
  if (live.site_url === (await primaryUrl(ctx, site))) return null;
  const doc = SiteDocument.parse(JSON.parse(live.document));
  return release(ctx, site, doc, { draftRevision: live.draft_revision, publishedBy: null, reason: 'address_change' });
}

export async function listReleases(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const rows = await ctx.dbs.control
    .selectFrom('releases')
    .select(['id', 'content_hash', 'reason', 'site_url', 'draft_revision', 'page_count', 'total_bytes', 'created_at', 'published_by'])
    .where('site_id', '=', site.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contentHash: r.content_hash,
    reason: r.reason as ReleaseReason,
    siteUrl: r.site_url,
    draftRevision: r.draft_revision,
    pageCount: r.page_count,
    totalBytes: r.total_bytes,
    createdAt: r.created_at,
    publishedBy: r.published_by,
    live: r.id === site.live_release_id,
  }));
}

/** Makes an earlier release live again: a pointer switch, or a re-render if the site's address changed since. */
export async function rollback(ctx: Context, subscriberId: string, siteId: string, releaseId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const target = await ctx.dbs.control
    .selectFrom('releases')
    .select(['id', 'draft_revision', 'site_url', 'document'])
    .where('id', '=', releaseId)
    .where('site_id', '=', site.id)
    .executeTakeFirst();
  if (!target) throw notFound('release');
  if (target.site_url !== (await primaryUrl(ctx, site))) {
    const doc = SiteDocument.parse(JSON.parse(target.document));
    const r = await release(ctx, site, doc, { draftRevision: target.draft_revision, publishedBy: subscriberId, reason: 'rollback' });
    return { liveReleaseId: r.id, rolledBackTo: target.id };
  }
  await ctx.dbs.control
    .updateTable('sites')
    .set({ live_release_id: target.id, published_revision: target.draft_revision, updated_at: nowIso() })
    .where('id', '=', site.id)
    .execute();
  await hostsChanged(ctx, site.id);
  return { liveReleaseId: target.id, rolledBackTo: target.id };
}

export async function unpublish(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  await ctx.dbs.control.updateTable('sites').set({ live_release_id: null, published_revision: null, updated_at: nowIso() }).where('id', '=', site.id).execute();
  await hostsChanged(ctx, site.id);
}
