// Builds the OpenAPI 3.1 document from the route table: every route registered
// with `config.doc` (route-doc.ts) becomes an operation; zod-openapi turns the
// zod schemas into JSON Schema components.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { ErrorBody } from '../schemas/common.js';
import type { ResponseDoc, RouteDoc } from './route-doc.js';

export interface DocumentedRoute {
  method: string;
  url: string;
  doc: RouteDoc | false | undefined;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  302: 'Redirect',
  303: 'See other',
  400: 'Invalid input: `issues` names each bad field',
  401: 'Not logged in',
  403: 'Forbidden: missing or wrong X-CSRF-Token, a cross-site request, or not allowed',
  404: 'Not found (also for another subscriber’s ids)',
  409: 'Conflict',
  413: 'The request body is too large',
  415: 'Unsupported media type',
  429: 'Too many requests: wait retryAfterSeconds (also the Retry-After header)',
};

/** Records every route with its doc as it is registered; call before registering routes. */
export function collectRoutes(app: FastifyInstance): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, doc: r.config?.doc });
  });
  return routes;
}

/** Fastify's /sites/:siteId is OpenAPI's /sites/{siteId}. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

function response(status: number, r: ResponseDoc) {
  const description = (r && 'content' in r && r.description) || REASONS[status] || String(status);
  if (r === null) return { description };
  if ('content' in r && !(r instanceof z.ZodType))
    return { description, content: Object.fromEntries(Object.entries(r.content).map(([t, schema]) => [t, { schema }])) };
  return { description, content: { 'application/json': { schema: r } } };
}

function operation(method: string, url: string, d: RouteDoc): ZodOpenApiOperationObject {
  const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = d.params ?? (names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined);
  const content: Record<string, { schema: z.ZodType }> = {};
  if (d.body) content['application/json'] = { schema: d.body };
  for (const [type, schema] of Object.entries(d.content ?? {})) content[type] = { schema };
  const hasBody = Object.keys(content).length > 0;

  const responses: Record<string, ReturnType<typeof response>> = {};
  for (const [status, r] of Object.entries(d.responses)) responses[status] = response(Number(status), r);
  const errors: Record<number, string | ResponseDoc> = {};
  if (hasBody || d.query) errors[400] = REASONS[400]!;
  if (!d.public) errors[401] = REASONS[401]!;
  if (!d.public && method !== 'GET') errors[403] = REASONS[403]!;
  if (names.length) errors[404] = REASONS[404]!;
  Object.assign(errors, d.errors);
  for (const [status, e] of Object.entries(errors)) {
    responses[status] = typeof e === 'string' ? { description: e, content: { 'application/json': { schema: ErrorBody } } } : response(Number(status), e);
  }
  responses.default = { description: 'Any other error, in the same shape', content: { 'application/json': { schema: ErrorBody } } };

  return {
    summary: d.summary,
    ...(d.description ? { description: d.description } : {}),
    tags: [d.tag],
    ...(params || d.query ? { requestParams: { ...(params ? { path: params } : {}), ...(d.query ? { query: d.query } : {}) } } : {}),
    ...(hasBody ? { requestBody: { required: true, content } } : {}),
    responses: responses as ZodOpenApiResponsesObject,
    security: d.public ? [] : method === 'GET' ? [{ session: [] }] : [{ session: [], csrf: [] }],
  };
}

export function buildOpenApiDocument(routes: DocumentedRoute[], info: { title: string; version: string }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of routes) {
    if (!r.doc) continue;
    const item = (paths[openApiPath(r.url)] ??= {});
    item[r.method.toLowerCase() as 'get'] = operation(r.method, r.url, r.doc);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'The API the Atrium dashboard uses. Log in (or sign up) to get the session cookie; send the csrfToken from that answer ' +
        '(or from GET /api/session) as the X-CSRF-Token header on every request that changes something. Errors are JSON: ' +
        '{ error, message, issues? }.',
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'atrium_session', description: 'Set by sign-up, log-in and password reset' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The csrfToken of the session (GET /api/session)' },
      },
    },
  });
}
