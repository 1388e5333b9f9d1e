// Consents a subscriber gives Atrium beyond what the service needs (today:
// product news by mail). Each is stored with the exact wording shown and its
// time; withdrawing keeps the row as history (when, and how: the settings, or
// the one-click unsubscribe link of a mail) and stops the processing at once.
import type { Context } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { CONSENT_PURPOSES, type ConsentPurpose } from './consent-purposes.js';

export { CONSENT_PURPOSES, PURPOSE_IDS, type ConsentPurpose } from './consent-purposes.js';

export type WithdrawnVia = 'settings' | 'one-click';

export async function grantConsent(ctx: Context, subscriberId: string, purpose: ConsentPurpose): Promise<void> {
  if (await activeConsent(ctx, subscriberId, purpose)) return;
  await ctx.dbs.control
    .insertInto('subscriber_consents')
    .values({
      id: newId('cons'),
      subscriber_id: subscriberId,
      purpose,
      wording: CONSENT_PURPOSES[purpose].wording,
      granted_at: ctx.clock.now().toISOString(),
      withdrawn_at: null,
      withdrawn_via: null,
    })
    .execute();
}

/** Returns whether a consent was active (and is now withdrawn). */
export async function withdrawConsent(ctx: Context, subscriberId: string, purpose: ConsentPurpose, via: WithdrawnVia): Promise<boolean> {
  const r = await ctx.dbs.control
    .updateTable('subscriber_consents')
    .set({ withdrawn_at: ctx.clock.now().toISOString(), withdrawn_via: via })
    .where('subscriber_id', '=', subscriberId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function activeConsent(ctx: Context, subscriberId: string, purpose: ConsentPurpose): Promise<boolean> {
  const row = await ctx.dbs.control
    .selectFrom('subscriber_consents')
    .select('id')
    .where('subscriber_id', '=', subscriberId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every consent the subscriber gave, current and withdrawn, newest first. */
export async function listConsents(ctx: Context, subscriberId: string) {
  const rows = await ctx.dbs.control
    .selectFrom('subscriber_consents')
    .selectAll()
    .where('subscriber_id', '=', subscriberId)
    .orderBy('granted_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose as ConsentPurpose,
    name: CONSENT_PURPOSES[r.purpose as ConsentPurpose]?.name ?? r.purpose,
    wording: r.wording,
    grantedAt: r.granted_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnVia: r.withdrawn_via as WithdrawnVia | null,
  }));
}

export function assertPurpose(purpose: string): asserts purpose is ConsentPurpose {
  if (!(purpose in CONSENT_PURPOSES))
    throw new DomainError('invalid_input', `unknown purpose ${purpose}`, { issues: [{ path: 'purpose', message: 'unknown' }] });
}
