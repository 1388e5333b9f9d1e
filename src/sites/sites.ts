// Sites: creation from a template, the draft document with its revision check,
// renaming and deletion. Publishing lives in ../publishing.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, invalid } from '../lib/errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { findRegion } from '../regions/regions.js';
import { LANGUAGE, SiteDocument } from '../site-document/schema.js';
import { TEMPLATES } from '../templates/index.js';
import { fitToSchema } from '../site-document/fit.js';
import { THEMES } from '../themes/index.js';
import { siteSubdomainUrl } from '../config/config.js';
import { followMovedPages } from './moved-pages.js';
import { documentPreview } from './preview.js';
import { newSubmissionCounts } from '../forms/inbox.js';
import { regionDbForSite } from '../db/region-db.js';
import { SITE_REGION_TABLES } from '../privacy/site-tables.js';
import { filesOfSites, removeUnusedFiles } from '../publishing/release-files.js';
import { draftConsentChecks } from '../consent/publish-checks.js';
import { requireSite, workspaceIdsOf, requireWorkspace, type SiteRow } from '../tenancy/tenancy.js';

const RESERVED_SLUGS = new Set([
  'www',
  'app',
  'api',
  'admin',
  'mail',
  'smtp',
  'static',
  'assets',
  'cdn',
  'status',
  'help',
  'docs',
  'dashboard',
  'internal',
  'atrium',
  'localhost',
]);

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, 'must be 3-40 lowercase letters, digits or hyphens, not starting or ending with a hyphen')
  .refine((s) => !RESERVED_SLUGS.has(s), 'is reserved');

const Name = z.string().trim().min(1, 'is required').max(80);

export const CreateSiteInput = z.object({
  name: Name,
  slug: Slug,
  template: z.string().refine((t) => t in TEMPLATES, `must be one of: ${Object.keys(TEMPLATES).join(', ')}`),
  theme: z
    .string()
    .refine((t) => t in THEMES, `must be one of: ${Object.keys(THEMES).join(', ')}`)
    .optional(),
  // Checked against the configured regions in createSite: the list is known only at run time.
  region: z.string().trim().min(1, 'is required').max(32).meta({ description: 'The id of one of the data regions `GET /api/regions` lists' }),
  defaultLanguage: LANGUAGE.default('en'),
  workspaceId: z.string().max(64).optional(),
});

/** CreateSiteInput whose region must be one this installation configures, checked with the other fields. */
const withConfiguredRegions = (ctx: Context) =>
  CreateSiteInput.extend({
    region: CreateSiteInput.shape.region.refine(
      (id) => findRegion(ctx.config.regions, id) !== undefined,
      `must be one of: ${ctx.config.regions.map((r) => r.id).join(', ')}`,
    ),
  });

export const UpdateSiteInput = z
  .object({ name: Name.optional(), slug: Slug.optional() })
  .refine((v) => v.name !== undefined || v.slug !== undefined, 'name or slug is required');

export const SaveDraftInput = z.object({
  revision: z.number().int().nonnegative(),
  document: z.unknown(),
});

export function siteSummary(ctx: Context, s: SiteRow) {
  return {
    id: s.id,
    workspaceId: s.workspace_id,
    name: s.name,
    slug: s.slug,
    region: s.region,
    url: siteSubdomainUrl(ctx.config, s.slug),
    revision: s.draft_revision,
    liveReleaseId: s.live_release_id,
    status: s.live_release_id === null ? 'draft' : s.published_revision === s.draft_revision ? 'live' : 'live_with_changes',
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    draftUpdatedAt: s.draft_updated_at,
  };
}

/** A site summary with what the dashboard's thumbnail draws. */
export function siteListItem(ctx: Context, s: SiteRow) {
  return { ...siteSummary(ctx, s), preview: documentPreview(JSON.parse(s.draft) as SiteDocument) };
}

async function assertSlugFree(ctx: Context, slug: string, exceptSiteId?: string) {
  const taken = await ctx.dbs.control.selectFrom('sites').select('id').where('slug', '=', slug).executeTakeFirst();
  if (taken && taken.id !== exceptSiteId)
    throw new DomainError('conflict', `the address ${slug} is taken; choose another`, { issues: [{ path: 'slug', message: 'is taken' }] });
}

export async function createSite(ctx: Context, subscriberId: string, raw: unknown) {
  const input = parseInput(withConfiguredRegions(ctx), raw);
  const workspaceId = input.workspaceId ?? (await workspaceIdsOf(ctx.dbs.control, subscriberId))[0];
  if (!workspaceId) throw invalid('workspaceId', 'you have no workspace');
  await requireWorkspace(ctx.dbs.control, subscriberId, workspaceId);
  await assertSlugFree(ctx, input.slug);
  const doc = TEMPLATES[input.template].document(input.name);
  doc.defaultLanguage = input.defaultLanguage;
  if (input.theme) doc.theme = structuredClone(THEMES[input.theme]);
  const document = fitToSchema(SiteDocument, doc);
  const now = nowIso();
  const id = newId('site');
  try {
    await ctx.dbs.control
      .insertInto('sites')
      .values({
        id,
        workspace_id: workspaceId,
        name: input.name,
        slug: input.slug,
        region: input.region,
        draft: JSON.stringify(document),
        draft_revision: 1,
        draft_updated_at: now,
        live_release_id: null,
        published_revision: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  } catch (e) {
    await assertSlugFree(ctx, input.slug); // lost a race for the slug: answer 409, not 500
    throw e;
  }
  return getSite(ctx, subscriberId, id);
}

export async function listSites(ctx: Context, subscriberId: string) {
  const rows = await ctx.dbs.control
    .selectFrom('sites')
    .innerJoin('workspace_members', 'workspace_members.workspace_id', 'sites.workspace_id')
    .selectAll('sites')
    .where('workspace_members.subscriber_id', '=', subscriberId)
    .orderBy('sites.updated_at', 'desc')
    .execute();
  const counts = await newSubmissionCounts(ctx, rows);
  return rows.map((r) => ({ ...siteListItem(ctx, r), newSubmissions: counts.get(r.id) ?? 0 }));
}

export async function getSite(ctx: Context, subscriberId: string, siteId: string) {
  const s = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const counts = await newSubmissionCounts(ctx, [s]);
  return { ...siteSummary(ctx, s), newSubmissions: counts.get(s.id) ?? 0, document: JSON.parse(s.draft) as SiteDocument };
}

/** Saves the draft only if the caller saw the current revision; otherwise 409 with the current one. */
export async function saveDraft(ctx: Context, subscriberId: string, siteId: string, raw: unknown) {
  const input = parseInput(SaveDraftInput, raw);
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const document = parseInput(SiteDocument, followMovedPages(JSON.parse(site.draft), input.document), 'document');
  // Custom code publishing would refuse is refused when it is added or changed, with publishing's own sentence; the rest comes back as warnings.
  const { refused, warnings } = draftConsentChecks(document, JSON.parse(site.draft));
  if (refused.length) {
    const more = refused.length - 1;
    throw new DomainError('invalid_input', `${refused[0]!.message}${more ? ` ${more} more snippet${more === 1 ? ' needs' : 's need'} fixing too.` : ''}`, {
      issues: refused,
    });
  }
  const now = nowIso();
  const r = await ctx.dbs.control
    .updateTable('sites')
    .set({ draft: JSON.stringify(document), draft_revision: input.revision + 1, draft_updated_at: now, updated_at: now })
    .where('id', '=', site.id)
    .where('draft_revision', '=', input.revision)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const current = await requireSite(ctx.dbs.control, subscriberId, siteId);
    throw new DomainError('conflict', `the draft changed since revision ${input.revision}; it is now at revision ${current.draft_revision}`, {
      currentRevision: current.draft_revision,
      document: JSON.parse(current.draft),
    });
  }
  return { revision: input.revision + 1, savedAt: now, warnings };
}

export async function updateSite(ctx: Context, subscriberId: string, siteId: string, raw: unknown) {
  const input = parseInput(UpdateSiteInput, raw);
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  if (input.slug && input.slug !== site.slug) await assertSlugFree(ctx, input.slug, site.id);
  await ctx.dbs.control
    .updateTable('sites')
    .set({ ...(input.name ? { name: input.name } : {}), ...(input.slug ? { slug: input.slug } : {}), updated_at: nowIso() })
    .where('id', '=', site.id)
    .execute();
  if (input.name && input.name !== site.name) await ctx.bus.emit({ type: 'site.renamed', siteId: site.id });
  if (input.slug && input.slug !== site.slug) await ctx.bus.emit({ type: 'site.address_changed', siteId: site.id });
  return getSite(ctx, subscriberId, siteId);
}

export async function deleteSite(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  await eraseSites(ctx, [site]);
}

/**
 * Erases sites with everything they hold: end-user data in their region databases (every site table of the data
 * map, outside the control plane's cascades: first), their control rows (releases, images, domains, webhooks...
 * cascade), and the stored files no other site uses.
 */
export async function eraseSites(ctx: Context, sites: { id: string; region: string }[]): Promise<void> {
  const started = new Date();
  const files = await filesOfSites(
    ctx,
    sites.map((s) => s.id),
  );
  for (const site of sites) {
    const region = regionDbForSite(ctx.dbs, site) as unknown as Kysely<Record<string, { site_id: string }>>;
    await region.transaction().execute(async (trx) => {
      for (const table of SITE_REGION_TABLES) await trx.deleteFrom(table).where('site_id', '=', site.id).execute();
    });
    await ctx.dbs.control.deleteFrom('jobs').where('site_id', '=', site.id).execute();
    await ctx.dbs.control.deleteFrom('sites').where('id', '=', site.id).execute();
    await ctx.bus.emit({ type: 'site.deleted', siteId: site.id, region: site.region });
  }
  await removeUnusedFiles(ctx, files, started);
}
