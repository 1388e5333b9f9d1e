// Exports of a site's consent records as proof: every record with its hashes,
// the exact banner text and settings each one answered, and whether the chain
// verifies. JSON keeps the banners once; CSV repeats the banner text on each
// row so every row stands on its own in a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { RegionDatabase } from '../db/schema.js';
import type { BannerText } from './banner-version.js';
import { verifyChain, type ChainStatus } from './chain.js';
import { recordView, type ConsentRecord } from './record-view.js';

export type ExportFormat = 'json' | 'csv';

export interface ConsentExport {
  siteId: string;
  exportedAt: string;
  chain: ChainStatus;
  banners: { version: string; createdAt: string; text: BannerText }[];
  records: ConsentRecord[];
}

/** Cells a spreadsheet would run as a formula are prefixed with an apostrophe. */
const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function exportRecords(db: Kysely<RegionDatabase>, siteId: string, format: ExportFormat, now: Date): Promise<string> {
  const [chain, banners, rows] = await Promise.all([
    verifyChain(db, siteId),
    db.selectFrom('consent_banners').selectAll().where('site_id', '=', siteId).orderBy('created_at').execute(),
    db.selectFrom('consent_records').selectAll().where('site_id', '=', siteId).orderBy('seq').execute(),
  ]);
  const records = rows.map(recordView);
  if (format === 'json') {
    const out: ConsentExport = {
      siteId,
      exportedAt: now.toISOString(),
      chain,
      banners: banners.map((b) => ({ version: b.version, createdAt: b.created_at, text: JSON.parse(b.text) as BannerText })),
      records,
    };
    return JSON.stringify(out, null, 2);
  }
  const textOf = new Map(banners.map((b) => [b.version, b.text]));
  const header = [
    'seq',
    'id',
    'recorded_at',
    'functional',
    'analytics',
    'marketing',
    'always_allowed_providers',
    'gpc',
    'replaces',
    'banner_version',
    'banner_language',
    'banner_text',
    'prev_hash',
    'hash',
  ];
  const yes = (b: boolean) => (b ? 'granted' : 'refused');
  const lines = records.map((r) => {
    const text = textOf.get(r.bannerVersion) ?? '';
    return [
      String(r.seq),
      r.id,
      r.createdAt,
      yes(r.choices.functional),
      yes(r.choices.analytics),
      yes(r.choices.marketing),
      r.choices.providers.join(' '),
      r.gpc ? 'yes' : 'no',
      r.replaces ?? '',
      r.bannerVersion,
      text ? (JSON.parse(text) as BannerText).lang : '',
      text,
      r.prevHash,
      r.hash,
    ];
  });
  return stringify([header, ...lines].map((l) => l.map(cell)));
}
