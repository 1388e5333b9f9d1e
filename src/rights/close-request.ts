// Closing a request: completed (what was done) or refused (the reasons and
// where to complain). Either way the requester is told in writing and the
// mail is kept with the request.
import type { Context } from '../context.js';
import { DomainError, invalid } from '../lib/errors.js';
import { completionMail, refusalMail } from './request-mails.js';
import { mailAndLog } from './request-log.js';
import { isActive, mailRequest, requestById, type RequestRow } from './request-row.js';
import type { Actor, Controller, RequestStore } from './store.js';

export type Outcome = { status: 'completed'; summary: string } | { status: 'refused'; reasons: string };

export async function closeRequest(ctx: Context, store: RequestStore, controller: Controller, id: string, actor: Actor, outcome: Outcome): Promise<RequestRow> {
  const now = ctx.clock.now();
  const row = await requestById(store, id);
  if (!isActive(row)) throw new DomainError('conflict', `this request is ${row.status}; it cannot be closed again`);
  const text = outcome.status === 'completed' ? outcome.summary : outcome.reasons;
  const field = outcome.status === 'completed' ? 'summary' : 'reasons';
  if (text.trim().length < 10) throw invalid(field, `write at least 10 characters; the requester receives this text`);
  const request = mailRequest(row);
  await mailAndLog(ctx, store, {
    requestId: id,
    at: now,
    actor,
    action: outcome.status,
    note: text.trim(),
    mail: outcome.status === 'completed' ? completionMail(controller, request, text) : refusalMail(controller, request, text),
  });
  return store.db
    .updateTable('privacy_requests')
    .set({ status: outcome.status, closed_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
