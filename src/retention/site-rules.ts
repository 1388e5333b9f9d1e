// Retention rules that need to know each site: form submissions (the site's
// own setting), rows left in region databases by sites that no longer exist,
// and consent records (pruned from the oldest end of each site's hash chain,
// leaving an anchor so the rest still verifies).
import type { Context } from '../context.js';
import { pruneChain } from '../consent/chain.js';
import { SITE_REGION_TABLES } from '../privacy/site-tables.js';
import type { SiteDocument } from '../site-document/schema.js';
import type { Kysely } from 'kysely';
import { DAY, type ScheduledRule } from './rule.js';

/** `months` calendar months before `now`. */
const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

async function sitesWithRetention(ctx: Context) {
  const rows = await ctx.dbs.control.selectFrom('sites').select(['id', 'region', 'draft']).execute();
  return rows.map((r) => ({ id: r.id, region: r.region, months: (JSON.parse(r.draft) as SiteDocument).forms?.retentionMonths ?? 24 }));
}

export const formSubmissions: ScheduledRule = {
  kind: 'scheduled',
  id: 'forms.submissions',
  what: 'Messages visitors sent through a site’s forms, with their queued or kept deliveries',
  keptFor: () => 'as each site sets it: 3, 6, 12 or 24 months (the default), or as long as the site',
  async due(ctx, now) {
    let n = 0;
    for (const s of await sitesWithRetention(ctx)) {
      if (!s.months) continue;
      const db = ctx.dbs.regions[s.region as keyof typeof ctx.dbs.regions];
      const r = await db
        .selectFrom('form_submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('site_id', '=', s.id)
        .where('created_at', '<', monthsBefore(now, s.months))
        .executeTakeFirstOrThrow();
      n += Number(r.n);
    }
    return n;
  },
  async apply(ctx, now) {
    let n = 0;
    for (const s of await sitesWithRetention(ctx)) {
      if (!s.months) continue;
      const db = ctx.dbs.regions[s.region as keyof typeof ctx.dbs.regions];
      n += await db.transaction().execute(async (trx) => {
        const old = trx.selectFrom('form_submissions').select('id').where('site_id', '=', s.id).where('created_at', '<', monthsBefore(now, s.months));
        await trx.deleteFrom('jobs').where('site_id', '=', s.id).where('submission_id', 'in', old).execute();
        const r = await trx.deleteFrom('form_submissions').where('site_id', '=', s.id).where('created_at', '<', monthsBefore(now, s.months)).executeTakeFirst();
        return Number(r.numDeletedRows);
      });
    }
    return n;
  },
};

/** Site ids present in a region database's tables but not in the control database (a deletion cut short). */
async function orphans(ctx: Context, db: Kysely<any>): Promise<string[]> {
  const live = new Set((await ctx.dbs.control.selectFrom('sites').select('id').execute()).map((r) => r.id));
  const found = new Set<string>();
  for (const table of SITE_REGION_TABLES)
    for (const r of await db.selectFrom(table).select('site_id').distinct().where('site_id', 'is not', null).execute()) found.add(r.site_id as string);
  return [...found].filter((id) => !live.has(id));
}

export const orphanedSiteRows: ScheduledRule = {
  kind: 'scheduled',
  id: 'sites.orphaned-rows',
  what: 'Rows a deleted site left in its region database (if its deletion was cut short)',
  keptFor: () => 'none: deleted with the site, and swept again every hour',
  async due(ctx) {
    let n = 0;
    for (const db of Object.values(ctx.dbs.regions)) n += (await orphans(ctx, db)).length;
    return n;
  },
  async apply(ctx) {
    let n = 0;
    for (const db of Object.values(ctx.dbs.regions) as Kysely<any>[]) {
      const ids = await orphans(ctx, db);
      if (!ids.length) continue;
      await db.transaction().execute(async (trx) => {
        for (const table of SITE_REGION_TABLES) await trx.deleteFrom(table).where('site_id', 'in', ids).execute();
      });
      n += ids.length;
    }
    return n;
  },
};

export const consentRecords: ScheduledRule = {
  kind: 'scheduled',
  id: 'consent.records',
  what: 'Visitors’ consent records (the proof of each cookie choice)',
  keptFor: (config) => `${config.consentProofYears} years after the choice (the choice itself lasts a year; the rest is the time to answer a claim)`,
  async due(ctx, now) {
    const before = new Date(now.getTime() - ctx.config.consentProofYears * 365 * DAY).toISOString();
    let n = 0;
    for (const db of Object.values(ctx.dbs.regions)) {
      const r = await db
        .selectFrom('consent_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '<', before)
        .executeTakeFirstOrThrow();
      n += Number(r.n);
    }
    return n;
  },
  async apply(ctx, now) {
    const before = new Date(now.getTime() - ctx.config.consentProofYears * 365 * DAY).toISOString();
    let n = 0;
    for (const db of Object.values(ctx.dbs.regions)) {
      const sites = await db.selectFrom('consent_records').select('site_id').distinct().where('created_at', '<', before).execute();
      for (const { site_id } of sites) n += await pruneChain(db, site_id, before, ctx.clock.now().toISOString());
    }
    return n;
  },
};
