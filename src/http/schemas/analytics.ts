// Response shapes of the analytics routes (src/http/routes/analytics.ts).
import { z } from 'zod';
import { Timestamp } from './common.js';

export const Figures = z
  .object({
    visitors: z.number().int().meta({ description: 'Unique visitors: exact within a day; over several days the sum of each day’s (the hash changes daily)' }),
    pageviews: z.number().int(),
    visits: z.number().int(),
    bounceRate: z.number().meta({ description: 'Share of visits with one pageview and no other interaction, 0 to 1' }),
    visitDuration: z.number().int().meta({ description: 'Average visit duration in seconds' }),
    events: z.number().int().meta({ description: 'Custom events, outbound links, downloads and forms sent' }),
  })
  .meta({ id: 'AnalyticsFigures' });

const SeriesPoint = Figures.extend({ period: z.string().meta({ description: 'An hour (2026-05-01T13), a day or a month (2026-05)' }) });

export const Range = z.object({
  from: z.string().meta({ description: 'First day (UTC), like 2026-05-01' }),
  to: z.string().meta({ description: 'Last day (UTC), inclusive' }),
  interval: z.enum(['hour', 'day', 'month']),
});

export const GeoCredit = z.object({ text: z.string(), url: z.string(), licence: z.string() });

export const Overview = z
  .object({
    range: Range,
    summary: Figures,
    previous: Figures.nullable().meta({ description: 'The same figures for the period just before; null when a filtered view cannot reach it' }),
    series: z.array(SeriesPoint),
    previousSeries: z
      .array(SeriesPoint)
      .nullable()
      .meta({ description: 'The time series of the period just before, with the same interval, for comparison; null when `previous` is' }),
    realtime: z.number().int().meta({ description: 'Visitors in the last five minutes' }),
    notCounted: z.object({
      bots: z.number().int().meta({ description: 'Requests from bots and crawlers' }),
      refused: z.number().int().meta({
        description: 'Page requests of visitors who refused analytics (cookie choice, or Global Privacy Control where the site honours it for analytics)',
      }),
    }),
    geoCredit: GeoCredit.meta({ description: 'Attribution of the location data, to show with countries and cities' }),
  })
  .meta({ id: 'AnalyticsOverview' });

export const BreakdownRow = Figures.extend({
  value: z.string().meta({ description: 'The value as stored and as filters take it; empty for unknown (or Direct / none for sources)' }),
  label: z.string().meta({ description: 'The value as shown, e.g. a country’s name' }),
}).meta({ id: 'AnalyticsBreakdownRow' });

export const Breakdown = z.object({ dimension: z.string(), rows: z.array(BreakdownRow) }).meta({ id: 'AnalyticsBreakdown' });

export const Realtime = z.object({ visitors: z.number().int() });

export const Share = z
  .object({ token: z.string(), url: z.string().meta({ description: 'The public read-only page of the figures' }), createdAt: Timestamp })
  .meta({ id: 'AnalyticsShare' });
export const ShareState = z.object({ share: Share.nullable() });

export const SharedOverview = Overview.extend({ site: z.object({ name: z.string() }) }).meta({ id: 'SharedAnalyticsOverview' });

export const WorkspaceVisitors = z
  .object({
    days: z.array(z.string()).meta({ description: 'The last 7 days (UTC), oldest first; the last is today' }),
    sites: z.array(
      z.object({
        siteId: z.string(),
        visitors: z.array(z.number().int()).meta({ description: 'Visitors per day, one number per day of `days`' }),
        total: z.number().int().meta({ description: 'Visitors of the 7 days (each day’s unique visitors, added up)' }),
        previous: z.number().int().meta({ description: 'The same for the 7 days before' }),
      }),
    ),
  })
  .meta({ id: 'WorkspaceVisitors' });
