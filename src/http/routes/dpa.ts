// The data processing agreement at /dpa (every version at /dpa/versions/<n>),
// and a workspace's acceptance of it: GET and POST /api/account/dpa.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { parseInput } from '../../lib/validate.js';
import { acceptDpa, dpaStatus } from '../../agreements/dpa-acceptance.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import { policyPages } from './policy-pages.js';

const HTML = { content: { 'text/html': z.string() } };
const Version = z.object({ version: z.number().int(), effectiveAt: z.string(), url: z.string() });
const DpaStatus = z.object({
  workspaceId: z.string(),
  current: Version.extend({ title: z.string() }),
  upcoming: Version.nullable(),
  accepted: z.object({ version: z.number().int(), acceptedAt: z.string(), acceptedBy: z.string().nullable() }).nullable(),
  upToDate: z.boolean(),
});
const StatusQuery = z.object({ workspaceId: z.string().min(1).max(100).optional() });
const AcceptInput = z.object({ version: z.number().int().positive(), workspaceId: z.string().min(1).max(100).optional() });

const DOCS = {
  status: doc({
    summary: 'The data processing agreement in effect, and the version your workspace accepted (when, and by whom)',
    tag: 'policies',
    query: StatusQuery,
    responses: { 200: DpaStatus },
    errors: { 404: 'No such workspace of yours' },
  }),
  accept: doc({
    summary: 'Accept the data processing agreement in effect for your workspace (400 when the version is not the one in effect)',
    tag: 'policies',
    body: AcceptInput,
    responses: { 200: DpaStatus },
    errors: { 404: 'No such workspace of yours' },
  }),
  current: doc({
    summary: 'The data processing agreement for subscribers, generated from the running system (HTML)',
    tag: 'policies',
    public: true,
    responses: { 200: HTML },
  }),
  version: doc({
    summary: 'A version of the data processing agreement (HTML)',
    tag: 'policies',
    public: true,
    params: z.object({ version: z.string().regex(/^\d{1,6}$/) }),
    responses: { 200: HTML },
  }),
};

export async function dpaRoutes(app: FastifyInstance, ctx: Context) {
  policyPages(app, ctx, { kind: 'dpa', base: '/dpa', noun: 'agreement', missing: 'data processing agreement', docs: DOCS });

  app.get('/api/account/dpa', { config: DOCS.status }, async (req) => {
    const { workspaceId } = parseInput(StatusQuery, req.query);
    return dpaStatus(ctx, requireAuth(req).subscriber.id, workspaceId);
  });

  app.post('/api/account/dpa', { config: DOCS.accept }, async (req) => {
    const id = requireAuth(req).subscriber.id;
    const { version, workspaceId } = parseInput(AcceptInput, req.body);
    return acceptDpa(ctx, id, version, workspaceId);
  });
}
