// Receiving a form submission: validate against the published definition,
// judge spam, then store it and its deliveries in one transaction in the
// site's region database (and nowhere else).
import type { Context } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { regionDbForSite } from '../db/region-db.js';
import { formIn, type PublishedForm } from './definitions.js';
import { deliveryJob, type EmailPayload, type WebhookPayload } from './deliveries.js';
import { spamReasons } from './spam.js';
import { validateSubmission } from './validate.js';

export interface SubmissionTarget {
  siteId: string;
  siteName: string;
  region: string;
  form: PublishedForm;
  /** The language of the page the form was sent from (a further language of the site), for its messages and consent wording. */
  lang?: string;
}

/** The verified-request token a submission came with: it may carry one stored submission only. */
export interface TokenUse {
  nonce: string;
  expiresAt: Date;
}

export async function receiveSubmission(ctx: Context, target: SubmissionTarget, raw: Record<string, unknown>, token: TokenUse) {
  const { form } = target;
  // What the visitor saw: labels and consent wording in the page's language.
  const seen = formIn(form, target.lang);
  const { values, issues } = validateSubmission(seen, raw, target.lang);
  if (issues.length) throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  const reasons = spamReasons(raw, values);
  const status = reasons.length ? 'spam' : 'inbox';
  const emailField = form.props.fields.find((f) => f.type === 'email' && typeof values[f.name] === 'string');
  const submitterEmail = emailField ? String(values[emailField.name]).toLowerCase() : null;
  const consent = seen.fields.find((f) => f.type === 'consent' && values[f.name] === true);
  const id = newId('sub');
  const createdAt = nowIso();
  const submission = {
    id,
    site_id: target.siteId,
    form_id: form.id,
    form_version: form.version,
    page_path: form.pagePath,
    data: JSON.stringify(values),
    submitter_email: submitterEmail,
    consent_text: consent ? consent.label : null,
    status,
    spam_reasons: reasons.length ? JSON.stringify(reasons) : null,
    read_at: null,
    created_at: createdAt,
  };

  // Spam is kept but not announced.
  const jobs = status === 'inbox' ? await deliveryJobs(ctx, target, submission) : [];
  const db = regionDbForSite(ctx.dbs, { id: target.siteId, region: target.region });
  await db.transaction().execute(async (trx) => {
    const used = await trx
      .insertInto('form_token_uses')
      .values({ nonce: token.nonce, site_id: target.siteId, expires_at: token.expiresAt.toISOString() })
      .onConflict((oc) => oc.column('nonce').doNothing())
      .executeTakeFirst();
    if (Number(used.numInsertedOrUpdatedRows ?? 0) === 0)
      throw new DomainError('conflict', 'this form was already sent from this page; reload the page to send another message');
    await trx.insertInto('form_submissions').values(submission).execute();
    if (jobs.length) await trx.insertInto('jobs').values(jobs).execute();
  });
  await ctx.bus.emit({ type: 'submission.stored', siteId: target.siteId, region: target.region, submissionId: id, status });
  if (jobs.length) await ctx.bus.emit({ type: 'jobs.queued', database: target.region });
  return { id, status, createdAt };
}

/** The notification email and webhook deliveries of one submission. */
export async function deliveryJobs(
  ctx: Context,
  target: SubmissionTarget,
  row: { id: string; data: string; submitter_email: string | null; consent_text: string | null; created_at: string },
) {
  const values = JSON.parse(row.data) as Record<string, string | boolean>;
  const jobs: ReturnType<typeof deliveryJob>[] = [];
  const now = ctx.clock.now();
  const notify = target.form.props.notifyEmail ?? (await ownerEmail(ctx, target.siteId));
  if (notify) jobs.push(deliveryJob(now, target.siteId, row.id, 'email', notify, notificationEmail(target, values, row.submitter_email, row.created_at)));
  const hooks = await ctx.dbs.control.selectFrom('webhooks').select(['id']).where('site_id', '=', target.siteId).execute();
  for (const h of hooks)
    jobs.push(deliveryJob(now, target.siteId, row.id, 'webhook', h.id, webhookPayload(target, row.id, values, row.created_at, row.consent_text)));
  return jobs;
}

/** Without an address on the form, the site's owner hears about new messages (if their email is confirmed). */
async function ownerEmail(ctx: Context, siteId: string): Promise<string | undefined> {
  const row = await ctx.dbs.control
    .selectFrom('sites')
    .innerJoin('workspace_members', 'workspace_members.workspace_id', 'sites.workspace_id')
    .innerJoin('subscribers', 'subscribers.id', 'workspace_members.subscriber_id')
    .select('subscribers.email')
    .where('sites.id', '=', siteId)
    .where('workspace_members.role', '=', 'owner')
    .where('subscribers.email_verified_at', 'is not', null)
    .executeTakeFirst();
  return row?.email;
}

function notificationEmail(target: SubmissionTarget, values: Record<string, string | boolean>, replyTo: string | null, at: string): EmailPayload {
  const { form } = target;
  const lines = form.props.fields.map((f) => {
    const v = values[f.name];
    const shown = typeof v === 'boolean' ? (v ? 'yes' : 'no') : (v ?? '—');
    return `${f.type === 'consent' ? 'Consent' : f.label}:\n${String(shown)}\n`;
  });
  return {
    subject: `New message from ${target.siteName}${form.props.heading ? ` · ${form.props.heading}` : ''}`,
    // Plain text only: nothing a visitor typed can become markup or a header.
    text: `A visitor sent the form on ${form.pagePath} at ${at}:\n\n${lines.join('\n')}\n${replyTo ? `Reply to this email to answer ${replyTo}.\n` : ''}`,
    replyTo: replyTo ?? undefined,
  };
}

function webhookPayload(
  target: SubmissionTarget,
  id: string,
  values: Record<string, string | boolean>,
  at: string,
  consentText: string | null,
): WebhookPayload {
  return {
    event: 'form.submission',
    site: { id: target.siteId, name: target.siteName },
    form: { id: target.form.id, version: target.form.version, page: target.form.pagePath },
    submission: { id, createdAt: at, data: values, consentText },
  };
}

/** Forgets used token nonces once the tokens have expired anyway (run by the scheduler). */
export async function expireTokenUses(ctx: Context, now: Date): Promise<number> {
  let n = 0;
  for (const db of Object.values(ctx.dbs.regions)) {
    const r = await db.deleteFrom('form_token_uses').where('expires_at', '<', now.toISOString()).executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}
