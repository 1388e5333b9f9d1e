import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import { submissionsCsv, submissionsJson } from '../../forms/export.js';
import * as inbox from '../../forms/inbox.js';
import * as webhooks from '../../forms/webhooks.js';
import { requireSite } from '../../tenancy/tenancy.js';
import { requireAuth } from '../auth.js';
import { z } from 'zod';
import { doc } from '../openapi/route-doc.js';
import { ListQuery, UpdateSubmission } from '../../forms/inbox.js';
import { AddWebhookInput } from '../../forms/webhooks.js';
import * as F from '../schemas/inbox.js';

type SiteParams = { Params: { siteId: string } };
type SubParams = { Params: { siteId: string; submissionId: string } };
type HookParams = { Params: { siteId: string; webhookId: string } };

/** Each route's OpenAPI description (src/http/openapi), passed as its config when it registers. */
const DOCS = {
  list: doc({
    summary: 'Messages from the site’s forms, newest first, a page at a time',
    tag: 'inbox',
    query: ListQuery,
    responses: { 200: F.SubmissionList },
  }),
  export: doc({
    summary: 'Download every message of a folder as CSV (default) or JSON',
    tag: 'inbox',
    query: F.ExportQuery,
    responses: { 200: { content: { 'text/csv': z.string(), 'application/json': F.SubmissionExport } } },
  }),
  get: doc({ summary: 'One message', tag: 'inbox', responses: { 200: F.Submission } }),
  update: doc({
    summary: 'Mark a message read or unread, or move it between inbox and spam',
    tag: 'inbox',
    body: UpdateSubmission,
    responses: { 200: F.Submission },
  }),
  delete: doc({ summary: 'Delete a message', tag: 'inbox', responses: { 204: null } }),
  webhooks: doc({ summary: 'The site’s webhooks', tag: 'webhooks', responses: { 200: F.WebhookList } }),
  addWebhook: doc({
    summary: 'Add a webhook that receives every new message',
    tag: 'webhooks',
    body: AddWebhookInput,
    responses: { 201: F.Webhook },
    errors: { 409: 'The site has the most webhooks it can have' },
  }),
  removeWebhook: doc({ summary: 'Remove a webhook', tag: 'webhooks', responses: { 204: null } }),
  deliveries: doc({ summary: 'Recent deliveries of a webhook and the retries still pending', tag: 'webhooks', responses: { 200: F.WebhookDeliveries } }),
};

export async function inboxRoutes(app: FastifyInstance, ctx: Context) {
  app.get<SiteParams>('/api/sites/:siteId/submissions', { config: DOCS.list }, async (req) =>
    inbox.listSubmissions(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.query),
  );
  app.get<SiteParams & { Querystring: { format?: string; status?: string } }>(
    '/api/sites/:siteId/submissions/export',
    { config: DOCS.export },
    async (req, reply) => {
      const subscriberId = requireAuth(req).subscriber.id;
      const site = await requireSite(ctx.dbs.control, subscriberId, req.params.siteId);
      const status = req.query.status === 'spam' ? 'spam' : 'inbox';
      const subs = await inbox.allSubmissions(ctx, subscriberId, site.id, status);
      const csv = req.query.format !== 'json';
      const name = `${site.slug}-${status}-${new Date().toISOString().slice(0, 10)}.${csv ? 'csv' : 'json'}`;
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .send(csv ? submissionsCsv(subs) : submissionsJson(subs));
    },
  );
  app.get<SubParams>('/api/sites/:siteId/submissions/:submissionId', { config: DOCS.get }, async (req) =>
    inbox.getSubmission(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.submissionId),
  );
  app.patch<SubParams>('/api/sites/:siteId/submissions/:submissionId', { config: DOCS.update }, async (req) =>
    inbox.updateSubmission(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.submissionId, req.body),
  );
  app.delete<SubParams>('/api/sites/:siteId/submissions/:submissionId', { config: DOCS.delete }, async (req, reply) => {
    await inbox.deleteSubmission(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.submissionId);
    return reply.code(204).send();
  });

  app.get<SiteParams>('/api/sites/:siteId/webhooks', { config: DOCS.webhooks }, async (req) => ({
    webhooks: await webhooks.listWebhooks(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  app.post<SiteParams>('/api/sites/:siteId/webhooks', { config: DOCS.addWebhook }, async (req, reply) =>
    reply.code(201).send(await webhooks.addWebhook(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body)),
  );
  app.delete<HookParams>('/api/sites/:siteId/webhooks/:webhookId', { config: DOCS.removeWebhook }, async (req, reply) => {
    await webhooks.removeWebhook(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.webhookId);
    return reply.code(204).send();
  });
  app.get<HookParams>('/api/sites/:siteId/webhooks/:webhookId/deliveries', { config: DOCS.deliveries }, async (req) =>
    webhooks.listDeliveries(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.webhookId),
  );
}
