// The platform's privacy policy at /privacy, generated from the running system
// (src/policy), with every earlier version at /privacy/versions/<n>.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { markPolicySeen, policyNotice } from '../../policy/notice.js';
import { parseInput } from '../../lib/validate.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import { policyPages } from './policy-pages.js';

const HTML = { content: { 'text/html': z.string() } };
const Notice = z.object({
  notice: z.object({ version: z.number().int(), effectiveAt: z.string(), changes: z.array(z.string()), url: z.string() }).nullable(),
});
const SeenInput = z.object({ version: z.number().int().positive() });

const DOCS = {
  notice: doc({
    summary: 'A material change to the privacy policy you have not read yet, if any (for the dashboard’s notice)',
    tag: 'policies',
    responses: { 200: Notice },
  }),
  seen: doc({ summary: 'Mark a policy change as read: its notice goes away', tag: 'policies', body: SeenInput, responses: { 200: Notice } }),
  current: doc({ summary: 'The platform’s privacy policy, generated from the running system (HTML)', tag: 'policies', public: true, responses: { 200: HTML } }),
  version: doc({
    summary: 'An earlier version of the privacy policy (HTML)',
    tag: 'policies',
    public: true,
    params: z.object({ version: z.string().regex(/^\d{1,6}$/) }),
    responses: { 200: HTML },
  }),
};

export async function policyRoutes(app: FastifyInstance, ctx: Context) {
  policyPages(app, ctx, { kind: 'platform', base: '/privacy', noun: 'policy', missing: 'privacy policy', docs: DOCS });

  app.get('/api/account/policy-notice', { config: DOCS.notice }, async (req) => ({ notice: await policyNotice(ctx, requireAuth(req).subscriber.id) }));

  app.post('/api/account/policy-notice', { config: DOCS.seen }, async (req) => {
    const id = requireAuth(req).subscriber.id;
    const { version } = parseInput(SeenInput, req.body);
    await markPolicySeen(ctx, id, version);
    return { notice: await policyNotice(ctx, id) };
  });
}
