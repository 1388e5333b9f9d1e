// Custom domains: a subscriber proves control of a domain with a DNS TXT record
// at _atrium-verify.<domain>; only verified domains serve the site or get TLS.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, notFound } from '../lib/errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { disclose, DisclosureRefused } from '../privacy/disclose.js';
import { disclosingFrom } from '../privacy/disclosure-log.js';
import { requireSite } from '../tenancy/tenancy.js';
import { lookupTxt } from './dns-lookup.js';

const MAX_DOMAINS_PER_SITE = 10;
/** An unverified claim lapses after this long, so a forgotten or hostile claim blocks nothing for ever. */
export const PENDING_CLAIM_DAYS = 14;
const DAY_MS = 24 * 3600_000;

export const Hostname = z
  .string()
  .trim()
  .toLowerCase()
  .transform((h) => h.replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?=.{1,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/, 'must be a domain name like www.example.com'),
  );

export const AddDomainInput = z.object({ hostname: Hostname });

type DomainRow = {
  id: string;
  hostname: string;
  verification_token: string;
  verified_at: string | null;
  last_checked_at: string | null;
  last_error: string | null;
  created_at: string;
};

export function domainView(d: DomainRow) {
  return {
    id: d.id,
    hostname: d.hostname,
    status: d.verified_at ? 'verified' : 'pending',
    /** When an unverified claim lapses. */
    expiresAt: d.verified_at ? null : new Date(Date.parse(d.created_at) + PENDING_CLAIM_DAYS * DAY_MS).toISOString(),
    verification: { type: 'TXT', name: `_atrium-verify.${d.hostname}`, value: `atrium-verify=${d.verification_token}` },
    verifiedAt: d.verified_at,
    lastCheckedAt: d.last_checked_at,
    lastError: d.last_error,
    createdAt: d.created_at,
  };
}

export async function listDomains(ctx: Context, subscriberId: string, siteId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const rows = await ctx.dbs.control.selectFrom('domains').selectAll().where('site_id', '=', site.id).orderBy('created_at').execute();
  return rows.map(domainView);
}

export async function addDomain(ctx: Context, subscriberId: string, siteId: string, raw: unknown) {
  const { hostname } = parseInput(AddDomainInput, raw);
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const { sitesDomain, publicUrl } = ctx.config;
  if (hostname === sitesDomain || hostname.endsWith(`.${sitesDomain}`) || hostname === publicUrl.hostname)
    throw new DomainError('invalid_input', `${hostname} belongs to this Atrium server; use your own domain`, {
      issues: [{ path: 'hostname', message: 'is not a custom domain' }],
    });
  // Other sites' claims are not looked at: a pending claim blocks nobody, and answers reveal nothing of other tenants.
  const alreadyHere = () =>
    new DomainError('conflict', `${hostname} is already added to this site`, { issues: [{ path: 'hostname', message: 'already added to this site' }] });
  const mine = await ctx.dbs.control.selectFrom('domains').select('id').where('site_id', '=', site.id).where('hostname', '=', hostname).executeTakeFirst();
  if (mine) throw alreadyHere();
  const count = await ctx.dbs.control
    .selectFrom('domains')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', site.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_DOMAINS_PER_SITE) throw new DomainError('conflict', `a site can have at most ${MAX_DOMAINS_PER_SITE} domains`);
  const row: DomainRow & { site_id: string } = {
    id: newId('dom'),
    site_id: site.id,
    hostname,
    verification_token: randomBytes(16).toString('hex'),
    verified_at: null,
    last_checked_at: null,
    last_error: null,
    created_at: ctx.clock.now().toISOString(),
  };
  try {
    await ctx.dbs.control.insertInto('domains').values(row).execute();
  } catch (e) {
    // Two requests raced to add the same hostname to this site.
    if (await ctx.dbs.control.selectFrom('domains').select('id').where('site_id', '=', site.id).where('hostname', '=', hostname).executeTakeFirst())
      throw alreadyHere();
    throw e;
  }
  return domainView(row);
}

async function requireDomain(ctx: Context, subscriberId: string, siteId: string, domainId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const d = await ctx.dbs.control.selectFrom('domains').selectAll().where('id', '=', domainId).where('site_id', '=', site.id).executeTakeFirst();
  if (!d) throw notFound('domain');
  return d;
}

/** The atrium-verify values published at _atrium-verify.<hostname>, or why they could not be read. The look-up is a disclosure to the DNS resolvers. */
async function verificationRecords(
  ctx: Context,
  hostname: string,
  about: { subscriberId: string; siteId: string },
): Promise<{ values: string[] } | { error: string }> {
  try {
    const values = await disclose(disclosingFrom(ctx), { party: 'dns', category: 'domain-name', subject: { type: 'subscriber', ...about } }, (receipt) =>
      lookupTxt(receipt, ctx.config.dnsServers, `_atrium-verify.${hostname}`),
    );
    return { values };
  } catch (e) {
    if (e instanceof DisclosureRefused) throw e;
    const code = (e as { code?: string }).code;
    return {
      error:
        code === 'ENOTFOUND' || code === 'ENODATA'
          ? `no TXT record found at _atrium-verify.${hostname} yet; DNS changes can take a while`
          : `DNS lookup failed (${code ?? 'error'}); try again shortly`,
    };
  }
}

/**
 * Looks up the TXT record now and records the outcome; a verified domain starts
 * serving at once. The first claim to prove control gets the hostname. If another
 * site holds it verified, whoever controls the DNS decides: while the holder's
 * value is still published nothing moves; once it is gone, the proven claim takes over.
 */
export async function verifyDomain(ctx: Context, subscriberId: string, siteId: string, domainId: string) {
  const d = await requireDomain(ctx, subscriberId, siteId, domainId);
  const expected = `atrium-verify=${d.verification_token}`;
  const found = await verificationRecords(ctx, d.hostname, { subscriberId, siteId: d.site_id });
  let error =
    'error' in found ? found.error : found.values.includes(expected) ? null : `the TXT record at _atrium-verify.${d.hostname} does not contain ${expected} yet`;
  const holder =
    error || d.verified_at
      ? undefined
      : await ctx.dbs.control.selectFrom('domains').selectAll().where('hostname', '=', d.hostname).where('verified_at', 'is not', null).executeTakeFirst();
  if (holder && 'values' in found && found.values.includes(`atrium-verify=${holder.verification_token}`))
    error = `_atrium-verify.${d.hostname} also publishes an older atrium-verify value; remove it from your DNS, keep only ${expected}, and check again`;
  const now = nowIso();
  const patch = error ? { last_checked_at: now, last_error: error } : { last_checked_at: now, last_error: null, verified_at: d.verified_at ?? now };
  await ctx.dbs.control.transaction().execute(async (trx) => {
    if (holder && !error)
      await trx
        .updateTable('domains')
        .set({
          verified_at: null,
          last_checked_at: now,
          last_error: 'the DNS of this domain now verifies another Atrium site; add the TXT record again to claim it back',
        })
        .where('id', '=', holder.id)
        .execute();
    await trx.updateTable('domains').set(patch).where('id', '=', d.id).execute();
  });
  // The site now answers at this host; the first verified domain also becomes its canonical address.
  if (holder && !error) await ctx.bus.emit({ type: 'site.address_changed', siteId: holder.site_id });
  if (!error) await ctx.bus.emit({ type: 'site.address_changed', siteId: d.site_id });
  return domainView({ ...d, ...patch });
}

/** Deletes unverified claims older than PENDING_CLAIM_DAYS (run by the scheduler). */
export async function expirePendingClaims(ctx: Context, now: Date): Promise<number> {
  const r = await ctx.dbs.control
    .deleteFrom('domains')
    .where('verified_at', 'is', null)
    .where('created_at', '<', new Date(now.getTime() - PENDING_CLAIM_DAYS * DAY_MS).toISOString())
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function removeDomain(ctx: Context, subscriberId: string, siteId: string, domainId: string) {
  const d = await requireDomain(ctx, subscriberId, siteId, domainId);
  await ctx.dbs.control.deleteFrom('domains').where('id', '=', d.id).execute();
  await ctx.bus.emit({ type: 'site.address_changed', siteId: d.site_id });
}

/** For a TLS front's on-demand certificates: only hosts that serve a site get a certificate. */
export async function mayIssueCertificate(ctx: Context, hostname: string): Promise<boolean> {
  const parsed = Hostname.safeParse(hostname);
  if (!parsed.success) return false;
  const h = parsed.data;
  const suffix = `.${ctx.config.sitesDomain}`;
  if (h.endsWith(suffix) && !h.slice(0, -suffix.length).includes('.')) {
    return !!(await ctx.dbs.control.selectFrom('sites').select('id').where('slug', '=', h.slice(0, -suffix.length)).executeTakeFirst());
  }
  return !!(await ctx.dbs.control.selectFrom('domains').select('id').where('hostname', '=', h).where('verified_at', 'is not', null).executeTakeFirst());
}
