// Acceptance of the data processing agreement: a workspace (the account that
// owns sites) accepts a version, recorded with when and by whom. Publishing
// something that makes visitor data flow (a form, or analytics, which count the
// visits of every published site while the installation has them on) is
// refused until the workspace accepted the agreement in effect.
//
// Re-acceptance: an acceptance of version n still holds for a later version m
// when no version after n up to m was a material change (versions.ts decides
// what is material: a new purpose, a new party, a new cookie, a changed period).
// A non-material change (the operator's address, say) needs no new click.
import type { Context } from '../context.js';
import { DomainError, invalid, notFound } from '../lib/errors.js';
import { requireWorkspace } from '../tenancy/tenancy.js';
import type { SiteDocument } from '../site-document/schema.js';
import { policyInEffect, type StoredPolicy } from './versions.js';

export const dpaUrl = (version?: number) => (version ? `/dpa/versions/${version}` : '/dpa');

/** The agreement subscribers accept now: the version in effect (or the first one, before it is). */
async function currentDpa(ctx: Context): Promise<StoredPolicy> {
  const { current, upcoming } = await policyInEffect(ctx, 'dpa');
  const shown = current ?? upcoming;
  if (!shown) throw notFound('data processing agreement');
  return shown;
}

/** The workspace a subscriber's call is about: the one named (a foreign one is not found), else their first. */
async function workspaceOf(ctx: Context, subscriberId: string, workspaceId?: string): Promise<string> {
  if (workspaceId) {
    await requireWorkspace(ctx.dbs.control, subscriberId, workspaceId);
    return workspaceId;
  }
  const first = await ctx.dbs.control
    .selectFrom('workspace_members')
    .select('workspace_id')
    .where('subscriber_id', '=', subscriberId)
    .orderBy('created_at')
    .orderBy('workspace_id')
    .executeTakeFirst();
  if (!first) throw notFound('workspace');
  return first.workspace_id;
}

/** The workspace's latest acceptance, and whether it still covers the current version. */
async function acceptanceOf(ctx: Context, workspaceId: string, current: number) {
  const row = await ctx.dbs.control
    .selectFrom('dpa_acceptances')
    .leftJoin('subscribers', 'subscribers.id', 'dpa_acceptances.accepted_by')
    .select(['dpa_acceptances.version', 'dpa_acceptances.accepted_at', 'subscribers.name'])
    .where('dpa_acceptances.workspace_id', '=', workspaceId)
    .where('dpa_acceptances.version', '<=', current)
    .orderBy('dpa_acceptances.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { accepted: null, covers: false };
  const material = await ctx.dbs.control
    .selectFrom('policy_versions')
    .select('version')
    .where('kind', '=', 'dpa')
    .where('version', '>', row.version)
    .where('version', '<=', current)
    .where('material', '!=', '[]')
    .limit(1)
    .executeTakeFirst();
  return { accepted: { version: row.version, acceptedAt: row.accepted_at, acceptedBy: row.name ?? null }, covers: !material };
}

export async function dpaStatus(ctx: Context, subscriberId: string, workspaceId?: string) {
  const ws = await workspaceOf(ctx, subscriberId, workspaceId);
  const current = await currentDpa(ctx);
  const { upcoming } = await policyInEffect(ctx, 'dpa');
  const { accepted, covers } = await acceptanceOf(ctx, ws, current.version);
  return {
    workspaceId: ws,
    current: { version: current.version, effectiveAt: current.effectiveAt, title: current.document.title, url: dpaUrl(current.version) },
    upcoming:
      upcoming && upcoming.version > current.version ? { version: upcoming.version, effectiveAt: upcoming.effectiveAt, url: dpaUrl(upcoming.version) } : null,
    accepted,
    /** False until the workspace accepted the current version or an earlier one with no material change since. */
    upToDate: covers,
  };
}

/** Records the acceptance of the current version by this subscriber, for their workspace. */
export async function acceptDpa(ctx: Context, subscriberId: string, version: number, workspaceId?: string) {
  const ws = await workspaceOf(ctx, subscriberId, workspaceId);
  const current = await currentDpa(ctx);
  if (version !== current.version)
    throw invalid('version', `version ${version} is not the agreement in effect; read and accept version ${current.version} (${dpaUrl(current.version)})`);
  await ctx.dbs.control
    .insertInto('dpa_acceptances')
    .values({ workspace_id: ws, version, accepted_at: ctx.clock.now().toISOString(), accepted_by: subscriberId })
    .onConflict((oc) => oc.columns(['workspace_id', 'version']).doNothing())
    .execute();
  return dpaStatus(ctx, subscriberId, ws);
}

/** What in a document makes visitor data flow once it is live. */
export function visitorDataIn(ctx: Context, doc: SiteDocument): string[] {
  const reasons: string[] = [];
  if (doc.pages.some((p) => p.blocks.some((b) => b.type === 'form'))) reasons.push('forms');
  if (ctx.config.analytics) reasons.push('analytics');
  return reasons;
}

/** Refuses (409 dpa_required) to make a document live before its workspace accepted the agreement in effect. */
export async function requireDpaFor(ctx: Context, workspaceId: string, doc: SiteDocument): Promise<void> {
  const reasons = visitorDataIn(ctx, doc);
  if (!reasons.length) return;
  const current = await currentDpa(ctx);
  const { accepted, covers } = await acceptanceOf(ctx, workspaceId, current.version);
  if (covers) return;
  const what = reasons.length === 2 ? 'a form and visitor analytics' : reasons[0] === 'forms' ? 'a form' : 'visitor analytics';
  throw new DomainError(
    'dpa_required',
    `${accepted ? `The data processing agreement changed since you accepted version ${accepted.version}. ` : ''}` +
      `This site would collect visitors’ data (${what}), so accept the data processing agreement (version ${current.version}) before publishing: ` +
      `read it at ${dpaUrl(current.version)}, then accept it in the dashboard or with POST /api/account/dpa.`,
    { dpa: { version: current.version, url: dpaUrl(current.version) }, workspaceId, reasons },
  );
}
