// A person files a request: stored as unverified, and a confirmation link is
// mailed to the address given. Nothing else happens until it is opened, so no
// one can act on another person's data by typing their address.
import type { Context } from '../context.js';
import { newId, newSecret, sha256 } from '../lib/ids.js';
import { regimeFor } from './regimes.js';
import { verificationMail } from './request-mails.js';
import { mailRequest } from './request-row.js';
import type { RequestType } from './request-types.js';
import { mailAndLog } from './request-log.js';
import type { Controller, RequestStore } from './store.js';

/** How long a confirmation link works. */
export const VERIFY_WITHIN_MS = 7 * 86_400_000;

export interface NewRequest {
  type: RequestType;
  email: string;
  name?: string;
  country: string;
  subdivision?: string;
  details: string;
}

export async function fileRequest(
  ctx: Context,
  store: RequestStore,
  controller: Controller,
  input: NewRequest,
  confirmLink: (token: string) => string,
): Promise<{ id: string }> {
  const now = ctx.clock.now();
  const token = newSecret();
  const expires = new Date(now.getTime() + VERIFY_WITHIN_MS);
  const row = {
    id: newId('rq'),
    site_id: store.siteId,
    type: input.type,
    email: input.email.trim().toLowerCase(),
    name: input.name?.trim() || null,
    country: input.country.toUpperCase(),
    subdivision: input.subdivision?.toUpperCase() || null,
    regime: regimeFor(input.country, input.subdivision),
    details: input.details.trim(),
    status: 'unverified',
    verify_token: sha256(token),
    verify_expires_at: expires.toISOString(),
    subscriber_id: null,
    created_at: now.toISOString(),
    verified_at: null,
    due_at: null,
    acknowledge_by: null,
    acknowledged_at: null,
    extended_at: null,
    closed_at: null,
    reminded_at: null,
    updated_at: now.toISOString(),
  };
  await store.db.insertInto('privacy_requests').values(row).execute();
  await mailAndLog(ctx, store, {
    requestId: row.id,
    at: now,
    actor: { kind: 'requester' },
    action: 'filed',
    mail: verificationMail(controller, mailRequest(row), confirmLink(token), expires),
  });
  return { id: row.id };
}
