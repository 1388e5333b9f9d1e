// Custom domains: a subscriber proves control of a domain with a DNS TXT record
// at _atrium-verify.<domain>; only verified domains serve the site or get TLS.
import { Resolver } from 'node:dns/promises';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, notFound } from '../lib/errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { requireSite } from '../tenancy/tenancy.js';

const MAX_DOMAINS_PER_SITE = 10;

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
  const taken = await ctx.dbs.control.selectFrom('domains').select('site_id').where('hostname', '=', hostname).executeTakeFirst();
  if (taken) throw new DomainError('conflict', `${hostname} is already connected to a site`, { issues: [{ path: 'hostname', message: 'already connected' }] });
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
    created_at: nowIso(),
  };
  await ctx.dbs.control.insertInto('domains').values(row).execute();
  return domainView(row);
}

async function requireDomain(ctx: Context, subscriberId: string, siteId: string, domainId: string) {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const d = await ctx.dbs.control.selectFrom('domains').selectAll().where('id', '=', domainId).where('site_id', '=', site.id).executeTakeFirst();
  if (!d) throw notFound('domain');
  return d;
}

function resolver(ctx: Context) {
  const r = new Resolver({ timeout: 3000, tries: 2 });
  if (ctx.config.dnsServers.length) r.setServers(ctx.config.dnsServers);
  return r;
}

/** Looks up the TXT record now and records the outcome; a verified domain starts serving at once. */
export async function verifyDomain(ctx: Context, subscriberId: string, siteId: string, domainId: string) {
  const d = await requireDomain(ctx, subscriberId, siteId, domainId);
  const expected = `atrium-verify=${d.verification_token}`;
  let error: string | null = null;
  try {
    const records = await resolver(ctx).resolveTxt(`_atrium-verify.${d.hostname}`);
    if (!records.some((chunks) => chunks.join('') === expected)) error = `the TXT record at _atrium-verify.${d.hostname} does not contain ${expected} yet`;
  } catch (e) {
    const code = (e as { code?: string }).code;
    error =
      code === 'ENOTFOUND' || code === 'ENODATA'
        ? `no TXT record found at _atrium-verify.${d.hostname} yet; DNS changes can take a while`
        : `DNS lookup failed (${code ?? 'error'}); try again shortly`;
  }
  const now = nowIso();
  const patch = error ? { last_checked_at: now, last_error: error } : { last_checked_at: now, last_error: null, verified_at: d.verified_at ?? now };
  await ctx.dbs.control.updateTable('domains').set(patch).where('id', '=', d.id).execute();
  // The site now answers at this host; the first verified domain also becomes its canonical address.
  if (!error) await ctx.bus.emit({ type: 'site.address_changed', siteId: d.site_id });
  return domainView({ ...d, ...patch });
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
