// The only way core code reaches end-user data: through the region database of
// the site the data belongs to.
import type { Kysely } from 'kysely';
import type { Databases } from '../db/connect.js';
import type { RegionDatabase } from '../db/schema.js';
import { isRegion } from './regions.js';

export function regionDbForSite(dbs: Databases, site: { id: string; region: string }): Kysely<RegionDatabase> {
  if (!isRegion(site.region)) throw new Error(`site ${site.id} has unknown region ${site.region}`);
  return dbs.regions[site.region];
}
