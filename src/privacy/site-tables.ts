// Region tables that hold rows of one site, read off the data map (every table
// with a site_id column): what deleting a site or an account erases. A table
// added to a region database must be in the data map, so it cannot be missed.
import { DATA_MAP } from './data-map.js';

export const SITE_REGION_TABLES: readonly string[] = Object.entries(DATA_MAP.region)
  .filter(([, t]) => 'site_id' in t.personal || t.notPersonal.includes('site_id'))
  .map(([name]) => name);
