// Operators answer requests to the platform with the same engines the
// self-service screens use, on the account whose confirmed address filed the
// request: the data export (sent as a download link that works for 7 days and
// is generated when opened, so no copy is stored), account erasure,
// restriction, withdrawal of every consent, and correction of the name.
// Each action is a step of the request's log (who, when, what).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { withdrawConsent, PURPOSE_IDS } from '../accounts/consents.js';
import { setRestriction } from '../accounts/restriction.js';
import type { Context } from '../context.js';
import { DomainError, invalid } from '../lib/errors.js';
import { serverSecret } from '../secrets/secrets.js';
import { exportAccount } from './account-export.js';
import { eraseAccountAsOperator } from './erase-account.js';
import { platformRequests } from './platform.js';
import { logStep, mailAndLog } from './request-log.js';
import { isActive, requestById, type RequestRow } from './request-row.js';
import type { Actor } from './store.js';

export const FULFIL_ACTIONS = ['send_export', 'erase_account', 'restrict', 'withdraw_consents', 'rectify_name'] as const;
export type FulfilAction = (typeof FULFIL_ACTIONS)[number];

const DOWNLOAD_DAYS = 7;

/** The account a platform request is about: the confirmed account holding the requester's address. */
export async function linkAccount(ctx: Context, requestId: string): Promise<void> {
  const row = await requestById(platformRequests(ctx), requestId);
  const account = await ctx.dbs.control
    .selectFrom('subscribers')
    .select('id')
    .where('email', '=', row.email)
    .where('email_verified_at', 'is not', null)
    .executeTakeFirst();
  if (account) await ctx.dbs.control.updateTable('privacy_requests').set({ subscriber_id: account.id }).where('id', '=', row.id).execute();
}

async function downloadSignature(ctx: Context, requestId: string, expires: number): Promise<string> {
  return createHmac('sha256', await serverSecret(ctx, 'request-downloads'))
    .update(`${requestId}.${expires}`)
    .digest('base64url');
}

/** Checks a download link's token and returns the export it stands for, made now. */
export async function downloadExport(ctx: Context, token: string): Promise<Uint8Array> {
  const [requestId, expiresText, mac] = token.split('.');
  const expires = Number(expiresText);
  const bad = () =>
    new DomainError('invalid_input', 'this download link is not valid or has expired', { issues: [{ path: 'token', message: 'invalid or expired' }] });
  if (!requestId || !mac || !Number.isFinite(expires) || expires < ctx.clock.now().getTime()) throw bad();
  const expected = Buffer.from(await downloadSignature(ctx, requestId, expires));
  if (expected.length !== Buffer.from(mac).length || !timingSafeEqual(expected, Buffer.from(mac))) throw bad();
  const row = await requestById(platformRequests(ctx), requestId).catch(() => undefined);
  if (!row?.subscriber_id) throw bad();
  return exportAccount(ctx, row.subscriber_id);
}

export async function fulfilPlatformRequest(ctx: Context, id: string, actor: Actor, action: FulfilAction, input: { name?: string } = {}): Promise<RequestRow> {
  const store = platformRequests(ctx);
  const row = await requestById(store, id);
  if (!isActive(row)) throw new DomainError('conflict', `this request is ${row.status}`);
  const subscriberId = row.subscriber_id;
  if (!subscriberId) throw new DomainError('conflict', 'no confirmed account uses the requester’s address: answer by mail (complete or refuse)');
  const now = ctx.clock.now();
  const step = (note: string) => logStep(store, { requestId: id, at: now, actor, action, note });
  switch (action) {
    case 'send_export': {
      const expires = now.getTime() + DOWNLOAD_DAYS * 86_400_000;
      const token = `${id}.${expires}.${await downloadSignature(ctx, id, expires)}`;
      const link = new URL(`/api/privacy-requests/download?token=${token}`, ctx.config.publicUrl).href;
      await mailAndLog(ctx, store, {
        requestId: id,
        at: now,
        actor,
        action,
        note: `Download link sent, valid ${DOWNLOAD_DAYS} days.`,
        mail: {
          to: row.email,
          subject: 'Your data from Atrium is ready',
          text: `Hello,\n\nAs you asked, here is everything Atrium holds about you, as a zip of JSON and CSV files with a README:\n\n${link}\n\nThe link works for ${DOWNLOAD_DAYS} days. The file is made when you open it; we keep no copy.\n\nReference: ${id}\n`,
        },
      });
      break;
    }
    case 'erase_account': {
      const erased = await eraseAccountAsOperator(ctx, subscriberId);
      await step(`Account erased: ${erased.sites} site(s), ${erased.workspaces} workspace(s). Kept: this request's record, as proof.`);
      break;
    }
    case 'restrict':
      await setRestriction(ctx, subscriberId, true);
      await step('Processing restricted: data kept, sites running, no product news.');
      break;
    case 'withdraw_consents':
      for (const purpose of PURPOSE_IDS) await withdrawConsent(ctx, subscriberId, purpose, 'settings');
      await step('Every consent withdrawn (product news).');
      break;
    case 'rectify_name': {
      const name = input.name?.trim();
      if (!name || name.length > 100) throw invalid('name', 'give the corrected name (1-100 characters)');
      await ctx.dbs.control.updateTable('subscribers').set({ name, updated_at: now.toISOString() }).where('id', '=', subscriberId).execute();
      await step('Name corrected.');
      break;
    }
  }
  return requestById(store, id);
}
