// The only way core code reaches end-user data: through the region database of
// the site the data belongs to.
import type { Kysely } from 'kysely';
import type { Databases } from './connect.js';
import type { RegionDatabase } from './schema.js';
import { DomainError } from '../lib/errors.js';

export function regionDbForSite(dbs: Databases, site: { id: string; region: string }): Kysely<RegionDatabase> {
  if (!Object.hasOwn(dbs.regions, site.region))
    throw new DomainError('unavailable', `the data region ${site.region} of this site is not available on this server`);
  return dbs.regions[site.region]!;
}
