// What a site holds about one of its visitors, found by their email address in
// the site's region database: form submissions they sent, the deliveries and
// queued work of those submissions, and (when they give its id) their consent
// record, and the log of where their messages and request mails went (the
// disclosure log, src/privacy/disclose.ts). Analytics cannot be tied to anyone (a daily hash whose salt is gone
// after 48 hours), so it is never part of the answer; the export says so.
import type { Kysely } from 'kysely';
import type { RegionDatabase } from '../db/schema.js';
import { visitorDisclosures, type DisclosureView } from '../privacy/disclosure-log.js';

export interface VisitorData {
  email: string;
  submissions: {
    id: string;
    formId: string;
    page: string;
    createdAt: string;
    status: string;
    readAt: string | null;
    data: Record<string, unknown>;
    consentText: string | null;
  }[];
  /** Webhook deliveries of those submissions: outcomes only (the payload is not kept). */
  deliveries: { submissionId: string | null; webhookId: string; attempt: number; statusCode: number | null; at: string }[];
  /** Notification mails and webhook posts of those submissions still held in the queue (pending, or kept 30 days after). */
  queued: { id: string; submissionId: string | null; kind: string; status: string; createdAt: string }[];
  consentRecords: {
    id: string;
    createdAt: string;
    functional: boolean;
    analytics: boolean;
    marketing: boolean;
    providers: string[];
    gpc: boolean;
    replaces: string | null;
  }[];
  /** Each time their data went to an outside party (mail service, webhooks): when, to whom, what kind; never the content. */
  disclosures: DisclosureView[];
  notes: string[];
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findVisitorData(db: Kysely<RegionDatabase>, siteId: string, email: string, consentId?: string | null): Promise<VisitorData> {
  const address = normaliseEmail(email);
  const submissions = await db
    .selectFrom('form_submissions')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('submitter_email', '=', address)
    .orderBy('created_at', 'asc')
    .execute();
  const ids = submissions.map((s) => s.id);
  const deliveries = ids.length
    ? await db.selectFrom('webhook_deliveries').selectAll().where('site_id', '=', siteId).where('submission_id', 'in', ids).orderBy('created_at').execute()
    : [];
  const queued = ids.length
    ? await db
        .selectFrom('jobs')
        .select(['id', 'submission_id', 'kind', 'status', 'created_at'])
        .where('site_id', '=', siteId)
        .where('submission_id', 'in', ids)
        .execute()
    : [];
  const consentRecords = consentId ? await consentChain(db, siteId, consentId) : [];
  const requests = await db.selectFrom('privacy_requests').select('id').where('site_id', '=', siteId).where('email', '=', address).execute();
  const disclosures = await visitorDisclosures(db, siteId, [...ids, ...requests.map((r) => r.id)]);
  return {
    email: address,
    submissions: submissions.map((s) => ({
      id: s.id,
      formId: s.form_id,
      page: s.page_path,
      createdAt: s.created_at,
      status: s.status,
      readAt: s.read_at,
      data: JSON.parse(s.data) as Record<string, unknown>,
      consentText: s.consent_text,
    })),
    deliveries: deliveries.map((d) => ({
      submissionId: d.submission_id,
      webhookId: d.webhook_id,
      attempt: d.attempt,
      statusCode: d.status_code,
      at: d.created_at,
    })),
    queued: queued.map((j) => ({ id: j.id, submissionId: j.submission_id, kind: j.kind, status: j.status, createdAt: j.created_at })),
    consentRecords,
    disclosures,
    notes: [
      'Visitor analytics are not included: they are counted without cookies under a daily code whose secret is deleted after 48 hours, so no statistic can be linked to you.',
      ...(consentId
        ? []
        : ['Cookie choices are stored under a random id, not your email; give the id shown on the site’s cookie settings page to include them.']),
    ],
  };
}

/** A consent record and the earlier records of the same visitor it replaced. */
async function consentChain(db: Kysely<RegionDatabase>, siteId: string, id: string): Promise<VisitorData['consentRecords']> {
  const out: VisitorData['consentRecords'] = [];
  const seen = new Set<string>();
  for (let next: string | null = id; next && !seen.has(next) && out.length < 1000;) {
    seen.add(next);
    const r = await db.selectFrom('consent_records').selectAll().where('site_id', '=', siteId).where('id', '=', next).executeTakeFirst();
    if (!r) break;
    out.push({
      id: r.id,
      createdAt: r.created_at,
      functional: r.functional === 1,
      analytics: r.analytics === 1,
      marketing: r.marketing === 1,
      providers: JSON.parse(r.providers) as string[],
      gpc: r.gpc === 1,
      replaces: r.replaces,
    });
    next = r.replaces;
  }
  return out;
}
