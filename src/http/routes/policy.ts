// The platform's privacy policy at /privacy, generated from the running system
// (src/policy), with every earlier version at /privacy/versions/<n>.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { platformPolicy } from '../../policy/platform-policy.js';
import { policyVersion, policyVersions, recordVersion, type StoredPolicy } from '../../policy/versions.js';
import { renderPolicyPage } from '../../policy/policy-page.js';
import { doc } from '../openapi/route-doc.js';

const HTML = { content: { 'text/html': z.string() } };
const DOCS = {
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
  const page = async (reply: FastifyReply, shown: StoredPolicy, latest: number) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        renderPolicyPage({
          document: shown.document,
          version: shown.version,
          createdAt: shown.createdAt,
          latest,
          versions: await policyVersions(ctx, 'platform'),
        }),
      );

  app.get('/privacy', { config: DOCS.current }, async (_req, reply) => {
    const current = await recordVersion(ctx, 'platform', platformPolicy(ctx.config));
    return page(reply, current, current.version);
  });

  app.get<{ Params: { version: string } }>('/privacy/versions/:version', { config: DOCS.version }, async (req, reply) => {
    const current = await recordVersion(ctx, 'platform', platformPolicy(ctx.config));
    const shown = /^\d{1,6}$/.test(req.params.version) ? await policyVersion(ctx, 'platform', Number(req.params.version)) : undefined;
    if (!shown) throw notFound('policy version');
    return page(reply, shown, current.version);
  });
}
