// Privacy requests to the platform. Anyone may file one (public, rate limited
// per network, the address kept in memory only); nothing happens until the
// emailed link is confirmed. Operators list and answer them. Thin: parse,
// check the role (others get 404, as for any unknown id), call src/rights.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { notFound, rateLimited } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import { closeRequest } from '../../rights/close-request.js';
import { extendRequest } from '../../rights/extend-request.js';
import { fileRequest } from '../../rights/file-request.js';
import { downloadExport, fulfilPlatformRequest, linkAccount } from '../../rights/fulfil-platform.js';
import { lastSweep } from '../../retention/sweep.js';
import { isOperator, platformConfirmLink, platformController, platformRequests } from '../../rights/platform.js';
import { listRequests, requestById, requestLog } from '../../rights/request-row.js';
import { requestView, stepView } from '../../rights/request-view.js';
import { verifyRequest } from '../../rights/verify-request.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import * as P from '../schemas/privacy-requests.js';

type RequestParams = { Params: { requestId: string } };

const DOCS = {
  file: doc({
    summary: 'File a privacy request to the platform (access, erasure, ...); a confirmation link is mailed to the address given',
    tag: 'privacy requests',
    public: true,
    body: P.NewPrivacyRequest,
    responses: { 202: P.PrivacyRequestFiled },
    errors: { 429: 'Too many requests from this network: wait for the Retry-After header’s seconds' },
  }),
  confirm: doc({
    summary: 'Confirm a privacy request with the token from its mail: the deadline starts and receipt is acknowledged by mail',
    tag: 'privacy requests',
    public: true,
    body: P.ConfirmPrivacyRequest,
    responses: { 200: P.PrivacyRequest },
    errors: { 409: 'Already confirmed' },
  }),
  list: doc({
    summary: 'Operators: privacy requests to the platform, open ones first by due date',
    tag: 'privacy requests',
    query: P.ListQuery,
    responses: { 200: P.PrivacyRequestList },
    errors: { 404: 'Not an operator' },
  }),
  get: doc({ summary: 'Operators: one request with every step and mail', tag: 'privacy requests', responses: { 200: P.PrivacyRequestDetail } }),
  extend: doc({
    summary: 'Operators: extend the deadline once, before it passes; the reason is mailed to the requester',
    tag: 'privacy requests',
    body: P.ExtendInput,
    responses: { 200: P.PrivacyRequest },
    errors: { 409: 'Not open, extended already, or the deadline has passed' },
  }),
  fulfil: doc({
    summary:
      'Operators: act on the account that filed the request — send its data export (a 7-day link), erase it, restrict processing, withdraw every consent, or correct the name',
    tag: 'privacy requests',
    body: P.FulfilInput,
    responses: { 200: P.PrivacyRequest },
    errors: { 409: 'Closed, or no confirmed account uses the requester’s address' },
  }),
  download: doc({
    summary: 'The data export an operator sent a requester, by the link’s token (made when opened; valid 7 days)',
    tag: 'privacy requests',
    public: true,
    query: P.ConfirmPrivacyRequest,
    responses: { 200: { content: { 'application/zip': z.string().meta({ format: 'binary' }) } } },
  }),
  retention: doc({
    summary: 'Operators: the last retention sweep, what each rule removed and how long it keeps data',
    tag: 'privacy requests',
    responses: { 200: P.SweepReport },
    errors: { 404: 'Not an operator' },
  }),
  close: doc({
    summary: 'Operators: complete (what was done) or refuse (reasons; the mail names where to complain) a request',
    tag: 'privacy requests',
    body: P.CloseInput,
    responses: { 200: P.PrivacyRequest },
    errors: { 409: 'Closed already' },
  }),
};

export async function privacyRequestRoutes(app: FastifyInstance, ctx: Context) {
  const perIp = app.createRateLimit({ max: ctx.config.privacyRequestLimitPerIp, timeWindow: 3600_000, keyGenerator: (req) => `rq-ip:${req.ip}` });
  const store = platformRequests(ctx);
  const operator = (req: FastifyRequest) => {
    const auth = requireAuth(req);
    if (!isOperator(ctx, auth.subscriber)) throw notFound('route');
    return { kind: 'operator' as const, id: auth.subscriber.id };
  };

  app.post('/api/privacy-requests', { config: DOCS.file }, async (req, reply) => {
    const limit = await perIp(req);
    if (!limit.isAllowed && limit.isExceeded) throw rateLimited('too many requests from your network; try again later', limit.ttlInSeconds);
    const input = parseInput(P.NewPrivacyRequest, req.body);
    const { id } = await fileRequest(ctx, store, platformController(ctx), input, platformConfirmLink(ctx));
    return reply.code(202).send({ id, message: `We sent a confirmation link to ${input.email}. Your request starts when you open it.` });
  });

  app.post('/api/privacy-requests/confirm', { config: DOCS.confirm }, async (req) => {
    const { token } = parseInput(P.ConfirmPrivacyRequest, req.body);
    const row = await verifyRequest(ctx, store, platformController(ctx), token);
    await linkAccount(ctx, row.id);
    return requestView(await requestById(store, row.id), ctx.clock.now());
  });

  app.get('/api/operator/privacy-requests', { config: DOCS.list }, async (req) => {
    operator(req);
    const { status } = parseInput(P.ListQuery, req.query);
    const now = ctx.clock.now();
    return { requests: (await listRequests(store, { status })).map((r) => requestView(r, now)) };
  });

  app.get('/api/operator/retention', { config: DOCS.retention }, async (req) => {
    operator(req);
    return lastSweep(ctx);
  });

  app.get<RequestParams>('/api/operator/privacy-requests/:requestId', { config: DOCS.get }, async (req) => {
    operator(req);
    const row = await requestById(store, req.params.requestId);
    if (row.status === 'unverified') throw notFound('privacy request');
    return { request: requestView(row, ctx.clock.now()), log: (await requestLog(store, row.id)).map(stepView) };
  });

  app.post<RequestParams>('/api/operator/privacy-requests/:requestId/extend', { config: DOCS.extend }, async (req) => {
    const actor = operator(req);
    const { reason } = parseInput(P.ExtendInput, req.body);
    return requestView(await extendRequest(ctx, store, platformController(ctx), req.params.requestId, actor, reason), ctx.clock.now());
  });

  app.post<RequestParams>('/api/operator/privacy-requests/:requestId/fulfil', { config: DOCS.fulfil }, async (req) => {
    const actor = operator(req);
    const { action, name } = parseInput(P.FulfilInput, req.body);
    return requestView(await fulfilPlatformRequest(ctx, req.params.requestId, actor, action, { name }), ctx.clock.now());
  });

  app.get<{ Querystring: { token?: string } }>('/api/privacy-requests/download', { config: DOCS.download }, async (req, reply) => {
    const { token } = parseInput(P.ConfirmPrivacyRequest, req.query);
    const zip = await downloadExport(ctx, token);
    return reply
      .type('application/zip')
      .header('content-disposition', 'attachment; filename="atrium-your-data.zip"')
      .header('cache-control', 'no-store')
      .send(Buffer.from(zip));
  });

  app.post<RequestParams>('/api/operator/privacy-requests/:requestId/close', { config: DOCS.close }, async (req) => {
    const actor = operator(req);
    const outcome = parseInput(P.CloseInput, req.body);
    return requestView(await closeRequest(ctx, store, platformController(ctx), req.params.requestId, actor, outcome), ctx.clock.now());
  });
}
