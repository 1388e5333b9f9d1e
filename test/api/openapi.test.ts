// The API described once: /api/openapi.json is a valid OpenAPI 3.1 document
// made from the route table, every route is in it, real answers match the
// documented schemas, and the dashboard's generated types are up to date.
import fs from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../src/http/openapi/document.js';
import { API_TYPES_FILE, apiTypesFrom } from '../../scripts/api-types.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, type Response, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let spec: any;
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  spec = (await c.get('/api/openapi.json')).json;
});
afterAll(async () => t?.close());

/** Checks a real answer against the schema the document gives for its route, method and status. */
function conforms(method: string, route: string, res: Response) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ ...spec, $id: 'openapi.json' });
  const pointer = ['paths', route, method.toLowerCase(), 'responses', String(res.status), 'content', 'application/json', 'schema']
    .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  const documented = spec.paths[route]?.[method.toLowerCase()]?.responses?.[String(res.status)];
  expect(documented, `${method} ${route} does not document status ${res.status}`).toBeDefined();
  const validate = ajv.compile({ $ref: `openapi.json#/${pointer}` });
  expect(validate(res.json), `${method} ${route} ${res.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document with the session and CSRF schemes', async () => {
    const res = await c.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.info).toMatchObject({ title: 'Atrium API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const result = await new Validator().validate(structuredClone(spec));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(spec.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'atrium_session' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
    });
    expect(spec.paths['/api/sites'].post.security).toEqual([{ session: [], csrf: [] }]);
    expect(spec.paths['/api/sites'].get.security).toEqual([{ session: [] }]);
    expect(spec.paths['/api/auth/login'].post.security).toEqual([]);
  });

  it('describes every registered route with its methods; only the dashboard files are left out, by name', async () => {
    const routes = t.running.app.routeList as { method: string; url: string; doc?: unknown }[];
    expect(routes.length).toBeGreaterThan(40);
    const left = routes.filter((r) => r.doc === false).map((r) => `${r.method} ${r.url}`);
    expect(left.sort()).toEqual(['GET /app', 'GET /app/*']);
    const missing = routes.filter((r) => r.doc !== false && !spec.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]);
    expect(missing.map((r) => `${r.method} ${r.url} has no config.doc`)).toEqual([]);
    // …and nothing is documented that does not exist.
    const documented = Object.entries(spec.paths).flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(
      routes
        .filter((r) => r.doc !== false)
        .map((r) => `${r.method} ${openApiPath(r.url)}`)
        .sort(),
    );
    // Path parameters and input schemas are the ones the core validates with.
    const create = spec.paths['/api/sites'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'slug', 'template', 'region']));
    expect(spec.paths['/api/sites/{siteId}/releases/{releaseId}/rollback'].post.parameters.map((p: any) => [p.in, p.name])).toEqual([
      ['path', 'siteId'],
      ['path', 'releaseId'],
    ]);
    expect(spec.paths['/api/sites/{siteId}/submissions'].get.parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name)).toEqual([
      'status',
      'q',
      'before',
      'limit',
    ]);
  });

  it('matches what the API really answers', async () => {
    const signup = await c.post('/api/auth/signup', { name: 'Doc Tester', email: 'docs@example.com', password: 'correct horse battery staple' });
    conforms('POST', '/api/auth/signup', signup);
    conforms('GET', '/api/session', await c.get('/api/session'));
    conforms('GET', '/api/account', await c.get('/api/account'));
    for (const p of ['/api/templates', '/api/themes', '/api/regions', '/api/meta', '/healthz']) conforms('GET', p, await c.get(p));

    const created = await c.post('/api/sites', { name: 'Documented', slug: 'documented', template: 'saas', region: 'de-frankfurt' });
    conforms('POST', '/api/sites', created);
    const id = created.json.id as string;
    conforms('GET', '/api/sites', await c.get('/api/sites'));
    conforms('GET', '/api/sites/{siteId}', await c.get(`/api/sites/${id}`));
    conforms('PUT', '/api/sites/{siteId}/draft', await c.put(`/api/sites/${id}/draft`, { revision: 1, document: created.json.document }));
    const conflict = await c.put(`/api/sites/${id}/draft`, { revision: 1, document: created.json.document });
    expect(conflict.status).toBe(409);
    conforms('PUT', '/api/sites/{siteId}/draft', conflict);
    const invalid = await c.post('/api/sites', { name: '', slug: 'x', template: 'nope', region: 'mars' });
    expect(invalid.status).toBe(400);
    conforms('POST', '/api/sites', invalid);
    conforms('GET', '/api/sites/{siteId}/domains', await c.get(`/api/sites/${id}/domains`));
    conforms('POST', '/api/sites/{siteId}/domains', await c.post(`/api/sites/${id}/domains`, { hostname: 'documented.example' }));
    conforms('POST', '/api/sites/{siteId}/webhooks', await c.post(`/api/sites/${id}/webhooks`, { url: 'https://hooks.example/x' }));
    conforms('GET', '/api/sites/{siteId}/webhooks', await c.get(`/api/sites/${id}/webhooks`));
    conforms('GET', '/api/sites/{siteId}/submissions', await c.get(`/api/sites/${id}/submissions`));
    conforms('GET', '/api/sites/{siteId}/assets', await c.get(`/api/sites/${id}/assets`));
    conforms('GET', '/api/sites/{siteId}/releases', await c.get(`/api/sites/${id}/releases`));
    const other = t.client();
    conforms('GET', '/api/sites/{siteId}', await other.get(`/api/sites/${id}`)); // 401

    await signUpVerified(c, t.smtp, 'docs-verified@example.com');
    const mine = await c.post('/api/sites', { name: 'Published', slug: 'published-doc', template: 'app', region: 'us-oregon' });
    const published = await c.post(`/api/sites/${mine.json.id}/publish`);
    expect(published.status).toBe(201);
    conforms('POST', '/api/sites/{siteId}/publish', published);
    conforms('GET', '/api/sites/{siteId}/releases', await c.get(`/api/sites/${mine.json.id}/releases`));
  });

  it('is what the dashboard’s committed types were generated from (npm run gen:api)', async () => {
    const expected = await apiTypesFrom(spec);
    expect(fs.readFileSync(API_TYPES_FILE, 'utf8') === expected, 'web/src/api-types.ts is out of date: run npm run gen:api').toBe(true);
  });
});
