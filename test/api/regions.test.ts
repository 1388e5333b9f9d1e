// The data regions come from configuration: the dashboard offers exactly those,
// a site can be created only in one of them, the platform policy and a site's
// notice name them as configured, and a bad value stops start-up with a message
// naming its variable.
import { spawnSync } from 'node:child_process';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/lib/config-error.js';
import { startServer } from '../../src/server.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { freePort, startTestServer, type TestServer } from '../helpers/server.js';

const REGIONS = {
  ATRIUM_REGIONS: 'eu-frankfurt, ch-zurich',
  ATRIUM_REGION_EU_FRANKFURT_NAME: 'European Union (Frankfurt)',
  ATRIUM_REGION_EU_FRANKFURT_LOCATION: 'Frankfurt am Main, Germany',
  ATRIUM_REGION_CH_ZURICH_NAME: 'Switzerland (Zurich)',
  ATRIUM_REGION_CH_ZURICH_LOCATION: 'Zurich, Switzerland',
  ATRIUM_REGION_CH_ZURICH_DESCRIPTION: 'Stored in Switzerland; a fit for the revised FADP.',
};

let t: TestServer;
let c: HttpClient;
beforeAll(async () => {
  t = await startTestServer(REGIONS);
  c = t.client();
  await signUpVerified(c, t.smtp, 'regions@example.com');
});
afterAll(async () => t?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|’/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
/** The rows of a section's table, cell texts. */
function rows(html: string, section: string): string[][] {
  const body = new RegExp(`<section aria-labelledby="${section}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((d) => text(d[1]!).trim()))
    .filter((r) => r.length);
}

describe('configured data regions', () => {
  it('are the regions the dashboard offers, in the configured order', async () => {
    expect((await c.get('/api/regions')).json).toEqual([
      { id: 'eu-frankfurt', name: 'European Union (Frankfurt)', description: 'Stored in Frankfurt am Main, Germany.' },
      { id: 'ch-zurich', name: 'Switzerland (Zurich)', description: 'Stored in Switzerland; a fit for the revised FADP.' },
    ]);
  });

  it('are exactly the regions the platform policy names, with where each stores its data', async () => {
    const r = await c.get('/privacy');
    expect(r.status).toBe(200);
    const how = process.env.ATRIUM_TEST_POSTGRES ? 'a PostgreSQL database at 127.0.0.1' : 'a database file on the server that runs this installation';
    expect(rows(r.text, 'where')).toEqual([
      ['European Union (Frankfurt)', `Frankfurt am Main, Germany (${how})`],
      ['Switzerland (Zurich)', `Zurich, Switzerland (${how})`],
    ]);
    for (const old of ['Canada (Toronto)', 'India (Mumbai)', 'EU (Frankfurt)', 'United States (Oregon)']) expect(text(r.text)).not.toContain(old);
  });

  it('take a site in a configured region, and refuse an unknown one with a 400 naming the field', async () => {
    const site = await c.post('/api/sites', { name: 'Zurich Co', slug: 'zurich-co', template: 'saas', region: 'ch-zurich' });
    expect(site.status).toBe(201);
    expect(site.json.region).toBe('ch-zurich');
    for (const region of ['us-oregon', 'mars-1']) {
      const r = await c.post('/api/sites', { name: 'Elsewhere', slug: `elsewhere-${region}`, template: 'saas', region });
      expect(r.status).toBe(400);
      expect(r.json.issues).toEqual([{ path: 'region', message: 'must be one of: eu-frankfurt, ch-zurich' }]);
    }
    expect((await c.get('/api/sites')).json.sites.map((s: { slug: string }) => s.slug)).toEqual(['zurich-co']);

    // The site's own notice names its region and where it is, as configured.
    expect((await c.post(`/api/sites/${site.json.id}/publish`)).status).toBe(201);
    const notice = text((await c.get('/privacy', { host: 'zurich-co.localhost' })).text);
    expect(notice).toContain('stores it in its Switzerland (Zurich) data region, in Zurich, Switzerland.');
  });

  it('refuses to import a site archive whose region this installation does not offer', async () => {
    const site = (await c.get('/api/sites')).json.sites[0];
    const files = unzipSync((await c.get(`/api/sites/${site.id}/export`)).body);
    const json = JSON.parse(Buffer.from(files['site.json']!).toString('utf8'));
    json.site.region = 'us-oregon';
    files['site.json'] = Buffer.from(JSON.stringify(json));
    const r = await c.request('POST', '/api/sites/import', undefined, { raw: Buffer.from(zipSync(files)), headers: { 'content-type': 'application/zip' } });
    expect(r.status).toBe(400);
    expect(r.json.issues[0].path).toBe('site.json.site.region');
    expect((await c.get('/api/sites')).json.sites).toHaveLength(1);
  });

  it('will not start without a region that sites keep their data in', async () => {
    const env: Record<string, string> = { ...t.env, PORT: String(await freePort()), ATRIUM_REGIONS: 'eu-frankfurt' };
    for (const k of Object.keys(env)) if (k.startsWith('ATRIUM_REGION_CH_ZURICH_')) delete env[k];
    await expect(startServer(loadConfig(env))).rejects.toThrow(
      new ConfigError(
        'ATRIUM_REGIONS (eu-frankfurt) leaves out ch-zurich (1 site): those sites keep their data there. Add it back to ATRIUM_REGIONS, with the same database, to start.',
      ),
    );
  });
});

describe('bad region settings', () => {
  const refused = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    return 'accepted';
  };

  it('stop start-up with a message naming the variable', () => {
    expect(refused({})).toBe('accepted');
    expect(refused({ ATRIUM_REGIONS: 'eu-frankfurt,EU West' })).toMatch(/^ATRIUM_REGIONS: "EU West" is not a region id; use up to 32 lowercase/);
    expect(refused({ ATRIUM_REGIONS: 'us-oregon,,ca-toronto' })).toMatch(/^ATRIUM_REGIONS has an empty entry/);
    expect(refused({ ATRIUM_REGIONS: 'us-oregon,us-oregon' })).toBe('ATRIUM_REGIONS lists us-oregon twice.');
    expect(refused({ ATRIUM_REGIONS: 'eu-west', ATRIUM_REGION_EU_WEST_LOCATION: 'Dublin, Ireland' })).toMatch(
      /^ATRIUM_REGION_EU_WEST_NAME is required: ATRIUM_REGIONS lists eu-west, which has no built-in name/,
    );
    expect(refused({ ATRIUM_REGIONS: 'eu-west', ATRIUM_REGION_EU_WEST_NAME: 'Ireland' })).toMatch(/^ATRIUM_REGION_EU_WEST_LOCATION is required: say where/);
    expect(refused({ ATRIUM_REGIONS: 'us-oregon', ATRIUM_REGION_DE_FRANKFURT_URL: 'postgres://db/eu' })).toMatch(
      /^ATRIUM_REGION_DE_FRANKFURT_URL is set, but ATRIUM_REGIONS \(us-oregon\) has no region de-frankfurt/,
    );
    expect(refused({ ATRIUM_REGION_US_OREGON_URL: 'mysql://db/us' })).toBe('ATRIUM_REGION_US_OREGON_URL must be a postgres:// URL, not mysql://…');
    expect(refused({ ATRIUM_REGION_US_OREGON_NAME: 'x'.repeat(81) })).toBe('ATRIUM_REGION_US_OREGON_NAME is 81 characters long; keep it to 80.');
  });

  it('are printed by the server entry point without a stack trace, and it exits', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, ATRIUM_REGIONS: 'eu-frankfurt,us-oregon', PORT: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Atrium cannot start: ATRIUM_REGION_EU_FRANKFURT_NAME is required: ATRIUM_REGIONS lists eu-frankfurt, which has no built-in name (like "EU (Frankfurt)").',
    );
  });
});
