// GET /api/openapi.json: the API described from the route table (../openapi/document.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildOpenApiDocument, type DocumentedRoute } from '../openapi/document.js';
import { doc } from '../openapi/route-doc.js';
import { PROJECT_ROOT } from '../../lib/project-root.js';

const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

export async function openApiRoutes(app: FastifyInstance, routes: DocumentedRoute[]) {
  // Built on first request, when every route is registered; the route table does not change after start.
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.get(
    '/api/openapi.json',
    {
      config: doc({
        summary: 'This document',
        tag: 'meta',
        public: true,
        responses: { 200: z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document' }) },
      }),
    },
    async () => (document ??= buildOpenApiDocument(routes, { title: 'Atrium API', version: pkg.version })),
  );
}
