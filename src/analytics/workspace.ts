// Daily visitors of every site a subscriber can see, for the sites list's
// sparklines: read from the daily rollups with one query per region database
// holding any of the sites (not one per site), over the last days and the
// same number of days before them (for the trend).
import type { Context } from '../context.js';
import { regionDbForSite } from '../db/region-db.js';
import { TOTAL } from './dimensions.js';
import { addDays } from './range.js';
import { utcDay } from './salts.js';

export interface SiteVisitors {
  siteId: string;
  /** Visitors per day, one number per day of `days`. */
  visitors: number[];
  /** The sum of `visitors`: the period's visitors (each day's unique visitors, added up). */
  total: number;
  /** The same sum over the days just before. */
  previous: number;
}

export interface WorkspaceVisitors {
  /** The days (UTC), oldest first; the last is today. */
  days: string[];
  sites: SiteVisitors[];
}

export async function workspaceVisitors(ctx: Context, subscriberId: string, dayCount = 7): Promise<WorkspaceVisitors> {
  const today = utcDay(ctx.clock.now().getTime());
  const from = addDays(today, -(dayCount - 1));
  const before = addDays(from, -dayCount);
  const days = Array.from({ length: dayCount }, (_, i) => addDays(from, i));
  const sites = await ctx.dbs.control
    .selectFrom('sites')
    .innerJoin('workspace_members', 'workspace_members.workspace_id', 'sites.workspace_id')
    .select(['sites.id', 'sites.region'])
    .where('workspace_members.subscriber_id', '=', subscriberId)
    .execute();
  const byRegion = new Map<string, string[]>();
  for (const s of sites) byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s.id]);
  const out = new Map(sites.map((s) => [s.id, { siteId: s.id, visitors: days.map(() => 0), total: 0, previous: 0 }]));
  const index = new Map(days.map((d, i) => [d, i]));
  await Promise.all(
    [...byRegion].map(async ([region, ids]) => {
      const rows = await regionDbForSite(ctx.dbs, { id: ids[0]!, region })
        .selectFrom('analytics_daily')
        .select(['site_id', 'day', 'visitors'])
        .where('site_id', 'in', ids)
        .where('dimension', '=', TOTAL)
        .where('value', '=', TOTAL)
        .where('day', '>=', before)
        .where('day', '<=', today)
        .execute();
      for (const r of rows) {
        const s = out.get(r.site_id)!;
        const n = Number(r.visitors);
        const i = index.get(r.day);
        if (i === undefined) s.previous += n;
        else {
          s.visitors[i]! += n;
          s.total += n;
        }
      }
    }),
  );
  return { days, sites: [...out.values()] };
}
