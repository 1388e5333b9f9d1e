// A site as the controller of its visitors' privacy requests. The subscriber
// decides (Atrium is the processor): requests live in the site's region
// database, confirmation links point at the site's own host, mails are signed
// with the site's name and answer to its owner, and the owner is told of each
// confirmed request. Platform staff never see them.
import type { Context } from '../context.js';
import { regionDbForSite } from '../db/region-db.js';
import { requestById } from './request-row.js';
import { REQUEST_TYPE_SHORT, type RequestType } from './request-types.js';
import { siteStore, type Controller, type RequestStore } from './store.js';

export interface RequestSite {
  id: string;
  name: string;
  region: string;
}

export const siteRequests = (ctx: Context, site: RequestSite): RequestStore => siteStore(regionDbForSite(ctx.dbs, site), site.id, site.region);

/** The confirmed owner of a site: who answers its visitors' requests. */
export async function siteOwner(ctx: Context, siteId: string): Promise<{ id: string; email: string; name: string } | undefined> {
  return ctx.dbs.control
    .selectFrom('sites')
    .innerJoin('workspace_members', 'workspace_members.workspace_id', 'sites.workspace_id')
    .innerJoin('subscribers', 'subscribers.id', 'workspace_members.subscriber_id')
    .select(['subscribers.id', 'subscribers.email', 'subscribers.name'])
    .where('sites.id', '=', siteId)
    .where('workspace_members.role', '=', 'owner')
    .where('subscribers.email_verified_at', 'is not', null)
    .executeTakeFirst();
}

export async function siteController(ctx: Context, site: RequestSite): Promise<Controller> {
  return { name: site.name, replyTo: (await siteOwner(ctx, site.id))?.email };
}

/** The confirmation link of a site visitor's request, on the site's own address. */
export const siteConfirmLink = (siteOrigin: string) => (token: string) => `${siteOrigin}/_atrium/privacy/confirm?token=${token}`;

/** Tells the site's owner a visitor confirmed a request; the dashboard shows it under Privacy requests. */
export async function notifySiteOwner(ctx: Context, siteId: string, requestId: string): Promise<void> {
  const site = await ctx.dbs.control.selectFrom('sites').select(['id', 'name', 'region']).where('id', '=', siteId).executeTakeFirst();
  const owner = site && (await siteOwner(ctx, site.id));
  if (!site || !owner) return;
  const row = await requestById(siteRequests(ctx, site), requestId);
  const what = REQUEST_TYPE_SHORT[row.type as RequestType];
  const due = new Date(row.due_at ?? Date.now()).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const link = new URL(`/app/sites/${site.id}/privacy-requests/${row.id}`, ctx.config.publicUrl).href;
  await ctx.mailer.send(
    {
      to: owner.email,
      subject: `Privacy request from a visitor of ${site.name}: ${what}`,
      text:
        `Hello ${owner.name},\n\nA visitor of ${site.name} asked for ${what} of their personal data and confirmed their address. ` +
        `You decide how to answer; the law gives you until ${due}.\n\n${link}\n\nThe dashboard finds what the site holds about them and can export, correct or erase it for you.\n`,
    },
    { category: 'privacy-request', subject: { type: 'subscriber', subscriberId: owner.id, siteId: site.id, ref: row.id } },
  );
}
