// A subscriber deletes their account (the right to erasure, self-service).
// Everything that belongs to them goes: every site of a workspace they alone
// belong to (with its region rows, releases, images and stored files), their
// workspaces, sessions, one-time links, queued mail to them, the log of what
// was disclosed about them and copies of mail to them in the outbox folder.
// In a workspace shared with others, their sites stay (they are the others'
// too) and only the marks of who did what are cleared. Kept, because the law
// requires it: records of formal privacy requests they filed (proof of how
// each was answered, 3 years). On SQLite,
// deleted rows are overwritten (secure_delete) and the write-ahead log is
// folded in, so the files on disk keep no copy either.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { verifyPassword } from '../accounts/passwords.js';
import type { Context } from '../context.js';
import { invalid, notFound } from '../lib/errors.js';
import { outboxRecipientPart } from '../mail/mailer.js';
import { eraseSites } from '../sites/sites.js';

export interface AccountErasure {
  sites: number;
  workspaces: number;
  /** What stays, and why. */
  kept: string[];
}

/** Self-service: the subscriber confirms with their password. */
export async function eraseAccount(ctx: Context, subscriberId: string, password: string): Promise<AccountErasure> {
  const me = await ctx.dbs.control.selectFrom('subscribers').select('password_hash').where('id', '=', subscriberId).executeTakeFirst();
  if (!me) throw notFound('account');
  if (!(await verifyPassword(me.password_hash, password))) throw invalid('password', 'this is not your current password');
  return erase(ctx, subscriberId);
}

/** An operator fulfilling a confirmed erasure request (src/rights/fulfil-platform.ts). */
export const eraseAccountAsOperator = (ctx: Context, subscriberId: string) => erase(ctx, subscriberId);

async function erase(ctx: Context, subscriberId: string): Promise<AccountErasure> {
  const { control } = ctx.dbs;
  const me = await control.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).executeTakeFirst();
  if (!me) throw notFound('account');

  const memberships = await control.selectFrom('workspace_members').select('workspace_id').where('subscriber_id', '=', me.id).execute();
  const ids = memberships.map((m) => m.workspace_id);
  const shared = ids.length
    ? await control
        .selectFrom('workspace_members')
        .select('workspace_id')
        .where('workspace_id', 'in', ids)
        .where('subscriber_id', '!=', me.id)
        .distinct()
        .execute()
    : [];
  const sharedIds = new Set(shared.map((s) => s.workspace_id));
  const mine = ids.filter((id) => !sharedIds.has(id));
  const sites = mine.length ? await control.selectFrom('sites').select(['id', 'region']).where('workspace_id', 'in', mine).execute() : [];

  await eraseSites(ctx, sites);
  await control.transaction().execute(async (trx) => {
    await trx.updateTable('releases').set({ published_by: null }).where('published_by', '=', me.id).execute();
    await trx.updateTable('assets').set({ created_by: null }).where('created_by', '=', me.id).execute();
    await trx.updateTable('dpa_acceptances').set({ accepted_by: null }).where('accepted_by', '=', me.id).execute();
    if (mine.length) await trx.deleteFrom('workspaces').where('id', 'in', mine).execute();
    await trx.deleteFrom('jobs').where('target', '=', me.email).execute();
    // The log of what was sent about them to outside parties (their sites' visitors' part went with the sites).
    await trx.deleteFrom('disclosures').where('subscriber_id', '=', me.id).execute();
    // Request records stay as proof (see above), no longer tied to an account.
    await trx.updateTable('privacy_requests').set({ subscriber_id: null }).where('subscriber_id', '=', me.id).execute();
    // Sessions, one-time links and memberships cascade.
    await trx.deleteFrom('subscribers').where('id', '=', me.id).execute();
  });
  await removeOutboxCopies(ctx, me.email);
  if (ctx.dbs.dialect === 'sqlite') for (const db of [control, ...Object.values(ctx.dbs.regions)]) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);

  const requests = await control.selectFrom('privacy_requests').select('id').where('email', '=', me.email.toLowerCase()).execute();
  return {
    sites: sites.length,
    workspaces: mine.length,
    kept: requests.length
      ? [`${requests.length} privacy request record(s) you filed: kept 3 years after they were answered, as the law requires proof of how each was handled.`]
      : [],
  };
}

/** The embedded default writes mail as files; copies of mail to the erased address go too. */
async function removeOutboxCopies(ctx: Context, email: string): Promise<void> {
  const dir = path.join(ctx.config.dataDir, 'outbox');
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const marker = `-to-${outboxRecipientPart(email)}`;
  await Promise.all(names.filter((n) => n.includes(marker)).map((n) => fs.rm(path.join(dir, n), { force: true })));
}
