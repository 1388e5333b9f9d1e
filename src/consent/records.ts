// Consent records: each choice a visitor makes on a published site, stored in
// the site's region database as proof (which categories and providers, when,
// whether the browser sent Global Privacy Control, and the exact banner they
// answered), with nothing that identifies the visitor: no IP address, no user
// agent, no referrer. Records are append-only and hash-chained per site
// (chain.ts); a visitor's later choice names their previous record (from
// their c_id cookie) in `replaces`, so one visitor's history can be followed
// without knowing who they are. HTTP-free: the site routes call this.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Context } from '../context.js';
import { isTransientConflict, isUniqueViolation } from '../db/db-errors.js';
import { regionDbForSite } from '../db/region-db.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { DomainError, invalid, notFound } from '../lib/errors.js';
import { parseInput } from '../lib/validate.js';
import type { SiteDocument } from '../site-document/schema.js';
import { bannerVersion, type BannerText } from './banner-version.js';
import { siteLanguages } from '../site-document/translations.js';
import { recordHash, GENESIS, type RecordRow } from './chain.js';
import { recordView, type ConsentRecord } from './record-view.js';
import { applyGpc } from './gpc.js';
import { siteCategories, siteConsentItems } from './page-needs.js';
import { PROVIDERS, type ProviderId } from './providers.js';

export { verifyChain, type ChainStatus } from './chain.js';
export { consentStats, StatsQuery, type ConsentStats } from './stats.js';
export { exportRecords, type ExportFormat } from './export.js';
export { recordView, type ConsentRecord } from './record-view.js';

/** Where a site's records live. */
export interface ConsentSite {
  id: string;
  region: string;
}

const PROVIDER_IDS = Object.keys(PROVIDERS) as [ProviderId, ...ProviderId[]];

/** What a visitor sends: the banner version they saw and their choices. */
export const ChoiceInput = z.object({
  version: z.string().regex(/^[0-9a-f]{64}$/, 'must be the banner version of the page (data-version)'),
  choices: z.object({
    functional: z.boolean(),
    analytics: z.boolean(),
    marketing: z.boolean(),
    providers: z.array(z.enum(PROVIDER_IDS)).max(PROVIDER_IDS.length).default([]),
  }),
  /** navigator.globalPrivacyControl, as the runtime saw it (the Sec-GPC header counts too). */
  gpc: z.boolean().optional(),
});
export type ChoiceInput = z.input<typeof ChoiceInput>;

/** The languages the site's pages are shown in (one today: the document's). */
/** Whether the site asks visitors for consent at all (a banner, something to consent to). */
export const siteAsksConsent = (doc: SiteDocument) => doc.consent.mode !== 'off' && siteConsentItems(doc).length > 0;

/** The banner of this live document with that version, if any of its languages shows it. */
export function liveBanner(doc: SiteDocument, version: string): { version: string; text: BannerText } | null {
  for (const lang of siteLanguages(doc)) {
    const b = bannerVersion(doc, lang);
    if (b.version === version) return b;
  }
  return null;
}

/** The current banner version in the site's main language (what the no-JS page posts). */
export const currentBannerVersion = (doc: SiteDocument) => bannerVersion(doc, doc.defaultLanguage).version;

/** 160 random bits: the record's id and the visitor's c_id cookie. Cannot be guessed to read someone's record. */
const newRecordId = () => `cr_${randomBytes(20).toString('base64url')}`;
export const RECORD_ID = /^cr_[A-Za-z0-9_-]{27}$/;

/**
 * Stores a visitor's choice as the next record of the site's chain and answers
 * the choices as recorded: categories the banner does not offer are off,
 * providers the site does not embed are dropped, and GPC refuses what it
 * refuses. Throws invalid_input naming `version` when the banner version is
 * not one of the live document's.
 */
export async function recordChoice(
  ctx: Pick<Context, 'dbs' | 'clock'>,
  site: ConsentSite,
  doc: SiteDocument,
  raw: unknown,
  opts: { gpcHeader: boolean; previousId?: string | undefined },
): Promise<ConsentRecord> {
  const input = parseInput(ChoiceInput, raw);
  if (!siteAsksConsent(doc)) throw notFound('consent banner');
  const banner = liveBanner(doc, input.version);
  if (!banner) throw invalid('version', 'this page shows an earlier version of the cookie banner: reload the page and choose again');
  const offered = new Set(siteCategories(doc));
  const embedded = new Set(siteConsentItems(doc).flatMap((i) => (i.provider ? [i.provider] : [])));
  const gpc = opts.gpcHeader || input.gpc === true;
  const choices = applyGpc(
    doc,
    {
      functional: input.choices.functional && offered.has('functional'),
      analytics: input.choices.analytics && offered.has('analytics'),
      marketing: input.choices.marketing && offered.has('marketing'),
      providers: [...new Set(input.choices.providers)].filter((p) => embedded.has(p)).sort(),
    },
    gpc,
  );
  const db = regionDbForSite(ctx.dbs, site);
  const bannerText = canonicalJson(banner.text);
  const previousId = opts.previousId && RECORD_ID.test(opts.previousId) ? opts.previousId : undefined;

  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        // One appender per site at a time. PostgreSQL: a transaction-scoped lock on the site (other processes wait
        // here). SQLite: this transaction's first statement writes, so it holds the database's write lock before
        // it reads the head (other processes wait in busy_timeout). (site_id, seq) is unique either way, and a
        // conflict that still happens is retried below.
        if (ctx.dbs.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${`consent:${site.id}`}, 0))`.execute(trx);
        const now = ctx.clock.now().toISOString();
        // The banner text, once per version (first: see above).
        await trx
          .insertInto('consent_banners')
          .values({ site_id: site.id, version: banner.version, text: bannerText, created_at: now })
          .onConflict((oc) => oc.columns(['site_id', 'version']).doNothing())
          .execute();
        const head = await trx
          .selectFrom('consent_records')
          .select(['seq', 'hash'])
          .where('site_id', '=', site.id)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        const replaces = previousId
          ? ((await trx.selectFrom('consent_records').select('id').where('site_id', '=', site.id).where('id', '=', previousId).executeTakeFirst())?.id ?? null)
          : null;
        const prevHash = head?.hash ?? GENESIS;
        const fields = {
          id: newRecordId(),
          site_id: site.id,
          seq: Number(head?.seq ?? 0) + 1,
          created_at: now,
          functional: +choices.functional,
          analytics: +choices.analytics,
          marketing: +choices.marketing,
          providers: JSON.stringify(choices.providers),
          gpc: +gpc,
          banner_version: banner.version,
          replaces,
        };
        const row: RecordRow = { ...fields, prev_hash: prevHash, hash: recordHash(prevHash, fields) };
        await trx.insertInto('consent_records').values(row).execute();
        return recordView(row);
      });
    } catch (e) {
      // Another process took this place in the chain (SQLite shared by processes, or a lost lock): read the head again.
      if ((isUniqueViolation(e) || isTransientConflict(e)) && attempt < 50) {
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
        continue;
      }
      throw e;
    }
  }
}

/** One record of the site by its id, with the banner it answered and the record that replaced it, if any. */
export async function lookupRecord(ctx: Pick<Context, 'dbs'>, site: ConsentSite, id: string) {
  if (!RECORD_ID.test(id)) throw notFound('consent record');
  const db = regionDbForSite(ctx.dbs, site);
  const row = await db.selectFrom('consent_records').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('consent record');
  const [banner, next] = await Promise.all([
    db.selectFrom('consent_banners').select('text').where('site_id', '=', site.id).where('version', '=', row.banner_version).executeTakeFirst(),
    db.selectFrom('consent_records').select('id').where('site_id', '=', site.id).where('replaces', '=', id).orderBy('seq').limit(1).executeTakeFirst(),
  ]);
  if (!banner) throw new DomainError('unavailable', `the banner text of consent record ${id} is missing`);
  return { ...recordView(row), banner: JSON.parse(banner.text) as BannerText, replacedBy: next?.id ?? null };
}

/** The visitor's own record for the preferences page: null when their cookie names no record of this site. */
export async function visitorRecord(ctx: Pick<Context, 'dbs'>, site: ConsentSite, id: string | undefined): Promise<ConsentRecord | null> {
  if (!id || !RECORD_ID.test(id)) return null;
  const row = await regionDbForSite(ctx.dbs, site)
    .selectFrom('consent_records')
    .selectAll()
    .where('site_id', '=', site.id)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? recordView(row) : null;
}
