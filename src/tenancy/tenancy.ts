// Tenancy: a subscriber reaches a site only through a workspace they belong to.
// Every lookup of a site by id goes through here, so a foreign id is "not found".
import type { Kysely } from 'kysely';
import type { ControlDatabase } from '../db/schema.js';
import { notFound } from '../lib/errors.js';

export async function workspaceIdsOf(db: Kysely<ControlDatabase>, subscriberId: string): Promise<string[]> {
  const rows = await db.selectFrom('workspace_members').select('workspace_id').where('subscriber_id', '=', subscriberId).execute();
  return rows.map((r) => r.workspace_id);
}

export async function requireWorkspace(db: Kysely<ControlDatabase>, subscriberId: string, workspaceId: string) {
  const m = await db
    .selectFrom('workspace_members')
    .select('role')
    .where('subscriber_id', '=', subscriberId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!m) throw notFound('workspace');
  return m;
}

export async function requireSite(db: Kysely<ControlDatabase>, subscriberId: string, siteId: string) {
  const site = await db
    .selectFrom('sites')
    .innerJoin('workspace_members', 'workspace_members.workspace_id', 'sites.workspace_id')
    .selectAll('sites')
    .where('workspace_members.subscriber_id', '=', subscriberId)
    .where('sites.id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw notFound('site');
  return site;
}

export type SiteRow = Awaited<ReturnType<typeof requireSite>>;
