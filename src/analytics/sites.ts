// Who may read a site's figures: its workspace members (tenancy: a foreign
// site is "not found"), and anyone holding the site's share link, which
// reaches only the aggregates (never raw events) and can be revoked.
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import { regionDbForSite } from '../db/region-db.js';
import { notFound } from '../lib/errors.js';
import { requireSite } from '../tenancy/tenancy.js';
import type { QueryScope } from './query.js';

const scope = (ctx: Context, site: { id: string; region: string }): QueryScope => ({
  db: regionDbForSite(ctx.dbs, site),
  siteId: site.id,
  now: ctx.clock.now(),
  rawDays: ctx.config.analyticsRawDays,
});

/** The query scope of a site the subscriber may see. */
export async function siteScope(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  return { site, scope: scope(ctx, site) };
}

/** The site behind a share link, or 404. */
export async function sharedScope(ctx: Context, token: string) {
  const site = await ctx.dbs.control
    .selectFrom('analytics_shares')
    .innerJoin('sites', 'sites.id', 'analytics_shares.site_id')
    .select(['sites.id', 'sites.name', 'sites.region'])
    .where('analytics_shares.token', '=', token)
    .executeTakeFirst();
  if (!site) throw notFound('shared analytics');
  return { site, scope: scope(ctx, site) };
}

export interface Share {
  token: string;
  createdAt: string;
}

export async function getShare(ctx: Context, subscriberId: string, siteId: string): Promise<Share | null> {
  await requireSite(ctx.dbs.control, subscriberId, siteId);
  const row = await ctx.dbs.control.selectFrom('analytics_shares').select(['token', 'created_at']).where('site_id', '=', siteId).executeTakeFirst();
  return row ? { token: row.token, createdAt: row.created_at } : null;
}

/** Makes a new share link (an earlier one stops working). */
export async function createShare(ctx: Context, subscriberId: string, siteId: string): Promise<Share> {
  await requireSite(ctx.dbs.control, subscriberId, siteId);
  const share = { token: randomBytes(24).toString('base64url'), createdAt: ctx.clock.now().toISOString() };
  await ctx.dbs.control.transaction().execute(async (trx) => {
    await trx.deleteFrom('analytics_shares').where('site_id', '=', siteId).execute();
    await trx.insertInto('analytics_shares').values({ site_id: siteId, token: share.token, created_at: share.createdAt }).execute();
  });
  return share;
}

export async function revokeShare(ctx: Context, subscriberId: string, siteId: string): Promise<void> {
  await requireSite(ctx.dbs.control, subscriberId, siteId);
  await ctx.dbs.control.deleteFrom('analytics_shares').where('site_id', '=', siteId).execute();
}
