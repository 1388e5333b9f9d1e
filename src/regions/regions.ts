// The data regions a site's end-user data can live in, as this installation
// configures them (ATRIUM_REGIONS and ATRIUM_REGION_<ID>_*). Each is its own
// database. The default list is the four regions Atrium has always offered.
import { ConfigError } from '../lib/config-error.js';

export interface RegionConfig {
  /** Stored with each site, and the SQLite file name: lowercase letters, digits and hyphens. */
  id: string;
  /** What people see: the dashboard's choice, the privacy policy and the site's notice. */
  name: string;
  /** One line under the name when choosing a region. */
  description: string;
  /** Where its data is stored, in words ("Frankfurt, Germany"); unset, the policy says only how it is stored. */
  location: string | undefined;
  /** Its PostgreSQL database; unset, a SQLite file under the data directory. */
  url: string | undefined;
}

export const DEFAULT_REGION_IDS = ['ca-toronto', 'in-mumbai', 'de-frankfurt', 'us-oregon'] as const;

const BUILT_IN: Record<string, { name: string; description: string }> = {
  'ca-toronto': { name: 'Canada (Toronto)', description: 'Stored in Canada; a fit for PIPEDA and BC PIPA.' },
  'in-mumbai': { name: 'India (Mumbai)', description: 'Stored in India; a fit for the DPDP Act.' },
  'de-frankfurt': { name: 'EU (Frankfurt)', description: 'Stored in the EU; a fit for the GDPR.' },
  'us-oregon': { name: 'United States (Oregon)', description: 'Stored in the US; lowest latency for North America.' },
};

const SETTINGS = ['URL', 'NAME', 'LOCATION', 'DESCRIPTION'] as const;
type Setting = (typeof SETTINGS)[number];

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The environment variable of one region's setting: ATRIUM_REGION_DE_FRANKFURT_URL. */
export const regionVariable = (id: string, setting: Setting) => `ATRIUM_REGION_${id.replace(/-/g, '_').toUpperCase()}_${setting}`;

function text(env: NodeJS.ProcessEnv, variable: string, max: number): string | undefined {
  const v = env[variable]?.trim();
  if (!v) return undefined;
  if (v.length > max) throw new ConfigError(`${variable} is ${v.length} characters long; keep it to ${max}.`);
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new ConfigError(`${variable} holds a control character (a line break?); write it on one line.`);
  return v;
}

function databaseUrl(env: NodeJS.ProcessEnv, variable: string): string | undefined {
  const v = env[variable]?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError(`${variable} is not a URL; write it like postgres://user:password@host:5432/atrium_eu.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ConfigError(`${variable} must be a postgres:// URL, not ${url.protocol}//…`);
  return v;
}

/** Reads and checks the configured regions; a bad value throws a ConfigError naming its variable. */
export function parseRegions(env: NodeJS.ProcessEnv): RegionConfig[] {
  const raw = env.ATRIUM_REGIONS?.trim() || DEFAULT_REGION_IDS.join(',');
  const ids = raw.split(',').map((s) => s.trim());
  for (const id of ids) {
    if (!id) throw new ConfigError(`ATRIUM_REGIONS has an empty entry ("${raw}"); list region ids separated by commas, like eu-frankfurt,us-oregon.`);
    if (!ID.test(id) || id.length > 32)
      throw new ConfigError(
        `ATRIUM_REGIONS: "${id}" is not a region id; use up to 32 lowercase letters, digits and single hyphens, starting with a letter (like eu-frankfurt).`,
      );
  }
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new ConfigError(`ATRIUM_REGIONS lists ${twice} twice.`);

  const expected = new Set(ids.flatMap((id) => SETTINGS.map((s) => regionVariable(id, s))));
  for (const key of Object.keys(env).sort()) {
    const m = /^ATRIUM_REGION_(.+)_(URL|NAME|LOCATION|DESCRIPTION)$/.exec(key);
    if (m && env[key]?.trim() && !expected.has(key))
      throw new ConfigError(
        `${key} is set, but ATRIUM_REGIONS (${ids.join(',')}) has no region ${m[1]!.toLowerCase().replace(/_/g, '-')}; add the region to ATRIUM_REGIONS or remove the variable.`,
      );
  }

  return ids.map((id) => {
    const builtIn = BUILT_IN[id];
    const name = text(env, regionVariable(id, 'NAME'), 80) ?? builtIn?.name;
    if (!name)
      throw new ConfigError(`${regionVariable(id, 'NAME')} is required: ATRIUM_REGIONS lists ${id}, which has no built-in name (like "EU (Frankfurt)").`);
    const location = text(env, regionVariable(id, 'LOCATION'), 120);
    if (!location && !builtIn)
      throw new ConfigError(
        `${regionVariable(id, 'LOCATION')} is required: say where the data of region ${id} is stored (like "Frankfurt, Germany"); the privacy policy names it.`,
      );
    const description = text(env, regionVariable(id, 'DESCRIPTION'), 200) ?? builtIn?.description ?? `Stored in ${location}.`;
    return { id, name, description, location, url: databaseUrl(env, regionVariable(id, 'URL')) };
  });
}

/** A region's configuration, or undefined when this installation does not offer it. */
export const findRegion = (regions: readonly RegionConfig[], id: string) => regions.find((r) => r.id === id);
