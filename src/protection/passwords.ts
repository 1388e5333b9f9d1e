// A site's passwords, as its subscribers set them: one for the whole site and
// one per page. Kept in the control database (not in a release), hashed with
// argon2id; every change gets a new random version and is announced, so the
// serving processes check the new password from the next request, without a
// publish, and every u_sp cookie signed over the old version stops working.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../context.js';
import { hashPassword } from '../accounts/passwords.js';
import { notFound } from '../lib/errors.js';
import { nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { SiteDocument } from '../site-document/schema.js';
import { requireSite } from '../tenancy/tenancy.js';
import { SITE_SCOPE } from './access.js';

export const MIN_PASSWORD = 6;
export const SetPasswordInput = z.strictObject({
  password: z
    .string({ error: 'is required' })
    .min(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`)
    .max(200, 'must be at most 200 characters')
    .refine((p) => p.trim().length > 0, 'must not be only spaces'),
});

export interface Protection {
  /** The whole site asks for a password (pages with their own ask for theirs instead). */
  site: { protected: boolean; updatedAt: string | null };
  /** Pages of the draft with their own password. */
  pages: { pageId: string; updatedAt: string }[];
}

/** The scope a request names; a page must be one of the draft's (a removal may name a page deleted since). */
async function pageScope(ctx: Context, subscriberId: string, siteId: string, pageId: string | undefined, removing = false) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  if (pageId === undefined) return { site, scope: SITE_SCOPE };
  if (removing && /^[A-Za-z0-9_-]{1,64}$/.test(pageId)) return { site, scope: pageId };
  const doc = SiteDocument.parse(JSON.parse(site.draft));
  if (!doc.pages.some((p) => p.id === pageId)) throw notFound('page');
  return { site, scope: pageId };
}

export async function getProtection(ctx: Context, subscriberId: string, siteId: string): Promise<Protection> {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const rows = await ctx.dbs.control.selectFrom('site_passwords').select(['scope', 'updated_at']).where('site_id', '=', site.id).execute();
  const pageIds = new Set(SiteDocument.parse(JSON.parse(site.draft)).pages.map((p) => p.id));
  const siteRow = rows.find((r) => r.scope === SITE_SCOPE);
  return {
    site: { protected: !!siteRow, updatedAt: siteRow?.updated_at ?? null },
    pages: rows.filter((r) => r.scope !== SITE_SCOPE && pageIds.has(r.scope)).map((r) => ({ pageId: r.scope, updatedAt: r.updated_at })),
  };
}

/** Sets (or changes) the password of the site, or of one page when `pageId` is given. */
export async function setPassword(ctx: Context, subscriberId: string, siteId: string, pageId: string | undefined, input: unknown): Promise<Protection> {
  const { site, scope } = await pageScope(ctx, subscriberId, siteId, pageId);
  const { password } = parseInput(SetPasswordInput, input);
  const row = { password_hash: await hashPassword(password), version: randomBytes(16).toString('base64url'), updated_at: nowIso() };
  await ctx.dbs.control
    .insertInto('site_passwords')
    .values({ site_id: site.id, scope, ...row })
    .onConflict((oc) => oc.columns(['site_id', 'scope']).doUpdateSet(row))
    .execute();
  await ctx.bus.emit({ type: 'site.protection_changed', siteId: site.id });
  return getProtection(ctx, subscriberId, site.id);
}

/** Removes the password of the site, or of one page: it is public again at the next request. */
export async function removePassword(ctx: Context, subscriberId: string, siteId: string, pageId: string | undefined): Promise<Protection> {
  const { site, scope } = await pageScope(ctx, subscriberId, siteId, pageId, true);
  const r = await ctx.dbs.control.deleteFrom('site_passwords').where('site_id', '=', site.id).where('scope', '=', scope).executeTakeFirst();
  if (Number(r.numDeletedRows) > 0) await ctx.bus.emit({ type: 'site.protection_changed', siteId: site.id });
  return getProtection(ctx, subscriberId, site.id);
}
