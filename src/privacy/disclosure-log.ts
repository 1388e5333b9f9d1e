// The disclosure log's storage: writing the rows disclose() makes (straight to
// the database, or beside a job's outcome) and reading them for access
// requests: an account's, and a site visitor's.
import type { Kysely } from 'kysely';
import type { Databases } from '../db/connect.js';
import type { ControlDatabase, RegionDatabase } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import type { DiscloseDeps, DisclosureRecorder, DisclosureRow } from './disclose.js';
import { subProcessor, type RegistryConfig } from './sub-processors.js';

/** The row as the database's table has it: region rows name no account. */
export function rowFor(database: string, row: DisclosureRow): Record<string, unknown> {
  if (database === 'control') return { ...row };
  const { subscriber_id: _account, ...rest } = row;
  return rest;
}

/** Writes each row at once to its database. */
export function recordIn(dbs: Pick<Databases, 'control' | 'regions'>): DisclosureRecorder {
  return async (row, database) => {
    if (database === 'control') {
      await dbs.control.insertInto('disclosures').values(row).execute();
      return;
    }
    if (!dbs.regions[database]) throw new Error(`no region database ${database} for the disclosure log`);
    await dbs.regions[database]
      .insertInto('disclosures')
      .values(rowFor(database, row) as never)
      .execute();
  };
}

/** A disclosure as an access export shows it. */
export interface DisclosureView {
  at: string;
  party: string;
  category: string;
  what: string;
  whose: string;
  outcome: string;
  site?: string | null;
}

const view = (r: { at: string; party: string; category: string; subject_type: string; outcome: string }, site?: string | null): DisclosureView => ({
  at: r.at,
  party: subProcessor(r.party)?.id ?? r.party,
  category: r.category,
  what: subProcessor(r.party)?.categories[r.category] ?? r.category,
  whose: r.subject_type,
  outcome: r.outcome,
  ...(site === undefined ? {} : { site }),
});

/** Disclosures about an account (control database) and, for each of its sites, about the site's visitors (its region). */
export async function accountDisclosures(
  dbs: Pick<Databases, 'control' | 'regions'>,
  subscriberId: string,
  requestIds: string[],
  sites: { id: string; slug: string; region: string }[],
): Promise<DisclosureView[]> {
  const control: Kysely<ControlDatabase> = dbs.control;
  const mine = await control
    .selectFrom('disclosures')
    .selectAll()
    .where((eb) => eb.or([eb('subscriber_id', '=', subscriberId), ...(requestIds.length ? [eb('ref', 'in', requestIds)] : [])]))
    .orderBy('at')
    .execute();
  const out = mine.map((r) => view(r, null));
  for (const site of sites) {
    const region = dbs.regions[site.region];
    if (!region) continue;
    const rows = await region.selectFrom('disclosures').selectAll().where('site_id', '=', site.id).orderBy('at').execute();
    out.push(...rows.map((r) => view(r, site.slug)));
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Disclosures of one visitor's data by a site: those about their form messages or privacy requests. */
export async function visitorDisclosures(db: Kysely<RegionDatabase>, siteId: string, refs: string[]): Promise<DisclosureView[]> {
  if (!refs.length) return [];
  const rows = await db.selectFrom('disclosures').selectAll().where('site_id', '=', siteId).where('ref', 'in', refs).orderBy('at').execute();
  return rows.map((r) => view(r));
}

/** disclose()'s dependencies for code that has a context: rows are written straight to their database. */
export const disclosingFrom = (ctx: { config: RegistryConfig; clock: Clock; dbs: Pick<Databases, 'control' | 'regions'> }): DiscloseDeps => ({
  config: ctx.config,
  clock: ctx.clock,
  record: recordIn(ctx.dbs),
});
