// Access and portability for a subscriber: everything Atrium holds about them,
// as a zip of JSON (and CSV where it is a table), with a README saying what
// each file is. Each site is a folder in the site archive format, which another
// Atrium can import (POST /api/sites/import) as it is.
import { zipSync, type Zippable } from 'fflate';
import type { Context } from '../context.js';
import { listConsents } from '../accounts/consents.js';
import { notFound } from '../lib/errors.js';
import { siteArchiveFiles } from '../sites/site-archive.js';
import { accountDisclosures } from '../privacy/disclosure-log.js';
import { recipientsOf } from './recipients.js';

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

function csv(rows: Record<string, unknown>[], columns?: string[]): Buffer {
  const head = columns ?? Object.keys(rows[0] ?? {});
  if (!head.length) return Buffer.from('');
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    // Quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula.
    return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  };
  return Buffer.from(`${[head.join(','), ...rows.map((r) => head.map((h) => cell(r[h])).join(','))].join('\r\n')}\r\n`);
}

const README = (name: string, at: string) => `Your data at Atrium, exported ${at} for ${name}.

account.json       Your account: name, email, when it was made and confirmed. Your password is
                   stored only as a one-way hash, which cannot be turned back into the password;
                   it is not included.
sessions.csv       Devices signed in to your account: when each session started, was last used
                   and ends. (The session secrets themselves are not included.)
workspaces.json    The workspaces you belong to and your role in each.
consents.json      Every consent you gave Atrium (such as product news), with the words you agreed
                   to, when, and when and how you withdrew it.
recipients.json    Everyone your data was or may be sent to because of how you use Atrium:
                   the mail service, the DNS resolvers that check your domains, and the webhook
                   endpoints you added.
dpa.json           The data processing agreement each of your workspaces accepted: which version,
                   when, and whether you were the one who accepted it.
disclosures.csv    Each time Atrium actually sent data about you, or about your sites' visitors,
                   to one of those parties: when, to whom, what kind of data, whose, and whether
                   it went through. The content itself is not logged. Kept 3 years.
privacy-requests.json  Formal privacy requests you filed with Atrium, with every step and mail.
sites/<address>/   One folder per site: site.json (the document you edit, your images' details,
                   releases, domains and webhook endpoints), images/ (every size of every image)
                   and submissions.json (the messages visitors sent through the site's forms).
                   Each folder is a site archive: zip it and import it into another Atrium
                   ("Import a site" in the dashboard, or POST /api/sites/import).

The form messages are your visitors' personal data, which you hold as the controller: keep them
safe. Not included: your visitors' cookie choices (export them from each site's Consent screen as
proof of consent) and visitor analytics, which cannot be tied to anyone.
`;

export async function exportAccount(ctx: Context, subscriberId: string): Promise<Uint8Array> {
  const { control } = ctx.dbs;
  const me = await control.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).executeTakeFirst();
  if (!me) throw notFound('account');
  const now = ctx.clock.now().toISOString();
  const sessions = await control
    .selectFrom('sessions')
    .select(['created_at', 'last_used_at', 'expires_at'])
    .where('subscriber_id', '=', me.id)
    .orderBy('created_at')
    .execute();
  const workspaces = await control
    .selectFrom('workspace_members')
    .innerJoin('workspaces', 'workspaces.id', 'workspace_members.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'workspace_members.role', 'workspace_members.created_at'])
    .where('workspace_members.subscriber_id', '=', me.id)
    .execute();
  const sites = workspaces.length
    ? await control
        .selectFrom('sites')
        .select(['id', 'slug', 'region'])
        .where(
          'workspace_id',
          'in',
          workspaces.map((w) => w.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  const acceptances = workspaces.length
    ? await control
        .selectFrom('dpa_acceptances')
        .select(['workspace_id', 'version', 'accepted_at', 'accepted_by'])
        .where(
          'workspace_id',
          'in',
          workspaces.map((w) => w.id),
        )
        .orderBy('accepted_at')
        .execute()
    : [];
  const requests = await control.selectFrom('privacy_requests').selectAll().where('email', '=', me.email.toLowerCase()).execute();
  const steps = requests.length
    ? await control
        .selectFrom('privacy_request_log')
        .selectAll()
        .where(
          'request_id',
          'in',
          requests.map((r) => r.id),
        )
        .orderBy('seq')
        .execute()
    : [];

  const files: Zippable = {
    'README.txt': Buffer.from(README(me.name, now)),
    'account.json': json({
      id: me.id,
      name: me.name,
      email: me.email,
      emailConfirmedAt: me.email_verified_at,
      createdAt: me.created_at,
      updatedAt: me.updated_at,
      processingRestrictedSince: me.processing_restricted_at,
    }),
    'sessions.csv': csv(sessions.map((s) => ({ started: s.created_at, lastUsed: s.last_used_at, ends: s.expires_at }))),
    'workspaces.json': json(workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role, memberSince: w.created_at }))),
    'recipients.json': json(
      await recipientsOf(
        ctx,
        sites.map((s) => s.id),
      ),
    ),
    'consents.json': json(await listConsents(ctx, me.id)),
    'dpa.json': json(
      acceptances.map((a) => ({
        workspaceId: a.workspace_id,
        version: a.version,
        acceptedAt: a.accepted_at,
        acceptedByYou: a.accepted_by === me.id,
        agreement: new URL(`/dpa/versions/${a.version}`, ctx.config.publicUrl).href,
      })),
    ),
    'disclosures.csv': csv(
      (
        await accountDisclosures(
          ctx.dbs,
          me.id,
          requests.map((r) => r.id),
          sites,
        )
      ).map((d) => ({ time: d.at, party: d.party, category: d.category, what: d.what, whose: d.whose, outcome: d.outcome, site: d.site ?? '' })),
      ['time', 'party', 'category', 'what', 'whose', 'outcome', 'site'],
    ),
    'privacy-requests.json': json(
      requests
        .filter((r) => r.status !== 'unverified')
        .map((r) => ({
          id: r.id,
          type: r.type,
          status: r.status,
          receivedAt: r.verified_at,
          dueAt: r.due_at,
          closedAt: r.closed_at,
          details: r.details,
          steps: steps.filter((s) => s.request_id === r.id).map((s) => ({ at: s.at, by: s.actor, action: s.action, note: s.note, mail: s.mail_subject })),
        })),
    ),
  };
  for (const site of sites) {
    files.sites ??= {} as Zippable;
    (files.sites as Zippable)[site.slug] = nest(await siteArchiveFiles(ctx, site.id));
  }
  // Images are WebP already: stored, not compressed again.
  return zipSync(files, { level: 6 });
}

/** fflate nests folders as objects: 'images/x.webp' -> { images: { 'x.webp': ... } }. */
function nest(flat: Record<string, Uint8Array>): Zippable {
  const out: Zippable = {};
  for (const [p, bytes] of Object.entries(flat)) {
    const parts = p.split('/');
    let dir = out as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) dir = (dir[part] ??= {}) as Record<string, unknown>;
    dir[parts.at(-1)!] = p.endsWith('.webp') ? [bytes, { level: 0 }] : bytes;
  }
  return out;
}
