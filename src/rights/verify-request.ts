// The requester opened the confirmation link: the request counts as received
// now, its deadlines start, receipt is acknowledged by mail at once (which
// also meets California's 10-business-day rule), and whoever answers requests
// of this store is told through a domain event.
import type { Context } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { deadlinesFor } from './deadlines.js';
import { pendingRequest } from './pending-request.js';
import type { Regime } from './regimes.js';
import { acknowledgementMail } from './request-mails.js';
import { logStep, mailAndLog } from './request-log.js';
import { mailRequest, type RequestRow } from './request-row.js';
import type { Controller, RequestStore } from './store.js';

export async function verifyRequest(ctx: Context, store: RequestStore, controller: Controller, token: string, region?: string): Promise<RequestRow> {
  const now = ctx.clock.now();
  const pending = await pendingRequest(ctx, store, token);
  if (!pending)
    throw new DomainError('invalid_input', 'this confirmation link is invalid, already used or expired; file the request again', {
      issues: [{ path: 'token', message: 'invalid, used or expired' }],
    });
  const { dueAt, acknowledgeBy } = deadlinesFor(pending.regime as Regime, now);
  const verified = await store.db
    .updateTable('privacy_requests')
    .set({
      status: 'open',
      verify_token: null,
      verified_at: now.toISOString(),
      due_at: dueAt.toISOString(),
      acknowledge_by: acknowledgeBy?.toISOString() ?? null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', pending.id)
    .where('status', '=', 'unverified')
    .returningAll()
    .executeTakeFirst();
  if (!verified) throw new DomainError('conflict', 'this request was confirmed already');
  await logStep(store, { requestId: verified.id, at: now, actor: { kind: 'requester' }, action: 'verified' });
  await mailAndLog(ctx, store, {
    requestId: verified.id,
    at: now,
    actor: { kind: 'system' },
    action: 'acknowledged',
    mail: acknowledgementMail(controller, mailRequest(verified), dueAt),
  });
  const acknowledged = await store.db
    .updateTable('privacy_requests')
    .set({ acknowledged_at: now.toISOString() })
    .where('id', '=', verified.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.bus.emit({ type: 'privacy_request.verified', siteId: store.siteId, region, requestId: verified.id });
  return acknowledged;
}
