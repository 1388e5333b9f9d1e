// One extension per request, as the law allows it: announced to the requester
// in writing, with the reasons, before the first deadline has passed.
import type { Context } from '../context.js';
import { DomainError, invalid } from '../lib/errors.js';
import { extendedDeadline } from './deadlines.js';
import type { Regime } from './regimes.js';
import { extensionMail } from './request-mails.js';
import { mailAndLog } from './request-log.js';
import { mailRequest, requestById, type RequestRow } from './request-row.js';
import type { Actor, Controller, RequestStore } from './store.js';

export async function extendRequest(ctx: Context, store: RequestStore, controller: Controller, id: string, actor: Actor, reason: string): Promise<RequestRow> {
  const now = ctx.clock.now();
  const row = await requestById(store, id);
  if (row.status === 'extended') throw new DomainError('conflict', 'this request was extended already; only one extension is allowed');
  if (row.status !== 'open') throw new DomainError('conflict', `this request is ${row.status}; only an open request can be extended`);
  if (!row.due_at || row.due_at <= now.toISOString()) throw new DomainError('conflict', 'the deadline has passed: an extension must be announced before it');
  if (reason.trim().length < 10) throw invalid('reason', 'say why more time is needed (at least 10 characters); the requester receives it');
  const newDue = extendedDeadline(row.regime as Regime, new Date(row.due_at));
  await mailAndLog(ctx, store, {
    requestId: id,
    at: now,
    actor,
    action: 'extended',
    note: reason.trim(),
    mail: extensionMail(controller, mailRequest(row), reason, newDue),
  });
  return store.db
    .updateTable('privacy_requests')
    .set({ status: 'extended', due_at: newDue.toISOString(), extended_at: now.toISOString(), reminded_at: null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
