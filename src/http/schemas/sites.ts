// Response shapes of the site, publishing, asset and domain routes, and of the
// catalogues the dashboard reads (templates, themes, regions, meta).
import { z } from 'zod';
import { Block, Navigation, Page, SiteDocument as SiteDocumentSchema, Theme as ThemeSchema } from '../../site-document/schema.js';
import { SaveDraftInput } from '../../sites/sites.js';
import { ErrorBody, FieldIssue, Timestamp } from './common.js';

export const Theme = ThemeSchema.meta({ id: 'Theme' });
export const SiteDocument = SiteDocumentSchema.meta({ id: 'SiteDocument' });
// The regions come from configuration (ATRIUM_REGIONS), so the schema is an open string; creating a site checks it.
export const Region = z.string().meta({ id: 'Region', description: 'A data region id, one of those `GET /api/regions` lists on this installation' });

/** What a dashboard thumbnail draws: theme, brand and the home page's hero (src/sites/preview.ts). */
export const DocumentPreview = z
  .object({
    theme: Theme,
    navigation: z.object({ brand: Navigation.shape.brand, logo: Navigation.shape.logo, links: Navigation.shape.links }),
    pages: z.array(z.object({ path: Page.shape.path, title: Page.shape.title, blocks: z.array(Block) })),
  })
  .meta({ id: 'DocumentPreview' });

export const SiteStatus = z.enum(['draft', 'live', 'live_with_changes']).meta({ id: 'SiteStatus' });

export const SiteSummary = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    slug: z.string(),
    region: Region,
    url: z.string().meta({ description: 'The site’s address under the sites domain' }),
    revision: z.number().int().meta({ description: 'The draft’s revision; send it back when saving the draft' }),
    liveReleaseId: z.string().nullable(),
    status: SiteStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    draftUpdatedAt: Timestamp,
    newSubmissions: z.number().int().meta({ description: 'Unread messages in the site’s inbox' }),
  })
  .meta({ id: 'SiteSummary' });

export const SiteListItem = SiteSummary.extend({ preview: DocumentPreview }).meta({ id: 'SiteListItem' });
export const SiteList = z.object({ sites: z.array(SiteListItem) });
export const SiteDetail = SiteSummary.extend({ document: SiteDocument }).meta({ id: 'SiteDetail' });

/** The request body of PUT /draft as documented; sites.saveDraft validates the document itself. */
export const SaveDraftBody = SaveDraftInput.extend({ document: SiteDocument });
export const DraftSaved = z.object({
  revision: z.number().int(),
  savedAt: Timestamp,
  warnings: z.array(FieldIssue).meta({
    description:
      'What publishing would still refuse about embeds, custom code and the cookie banner, with the paths and sentences publishing uses (custom code added or changed in this save is refused with a 400 instead)',
  }),
});
export const DraftConflict = ErrorBody.extend({
  currentRevision: z.number().int(),
  document: SiteDocument.meta({ description: 'The draft as it is now on the server' }),
}).meta({ id: 'DraftConflict' });

export const TemplateInfo = z.object({ id: z.string(), name: z.string(), description: z.string(), preview: DocumentPreview }).meta({ id: 'TemplateInfo' });
export const ThemePreset = z.object({ id: z.string(), theme: Theme });
export const Meta = z.object({
  sitesDomain: z.string(),
  siteUrlTemplate: z.string().meta({ description: 'A site’s address with {slug} in place of its slug, like http://{slug}.localhost:3000' }),
});
export const RegionInfo = z.object({ id: Region, name: z.string(), description: z.string() }).meta({ id: 'RegionInfo' });

export const ReleaseReason = z.enum(['publish', 'address_change', 'rollback']);
export const Published = z.object({
  id: z.string(),
  contentHash: z.string(),
  siteUrl: z.string(),
  reason: ReleaseReason,
  pageCount: z.number().int(),
  totalBytes: z.number().int(),
  createdAt: Timestamp,
  live: z.literal(true),
});
export const Release = z
  .object({
    id: z.string(),
    contentHash: z.string(),
    reason: ReleaseReason,
    siteUrl: z.string(),
    draftRevision: z.number().int(),
    pageCount: z.number().int(),
    totalBytes: z.number().int(),
    createdAt: Timestamp,
    publishedBy: z.string().nullable(),
    /** For a rollback: the release it made live again. */
    restoredFrom: z.object({ id: z.string(), createdAt: Timestamp }).nullable(),
    live: z.boolean(),
  })
  .meta({ id: 'Release' });
export const ReleaseList = z.object({ releases: z.array(Release) });
export const ReleaseDetail = Release.extend({ document: SiteDocument }).meta({ id: 'ReleaseDetail' });
export const RolledBack = z.object({ liveReleaseId: z.string(), rolledBackTo: z.string() });

export const Asset = z
  .object({
    id: z.string(),
    src: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    srcset: z.array(z.object({ src: z.string(), width: z.number().int() })),
    bytes: z.number().int(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Asset' });
export const AssetList = z.object({ assets: z.array(Asset) });

export const Domain = z
  .object({
    id: z.string(),
    hostname: z.string(),
    status: z.enum(['pending', 'verified']),
    verification: z.object({ type: z.literal('TXT'), name: z.string(), value: z.string() }),
    verifiedAt: Timestamp.nullable(),
    lastCheckedAt: Timestamp.nullable(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    /** When an unverified claim lapses (null once verified). */
    expiresAt: Timestamp.nullable(),
  })
  .meta({ id: 'Domain' });
export const DomainList = z.object({ domains: z.array(Domain) });
