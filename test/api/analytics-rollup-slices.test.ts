// A busy day's roll-up reads its events in slices of the day (src/analytics/rollup.ts): the figures it stores
// must be those of the whole day read at once. About 55 000 events of one day, a burst among them, in visits
// that cross the slices' bounds, are written straight into the region database (as the worker would store them);
// after the scheduled roll-up, the unfiltered views (read from the rollups) must equal the same views filtered
// by a value every visit has (computed from the raw events in one read), and the totals known from the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import type { AnalyticsEventsTable } from '../../src/db/schema.js';
import { rollUpDay, type Pace } from '../../src/analytics/rollup.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let site: any;
let day: string;
const VISITS = 6000;
const PAGEVIEWS_PER_VISIT = 10;
const PAGES = ['/', '/pricing', '/about', '/blog', '/contact'];

beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'slices@example.com');
  site = (await c.post('/api/sites', { name: 'Busy', slug: 'busy', template: 'saas', region: 'us-oregon' })).json;
});
afterAll(async () => t?.close());

describe('the roll-up of a busy day', () => {
  it('stores the figures of the whole day when it reads the day in slices', async () => {
    const clock = t.running.ctx.clock as MovableClock;
    day = new Date(clock.now().getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const start = Date.parse(`${day}T00:00:00Z`);
    const rows: AnalyticsEventsTable[] = [];
    let goals = 0;
    for (let i = 0; i < VISITS; i++) {
      // Half the visits start all through the day, half in a burst from 10:00 to 10:20 (about 30 000 events
      // within the hour, so the stretch holding it is cut again); each lasts up to 27 minutes.
      const minute = i % 2 === 0 ? 600 + (i % 20) : (i * 7) % 1400;
      const base = {
        site_id: site.id,
        visitor: `visitor-${i % 4500}`,
        visit_id: `visit-${i}`,
        source: i % 3 ? 'Google' : null,
        referrer_host: i % 3 ? 'google.com' : null,
        utm_source: null,
        utm_medium: null,
        utm_campaign: null,
        utm_content: null,
        utm_term: null,
        country: ['DE', 'FR', 'US'][i % 3]!,
        region: null,
        city: null,
        device: i % 5 ? 'Desktop' : 'Mobile',
        os: 'Windows',
        browser: 'Chrome',
        language: 'en',
        screen: null,
        returning: 0,
        duration: null,
        props: null,
      };
      // A bounce now and then: one pageview only.
      const pageviews = i % 11 === 0 ? 1 : PAGEVIEWS_PER_VISIT;
      for (let p = 0; p < pageviews; p++)
        rows.push({
          ...base,
          time: new Date(start + (minute + 3 * p) * 60_000 + (i % 1000)).toISOString(),
          kind: 'pageview',
          name: null,
          path: PAGES[(i + p) % PAGES.length]!,
        });
      if (i % 10 === 1) {
        goals++;
        rows.push({ ...base, time: new Date(start + (minute + 1) * 60_000).toISOString(), kind: 'custom', name: 'Signup', path: '/pricing' });
      }
    }
    const region = t.running.ctx.dbs.regions['us-oregon']!;
    for (let i = 0; i < rows.length; i += 1000)
      await region
        .insertInto('analytics_events')
        .values(rows.slice(i, i + 1000))
        .execute();
    expect(rows.length).toBeGreaterThan(40_000);
    // No ANALYZE after this bulk load: filtered views must not depend on PostgreSQL's table statistics (planned
    // without them, a subquery per filter once took minutes here).

    // The roll-up job (every five minutes) redoes yesterday and today.
    clock.advance(6 * 60_000);
    t.running.jobs.wakeAll();
    await t.running.jobs.idle();

    const view = async (path: string, filter = '') => {
      const r = await c.get(`/api/sites/${site.id}/analytics${path}${path.includes('?') ? '&' : '?'}period=custom&from=${day}&to=${day}${filter}`);
      expect(r.status, r.text).toBe(200);
      return r.json;
    };
    const rolled = await view('');
    const pageviews = rows.filter((r) => r.kind === 'pageview').length;
    expect(rolled.summary).toMatchObject({ visitors: 4500, visits: VISITS, pageviews, events: goals });
    // Read from raw events in one go (a filter every visit matches): the same figures.
    const raw = await view('', '&browser=Chrome');
    expect(rolled.summary).toEqual(raw.summary);
    for (const dimension of ['page', 'entry', 'exit', 'source', 'country', 'device', 'goal']) {
      const a = await view(`/breakdown?dimension=${dimension}`);
      const b = await view(`/breakdown?dimension=${dimension}`, '&browser=Chrome');
      expect(a.rows.length, dimension).toBeGreaterThan(0);
      expect(a.rows, dimension).toEqual(b.rows);
    }
  });

  it('lets the worker store waiting hits after every query of the day, the counts that cut it included', async () => {
    // In the analytics worker, `between` stores the hits waiting (and holds back while the cores are busy). A day
    // of millions once took hundreds of counts back to back, and the worker stored nothing for over ten seconds.
    const steps: string[] = [];
    const pace: Pace = {
      async slice(work) {
        steps.push('slice');
        return work();
      },
      async between() {
        steps.push('between');
      },
    };
    const region = t.running.ctx.dbs.regions['us-oregon']!;
    expect(await rollUpDay(region, site.id, day, undefined, pace)).toBeGreaterThan(0);
    const slices = steps.filter((s) => s === 'slice').length;
    expect(slices).toBeGreaterThan(6); // counts, reads and the write
    expect(steps.join(' ')).toBe(Array<string>(slices).fill('slice between').join(' '));
  });
});
