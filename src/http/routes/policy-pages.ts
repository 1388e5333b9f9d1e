// The public pages of a generated document (the privacy policy at /privacy,
// the data processing agreement at /dpa): the version in effect (or the
// coming one before any takes effect) and every version at <base>/versions/<n>.
// The documents are generated at start-up (src/server.ts): configuration and
// registries only change with a restart, so requests only read stored versions.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Context } from '../../context.js';
import { policyInEffect, policyVersion, policyVersions, type PolicyKind, type StoredPolicy } from '../../agreements/versions.js';
import { notFound } from '../../lib/errors.js';
import { renderPolicyPage } from '../../policy/policy-page.js';
import type { RouteDoc } from '../openapi/route-doc.js';

interface Pages {
  kind: PolicyKind;
  base: string;
  /** What the page calls the document: "policy", "agreement". */
  noun: string;
  /** What a 404 names. */
  missing: string;
  docs: { current: { doc: RouteDoc }; version: { doc: RouteDoc } };
}

export function policyPages(app: FastifyInstance, ctx: Context, { kind, base, noun, missing, docs }: Pages) {
  const page = async (reply: FastifyReply, shown: StoredPolicy) => {
    const { current, upcoming } = await policyInEffect(ctx, kind);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        renderPolicyPage({
          document: shown.document,
          version: shown.version,
          createdAt: shown.createdAt,
          effectiveAt: shown.effectiveAt,
          current: current?.version ?? shown.version,
          upcoming: upcoming && { version: upcoming.version, effectiveAt: upcoming.effectiveAt },
          versions: await policyVersions(ctx, kind),
          base,
          noun,
        }),
      );
  };

  app.get(base, { config: docs.current }, async (_req, reply) => {
    const { current, upcoming } = await policyInEffect(ctx, kind);
    const shown = current ?? upcoming;
    if (!shown) throw notFound(missing);
    return page(reply, shown);
  });

  app.get<{ Params: { version: string } }>(`${base}/versions/:version`, { config: docs.version }, async (req, reply) => {
    const shown = /^\d{1,6}$/.test(req.params.version) ? await policyVersion(ctx, kind, Number(req.params.version)) : undefined;
    if (!shown) throw notFound(`${missing} version`);
    return page(reply, shown);
  });
}
