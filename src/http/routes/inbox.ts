import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import { submissionsCsv, submissionsJson } from '../../forms/export.js';
import * as inbox from '../../forms/inbox.js';
import * as webhooks from '../../forms/webhooks.js';
import { requireSite } from '../../tenancy/tenancy.js';
import { requireAuth } from '../auth.js';

type SiteParams = { Params: { siteId: string } };
type SubParams = { Params: { siteId: string; submissionId: string } };
type HookParams = { Params: { siteId: string; webhookId: string } };

export async function inboxRoutes(app: FastifyInstance, ctx: Context) {
  app.get<SiteParams>('/api/sites/:siteId/submissions', async (req) =>
    inbox.listSubmissions(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.query),
  );
  app.get<SiteParams & { Querystring: { format?: string; status?: string } }>('/api/sites/:siteId/submissions/export', async (req, reply) => {
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
  });
  app.get<SubParams>('/api/sites/:siteId/submissions/:submissionId', async (req) =>
    inbox.getSubmission(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.submissionId),
  );
  app.patch<SubParams>('/api/sites/:siteId/submissions/:submissionId', async (req) =>
    inbox.updateSubmission(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.submissionId, req.body),
  );
  app.delete<SubParams>('/api/sites/:siteId/submissions/:submissionId', async (req, reply) => {
    await inbox.deleteSubmission(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.submissionId);
    return reply.code(204).send();
  });

  app.get<SiteParams>('/api/sites/:siteId/webhooks', async (req) => ({
    webhooks: await webhooks.listWebhooks(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  app.post<SiteParams>('/api/sites/:siteId/webhooks', async (req, reply) =>
    reply.code(201).send(await webhooks.addWebhook(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body)),
  );
  app.delete<HookParams>('/api/sites/:siteId/webhooks/:webhookId', async (req, reply) => {
    await webhooks.removeWebhook(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.webhookId);
    return reply.code(204).send();
  });
  app.get<HookParams>('/api/sites/:siteId/webhooks/:webhookId/deliveries', async (req) =>
    webhooks.listDeliveries(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.webhookId),
  );
}
