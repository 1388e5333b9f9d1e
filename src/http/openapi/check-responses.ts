// Keeps the document honest: with ATRIUM_CHECK_RESPONSES=1 (set for the test
// suites in vitest.config.ts), every JSON answer of a documented route is
// checked against the schema its doc gives for that status. An answer that
// does not match becomes a 500 naming the route and the mismatch, so a test
// that exercises the route fails.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorBody } from '../schemas/common.js';
import type { ResponseDoc, RouteDoc } from './route-doc.js';

function schemaFor(d: RouteDoc, status: number): z.ZodType | null | undefined {
  const r: ResponseDoc | string | undefined = d.responses[status] ?? d.errors?.[status];
  if (r === undefined) return status >= 400 ? ErrorBody : undefined; // errors fall under `default`
  if (typeof r === 'string') return ErrorBody;
  if (r === null) return null;
  if (r instanceof z.ZodType) return r;
  return r.content['application/json'] ?? null;
}

export function checkResponses(app: FastifyInstance) {
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const d = req.routeOptions.config?.doc;
    if (!d) return payload;
    const where = `${req.method} ${req.routeOptions.url} ${reply.statusCode}`;
    const fail = (message: string) => {
      req.log.error({ route: where }, message);
      reply.code(500).type('application/json; charset=utf-8');
      return JSON.stringify({ error: 'undocumented_response', message: `${where}: ${message}` });
    };
    if (!(reply.statusCode in d.responses) && reply.statusCode < 300) return fail('status not documented');
    const schema = schemaFor(d, reply.statusCode);
    const isJson = /application\/json/.test(String(reply.getHeader('content-type') ?? ''));
    if (!schema || !isJson || typeof payload !== 'string') return payload;
    const result = schema.safeParse(JSON.parse(payload));
    if (result.success) return payload;
    return fail(result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
  });
}
