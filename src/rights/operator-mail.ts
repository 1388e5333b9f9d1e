// Telling platform staff about privacy requests to the platform: a mail when a
// new one is confirmed, and the scheduler's reminders for requests due soon or
// overdue. Site requests go to the site's subscribers instead, never to staff.
import type { Context } from '../context.js';
import { platformRequests } from './platform.js';
import { requestById, type RequestRow } from './request-row.js';
import { REQUEST_TYPE_SHORT, type RequestType } from './request-types.js';
import { takeReminders } from './reminders.js';

const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '?';
const consoleLink = (ctx: Context, id: string) => new URL(`/app/operator/requests/${id}`, ctx.config.publicUrl).href;

async function mailOperators(ctx: Context, subject: string, text: string, requestId: string | null = null): Promise<void> {
  for (const to of ctx.config.operatorEmails)
    await ctx.mailer.send({ to, subject, text }, { category: 'privacy-request', subject: { type: 'operator', ref: requestId } });
}

export async function notifyOperatorsOfNew(ctx: Context, requestId: string): Promise<void> {
  const row = await requestById(platformRequests(ctx), requestId);
  const what = REQUEST_TYPE_SHORT[row.type as RequestType];
  await mailOperators(
    ctx,
    `New privacy request: ${what}, due ${day(row.due_at)}`,
    `A ${what} request to the platform was confirmed by its requester and must be answered by ${day(row.due_at)}.\n\n${consoleLink(ctx, row.id)}\n`,
    row.id,
  );
}

const line = (ctx: Context, now: Date, r: RequestRow) =>
  `- ${REQUEST_TYPE_SHORT[r.type as RequestType]} request, ${r.due_at && r.due_at < now.toISOString() ? `OVERDUE since ${day(r.due_at)}` : `due ${day(r.due_at)}`}: ${consoleLink(ctx, r.id)}`;

/** The scheduler's reminder run for platform requests; returns how many requests it reminded about. */
export async function remindOperators(ctx: Context): Promise<number> {
  if (ctx.config.operatorEmails.length === 0) return 0;
  const due = await takeReminders(ctx, platformRequests(ctx));
  if (due.length === 0) return 0;
  const now = ctx.clock.now();
  const overdue = due.filter((r) => r.due_at && r.due_at < now.toISOString()).length;
  await mailOperators(
    ctx,
    overdue
      ? `${overdue} privacy request${overdue > 1 ? 's are' : ' is'} overdue`
      : `${due.length} privacy request${due.length > 1 ? 's' : ''} due within a week`,
    `These privacy requests need an answer:\n\n${due.map((r) => line(ctx, now, r)).join('\n')}\n`,
  );
  return due.length;
}
