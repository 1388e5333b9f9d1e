// Shapes of the consent routes: the choice a published site's visitors post,
// and the subscriber's statistics, record lookup, export and chain check.
import { z } from 'zod';
import { Timestamp } from './common.js';

const PROVIDER = z.string().meta({ description: 'An embed provider id: youtube, vimeo, google-maps, calendly, typeform, loom, spotify or iframe' });

export const Choices = z
  .object({
    functional: z.boolean(),
    analytics: z.boolean(),
    marketing: z.boolean(),
    providers: z.array(PROVIDER).meta({ description: 'Providers the visitor always allows, whatever their category' }),
  })
  .meta({ id: 'ConsentChoices' });

export const ConsentSaved = z.object({
  id: z.string().meta({ description: 'The consent record’s id, also set as the c_id cookie' }),
  choices: Choices.meta({ description: 'The choices as recorded: Global Privacy Control and the categories the site offers applied' }),
  gpc: z.boolean(),
});

/** What the no-JavaScript preferences page posts. */
export const ConsentForm = z.object({
  version: z.string(),
  functional: z.literal('on').optional(),
  analytics: z.literal('on').optional(),
  marketing: z.literal('on').optional(),
  provider: z.union([z.string(), z.array(z.string())]).optional(),
  return: z.string().optional().meta({ description: 'A path of the same site to go back to; default the preferences page' }),
});

export const ConsentRecord = z
  .object({
    id: z.string(),
    seq: z.number().int().meta({ description: 'Place in the site’s chain of records, from 1' }),
    createdAt: Timestamp,
    choices: Choices,
    gpc: z.boolean().meta({ description: 'The visitor’s browser sent Global Privacy Control' }),
    bannerVersion: z.string().meta({ description: 'sha256 of the banner text and settings the visitor answered' }),
    replaces: z.string().nullable().meta({ description: 'The same visitor’s previous record, if their browser still held its id' }),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'ConsentRecord' });

export const BannerText = z
  .object({
    lang: z.string(),
    mode: z.enum(['off', 'notice', 'categories']),
    categories: z.array(z.enum(['functional', 'analytics', 'marketing'])),
    gpcRefusesAnalytics: z.boolean(),
    strings: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ConsentBannerText', description: 'The exact banner a visitor answered: its settings and every string' });

export const ConsentRecordDetail = ConsentRecord.extend({
  banner: BannerText,
  replacedBy: z.string().nullable().meta({ description: 'The record that replaced this one (the visitor chose again), if any' }),
});

export const ChainStatus = z
  .object({
    ok: z.boolean(),
    records: z.number().int(),
    firstBrokenSeq: z.number().int().nullable().meta({ description: 'The first record (by seq) that does not fit the chain' }),
    problem: z.string().nullable(),
    alteredBanners: z.array(z.string()),
    headHash: z.string().nullable().meta({ description: 'Hash of the newest record; keep a copy to detect removal of the newest records' }),
  })
  .meta({ id: 'ConsentChainStatus' });

export const ConsentStats = z
  .object({
    from: Timestamp.nullable(),
    to: Timestamp,
    total: z.number().int(),
    changes: z.number().int().meta({ description: 'Choices that replaced an earlier choice of the same visitor' }),
    gpc: z.number().int(),
    gpcShare: z.number().nullable(),
    categories: z.array(
      z.object({
        category: z.enum(['functional', 'analytics', 'marketing']),
        offered: z.number().int(),
        accepted: z.number().int(),
        refused: z.number().int(),
        acceptRate: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ConsentStats' });

export const ExportQuery = z.object({ format: z.enum(['json', 'csv']).optional() });

export const ConsentExport = z.object({
  siteId: z.string(),
  exportedAt: Timestamp,
  chain: ChainStatus,
  banners: z.array(z.object({ version: z.string(), createdAt: Timestamp, text: BannerText })),
  records: z.array(ConsentRecord),
});
