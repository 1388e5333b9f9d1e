// Where a request lives. Requests to the platform sit in the control database
// with no site; a site visitor's requests sit in the site's region database,
// scoped by site id, beside the data they are about. Every operation takes a
// store, so one engine serves both.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ControlDatabase, PrivacyRequestTables, RegionDatabase } from '../db/schema.js';

export interface RequestStore {
  db: Kysely<PrivacyRequestTables>;
  /** null: the platform's own requests. */
  siteId: string | null;
  /** A site's region (where mails about its visitors' requests are recorded as disclosures). */
  region?: string;
}

export const platformStore = (db: Kysely<ControlDatabase>): RequestStore => ({ db: db as unknown as Kysely<PrivacyRequestTables>, siteId: null });

export const siteStore = (db: Kysely<RegionDatabase>, siteId: string, region: string): RequestStore => ({
  db: db as unknown as Kysely<PrivacyRequestTables>,
  siteId,
  region,
});

/** A where-clause limiting privacy_requests to the store's scope, for selects and updates alike. */
export function inScope(store: RequestStore) {
  return (eb: ExpressionBuilder<PrivacyRequestTables, 'privacy_requests'>) =>
    store.siteId === null ? eb('site_id', 'is', null) : eb('site_id', '=', store.siteId);
}

/** Who answers a store's requests, named in every mail. */
export interface Controller {
  /** "Atrium" for the platform, the site's name for a site. */
  name: string;
  /** Where the requester can write back. */
  replyTo?: string;
}

/** Who took a step: the requester, the site's subscriber, platform staff or the system (scheduler). */
export interface Actor {
  kind: 'requester' | 'subscriber' | 'operator' | 'system';
  id?: string;
}
