// Consent statistics of a site over a time range: how many choices were
// recorded, and per category how often visitors who were offered it accepted
// or refused it; how many came with Global Privacy Control. Counted in the
// database (one grouped query), never by loading records.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { RegionDatabase } from '../db/schema.js';
import type { OptionalCategory } from '../site-document/schema.js';
import type { BannerText } from './banner-version.js';

const Time = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be a date or time like 2026-01-31 or 2026-01-31T12:00:00Z')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date')
  .transform((v) => new Date(v).toISOString());

export const StatsQuery = z.object({
  from: Time.optional().meta({ description: 'Count choices made at or after this time (ISO 8601); default: the first one' }),
  to: Time.optional().meta({ description: 'Count choices made before this time (ISO 8601); default: now' }),
});

export interface CategoryStats {
  category: OptionalCategory;
  /** Choices made on a banner that offered this category. */
  offered: number;
  accepted: number;
  refused: number;
  /** accepted / offered, 0..1; null when it was never offered. */
  acceptRate: number | null;
}

export interface ConsentStats {
  from: string | null;
  to: string;
  /** Choices recorded in the range. */
  total: number;
  /** Choices that changed an earlier one of the same visitor (their c_id cookie named it). */
  changes: number;
  /** Choices made with Global Privacy Control on. */
  gpc: number;
  /** gpc / total, 0..1; null without choices. */
  gpcShare: number | null;
  categories: CategoryStats[];
}

const CATEGORIES: OptionalCategory[] = ['functional', 'analytics', 'marketing'];

export async function consentStats(
  db: Kysely<RegionDatabase>,
  siteId: string,
  range: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<ConsentStats> {
  const to = range.to ?? now.toISOString();
  let q = db
    .selectFrom('consent_records')
    .select([
      'banner_version',
      'functional',
      'analytics',
      'marketing',
      'gpc',
      (eb) => eb.fn.countAll<string | number>().as('n'),
      sql<string | number>`sum(case when replaces is null then 0 else 1 end)`.as('changes'),
    ])
    .where('site_id', '=', siteId)
    .where('created_at', '<', to);
  if (range.from) q = q.where('created_at', '>=', range.from);
  const groups = await q.groupBy(['banner_version', 'functional', 'analytics', 'marketing', 'gpc']).execute();

  const versions = [...new Set(groups.map((g) => g.banner_version))];
  const banners = versions.length
    ? await db.selectFrom('consent_banners').select(['version', 'text']).where('site_id', '=', siteId).where('version', 'in', versions).execute()
    : [];
  const offeredBy = new Map(banners.map((b) => [b.version, new Set((JSON.parse(b.text) as BannerText).categories)]));

  const stats: ConsentStats = { from: range.from ?? null, to, total: 0, changes: 0, gpc: 0, gpcShare: null, categories: [] };
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { offered: 0, accepted: 0 }])) as Record<OptionalCategory, { offered: number; accepted: number }>;
  for (const g of groups) {
    const n = Number(g.n);
    stats.total += n;
    stats.changes += Number(g.changes);
    if (Number(g.gpc) === 1) stats.gpc += n;
    const offered = offeredBy.get(g.banner_version);
    for (const c of CATEGORIES) {
      if (!offered?.has(c)) continue;
      counts[c].offered += n;
      if (Number(g[c]) === 1) counts[c].accepted += n;
    }
  }
  stats.gpcShare = stats.total ? stats.gpc / stats.total : null;
  stats.categories = CATEGORIES.map((category) => {
    const { offered, accepted } = counts[category];
    return { category, offered, accepted, refused: offered - accepted, acceptRate: offered ? accepted / offered : null };
  });
  return stats;
}
