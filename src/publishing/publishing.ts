// Publishing: render a document into an immutable release, then switch the
// site's live pointer to it in one transaction. Each release keeps the
// document it was rendered from, so it can be re-rendered when the site's
// address changes (canonical URLs, sitemap) and rolled back faithfully.
import type { Context } from '../context.js';
import { siteSubdomainUrl } from '../config/config.js';
import { findRegion } from '../regions/regions.js';
import { DomainError, notFound } from '../lib/errors.js';
import { newId, nowIso, sha256 } from '../lib/ids.js';
import { unfinishedBlocks } from '../site-document/publishable.js';
import { consentProblems } from '../consent/publish-checks.js';
import { SiteDocument } from '../site-document/schema.js';
import { requireSite, type SiteRow } from '../tenancy/tenancy.js';
import { buildFiles } from './build-files.js';
import { formsOf, type PublishedForm } from '../forms/definitions.js';
import { assetPath, imagesReferenced } from '../assets/assets.js';
import { requireDpaFor } from '../agreements/dpa-acceptance.js';

/** What serving and the inbox need from a release, recorded once at publish time. */
export interface Manifest {
  /**
   * form: the page holds a form (its responses carry the verified-request cookie and may run the runtime script).
   * csp: the page's own Content-Security-Policy when it holds custom code or embeds; without it a page is served
   * with the strict policy (or the form one), as are all pages of releases made before pages had their own.
   */
  files: Record<string, { hash: string; type: string; bytes: number; form?: boolean; csp?: string }>;
  /** The forms visitors see in this release, by form id, with the version their submissions are stored under. */
  forms: Record<string, PublishedForm>;
  /** Site settings serving needs without reading the document (absent in releases from before they were recorded). */
  settings?: { gpcRefusesAnalytics: boolean; beacon?: boolean; languages?: ManifestLanguages };
  /** Old paths answered with a 301: path -> where to (absent in releases from before redirects). */
  redirects?: Record<string, string>;
}

/** A multi-language site's languages, for serving (the root redirect, the switcher's endpoint, 404 pages, form answers). */
export interface ManifestLanguages {
  default: string;
  /** The further languages, as in the document (pt-BR), each published under its lowercase segment (/pt-br/). */
  others: string[];
  root: 'default' | 'accept-language';
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

async function release(
  ctx: Context,
  site: SiteRow,
  doc: SiteDocument,
  opts: { draftRevision: number; publishedBy: string | null; reason: ReleaseReason; restoredFrom?: string },
) {
  const siteUrl = await primaryUrl(ctx, site);
  const publishedAt = new Date();
  const webhooks = await ctx.dbs.control.selectFrom('webhooks').select('id').where('site_id', '=', site.id).execute();
  const region = findRegion(ctx.config.regions, site.region);
  const files = buildFiles(doc, siteUrl, site.name, publishedAt, {
    region: { id: site.region, name: region?.name ?? site.region, ...(region?.location ? { location: region.location } : {}) },
    analytics: ctx.config.analytics,
    analyticsRawDays: ctx.config.analyticsRawDays,
    analyticsRollupMonths: ctx.config.analyticsRollupMonths,
    webhooks: webhooks.length,
  });
  const manifest: Manifest = {
    files: {},
    forms: Object.fromEntries(formsOf(doc)),
    settings: {
      gpcRefusesAnalytics: doc.consent.gpcRefusesAnalytics,
      beacon: doc.analytics.beacon,
      ...(doc.languages.length ? { languages: { default: doc.defaultLanguage, others: doc.languages, root: doc.rootLanguage } } : {}),
    },
    ...(doc.redirects.length
      ? { redirects: Object.fromEntries(doc.redirects.map((r) => [r.from.length > 1 ? r.from.replace(/\/+$/, '') : r.from, r.to])) }
      : {}),
  };
  const created: string[] = [];
  let totalBytes = 0;
  await Promise.all(
    files.map(async (f) => {
      const { hash, created: isNew } = await ctx.releases.put(f.body, { compress: f.compress });
      if (isNew) created.push(hash);
      manifest.files[f.path] = { hash, type: f.type, bytes: f.body.length, ...(f.form ? { form: true } : {}), ...(f.csp ? { csp: f.csp } : {}) };
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
        restored_from: opts.restoredFrom ?? null,
        created_at: publishedAt.toISOString(),
      })
      .execute();
    await trx
      .updateTable('sites')
      .set({ live_release_id: id, published_revision: opts.draftRevision, updated_at: nowIso() })
      .where('id', '=', site.id)
      .execute();
  });
  await ctx.bus.emit({ type: 'site.published', siteId: site.id, releaseId: id, reason: opts.reason });
  // Live now with fast compression; smaller brotli files replace it shortly after.
  ctx.releases
    .upgradeCompression(created, () => ctx.bus.emit({ type: 'release.recompressed', siteId: site.id, hashes: created }))
    .catch((err) => ctx.log.warn({ err, site: site.id, release: id }, 'background recompression failed; the site keeps its fast-compressed files'));
  return { id, contentHash, siteUrl, reason: opts.reason, pageCount: doc.pages.length, totalBytes, createdAt: publishedAt.toISOString(), live: true };
}

export async function publish(ctx: Context, subscriber: { id: string; emailVerified: boolean }, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriber.id, siteId);
  if (!subscriber.emailVerified) throw new DomainError('email_not_verified', 'confirm your email address before publishing; we sent you a link');
  const doc = SiteDocument.parse(JSON.parse(site.draft));
  const unfinished = unfinishedBlocks(doc);
  const problems = consentProblems(doc);
  if (unfinished.length || problems.length) {
    const issues = [...unfinished, ...problems];
    const more = issues.length - 1;
    const rest = !more
      ? ''
      : problems.length
        ? ` ${more} more thing${more === 1 ? ' needs' : 's need'} fixing before publishing.`
        : ` ${more} more Image block${more === 1 ? ' has' : 's have'} no image either.`;
    throw new DomainError('invalid_input', `${issues[0]!.message}${rest}`, { issues });
  }
  // A form, or analytics, makes visitors' data flow: the workspace must have accepted the processing agreement.
  await requireDpaFor(ctx, site.workspace_id, doc);
  return release(ctx, site, doc, { draftRevision: site.draft_revision, publishedBy: subscriber.id, reason: 'publish' });
}

/** Re-renders the live site whenever its address changes (slug, custom domains). */
export function followAddressChanges(ctx: Context): void {
  ctx.bus.on('site.address_changed', async (e) => {
    await rerenderLive(ctx, e.siteId);
  });
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

const RELEASE_COLUMNS = [
  'releases.id',
  'releases.content_hash',
  'releases.reason',
  'releases.site_url',
  'releases.draft_revision',
  'releases.page_count',
  'releases.total_bytes',
  'releases.created_at',
  'releases.published_by',
  'origin.id as origin_id',
  'origin.created_at as origin_created_at',
] as const;

/** Releases of one site with the release each rollback restored (its id and date). */
function releasesOf(ctx: Context, siteId: string) {
  return ctx.dbs.control
    .selectFrom('releases')
    .leftJoin('releases as origin', 'origin.id', 'releases.restored_from')
    .select(RELEASE_COLUMNS)
    .where('releases.site_id', '=', siteId);
}

type ReleaseRow = Awaited<ReturnType<ReturnType<typeof releasesOf>['executeTakeFirstOrThrow']>>;

function releaseView(r: ReleaseRow, liveReleaseId: string | null) {
  return {
    id: r.id,
    contentHash: r.content_hash,
    reason: r.reason as ReleaseReason,
    siteUrl: r.site_url,
    draftRevision: r.draft_revision,
    pageCount: r.page_count,
    totalBytes: r.total_bytes,
    createdAt: r.created_at,
    publishedBy: r.published_by,
    /** For a rollback: the release it made live again. */
    restoredFrom: r.origin_id && r.origin_created_at ? { id: r.origin_id, createdAt: r.origin_created_at } : null,
    live: r.id === liveReleaseId,
  };
}

export async function listReleases(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const rows = await releasesOf(ctx, site.id).orderBy('releases.created_at', 'desc').orderBy('releases.id', 'desc').limit(100).execute();
  return rows.map((r) => releaseView(r, site.live_release_id));
}

/** One release with the document it was rendered from, to preview it before rolling back. */
export async function getRelease(ctx: Context, subscriberId: string, siteId: string, releaseId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const row = await releasesOf(ctx, site.id).select('releases.document').where('releases.id', '=', releaseId).executeTakeFirst();
  if (!row) throw notFound('release');
  return { ...releaseView(row, site.live_release_id), document: SiteDocument.parse(JSON.parse(row.document)) };
}

/**
 * Makes an earlier release live again, recorded as a release of its own
 * (reason "rollback", by whom, restoring which release). Its files are the
 * target's (content-addressed, so nothing is copied), or a re-render of the
 * target's document if the site's address changed since.
 */
export async function rollback(ctx: Context, subscriberId: string, siteId: string, releaseId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const target = await ctx.dbs.control.selectFrom('releases').selectAll().where('id', '=', releaseId).where('site_id', '=', site.id).executeTakeFirst();
  if (!target) throw notFound('release');
  if (target.id === site.live_release_id) return { liveReleaseId: target.id, rolledBackTo: target.id };
  await requireDpaFor(ctx, site.workspace_id, SiteDocument.parse(JSON.parse(target.document)));
  // Rolling back to a rollback restores what that one restored.
  const restoredFrom = target.restored_from ?? target.id;
  if (target.site_url !== (await primaryUrl(ctx, site))) {
    const doc = SiteDocument.parse(JSON.parse(target.document));
    const r = await release(ctx, site, doc, { draftRevision: target.draft_revision, publishedBy: subscriberId, reason: 'rollback', restoredFrom });
    return { liveReleaseId: r.id, rolledBackTo: target.id };
  }
  const id = newId('rel');
  await ctx.dbs.control.transaction().execute(async (trx) => {
    await trx
      .insertInto('releases')
      .values({
        ...target,
        id,
        reason: 'rollback',
        published_by: subscriberId,
        restored_from: restoredFrom,
        created_at: nowIso(),
      })
      .execute();
    await trx
      .updateTable('sites')
      .set({ live_release_id: id, published_revision: target.draft_revision, updated_at: nowIso() })
      .where('id', '=', site.id)
      .execute();
  });
  await ctx.bus.emit({ type: 'site.published', siteId: site.id, releaseId: id, reason: 'rollback' });
  return { liveReleaseId: id, rolledBackTo: target.id };
}

export async function unpublish(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  await ctx.dbs.control.updateTable('sites').set({ live_release_id: null, published_revision: null, updated_at: nowIso() }).where('id', '=', site.id).execute();
  await ctx.bus.emit({ type: 'site.unpublished', siteId: site.id });
}
