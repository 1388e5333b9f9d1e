// The request's own record: every step (who, when, what) and every mail sent
// to the requester, stored with the request so it can be shown as proof.
import type { Context } from '../context.js';
import { newId } from '../lib/ids.js';
import type { Message } from '../mail/mailer.js';
import type { DisclosureSubject } from '../privacy/disclose.js';
import type { Actor, RequestStore } from './store.js';

export interface Step {
  requestId: string;
  at: Date;
  actor: Actor;
  action: string;
  note?: string;
  mail?: Message;
}

export async function logStep(store: RequestStore, step: Step): Promise<void> {
  const last = await store.db
    .selectFrom('privacy_request_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', step.requestId)
    .executeTakeFirst();
  await store.db
    .insertInto('privacy_request_log')
    .values({
      id: newId('rqlog'),
      request_id: step.requestId,
      seq: Number(last?.seq ?? 0) + 1,
      at: step.at.toISOString(),
      actor: step.actor.kind,
      actor_id: step.actor.id ?? null,
      action: step.action,
      note: step.note ?? null,
      mail_to: step.mail?.to ?? null,
      mail_subject: step.mail?.subject ?? null,
      mail_text: step.mail?.text ?? null,
    })
    .execute();
}

/** Whose data a mail to the requester carries: a site's visitor (recorded in the site's region), or someone who asked the platform. */
function requester(store: RequestStore, requestId: string): DisclosureSubject {
  if (store.siteId === null) return { type: 'requester', ref: requestId };
  if (!store.region) throw new Error('a site’s request store names its region');
  return { type: 'visitor', site: { id: store.siteId, region: store.region }, ref: requestId };
}

/** Sends a mail to the requester and records it as a step. The mail goes first: a step is logged only once it was sent. */
export async function mailAndLog(ctx: Context, store: RequestStore, step: Step & { mail: Message }): Promise<void> {
  await ctx.mailer.send(step.mail, { category: 'privacy-request', subject: requester(store, step.requestId) });
  await logStep(store, step);
}
