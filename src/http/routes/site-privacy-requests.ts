// Privacy requests of a site's visitors, in the dashboard: the site's
// subscribers list and answer them, and find, export, correct or erase what
// the site holds about the requester. Visitors file and confirm them on the
// site's own host (site-privacy-page.ts).
// Thin: tenancy (a foreign site or request answers 404), then src/rights.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { regionDbForSite } from '../../db/region-db.js';
import { DomainError, notFound } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import { closeRequest } from '../../rights/close-request.js';
import { eraseVisitorData } from '../../rights/erase-visitor-data.js';
import { extendRequest } from '../../rights/extend-request.js';
import { logStep } from '../../rights/request-log.js';
import { isActive, listRequests, requestById, requestLog } from '../../rights/request-row.js';
import { requestView, stepView } from '../../rights/request-view.js';
import { rectifySubmission } from '../../rights/rectify-visitor-data.js';
import { siteController, siteRequests } from '../../rights/site-requests.js';
import { findVisitorData } from '../../rights/visitor-data.js';
import { requireSite } from '../../tenancy/tenancy.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import * as P from '../schemas/privacy-requests.js';

type SiteParams = { Params: { siteId: string } };
type RequestParams = { Params: { siteId: string; requestId: string } };

const DOCS = {
  list: doc({
    summary: 'Privacy requests of the site’s visitors, open ones first by due date',
    tag: 'privacy requests',
    query: P.ListQuery,
    responses: { 200: P.PrivacyRequestList },
  }),
  get: doc({ summary: 'One visitor request with every step and mail', tag: 'privacy requests', responses: { 200: P.PrivacyRequestDetail } }),
  extend: doc({
    summary: 'Extend the deadline once, before it passes; the reason is mailed to the visitor',
    tag: 'privacy requests',
    body: P.ExtendInput,
    responses: { 200: P.PrivacyRequest },
    errors: { 409: 'Not open, extended already, or the deadline has passed' },
  }),
  close: doc({
    summary: 'Complete or refuse a visitor request; the visitor is told by mail',
    tag: 'privacy requests',
    body: P.CloseInput,
    responses: { 200: P.PrivacyRequest },
    errors: { 409: 'Closed already' },
  }),
  data: doc({
    summary: 'Everything the site holds about the requester’s email (and consent record, given its id): for access and portability',
    tag: 'privacy requests',
    query: P.VisitorDataQuery,
    responses: { 200: P.VisitorData },
  }),
  erase: doc({
    summary: 'Erase the requester’s form submissions and their deliveries; tells every webhook endpoint with a signed privacy.erasure event',
    tag: 'privacy requests',
    responses: { 200: P.ErasureResult },
    errors: { 409: 'The request is closed' },
  }),
  rectify: doc({
    summary: 'Correct one field of one of the requester’s form submissions',
    tag: 'privacy requests',
    body: P.RectifyInput,
    responses: { 200: P.VisitorData },
    errors: { 409: 'The request is closed' },
  }),
};

export async function sitePrivacyRequestRoutes(app: FastifyInstance, ctx: Context) {
  const mine = async (req: FastifyRequest<SiteParams>) => {
    const auth = requireAuth(req);
    const site = await requireSite(ctx.dbs.control, auth.subscriber.id, req.params.siteId);
    return { site, store: siteRequests(ctx, site), actor: { kind: 'subscriber' as const, id: auth.subscriber.id } };
  };
  const activeRequest = async (req: FastifyRequest<RequestParams>) => {
    const m = await mine(req);
    const row = await requestById(m.store, req.params.requestId);
    if (row.status === 'unverified') throw notFound('privacy request');
    return { ...m, row };
  };

  app.get<SiteParams>('/api/sites/:siteId/privacy-requests', { config: DOCS.list }, async (req) => {
    const { store } = await mine(req);
    const { status } = parseInput(P.ListQuery, req.query);
    const now = ctx.clock.now();
    return { requests: (await listRequests(store, { status })).map((r) => requestView(r, now)) };
  });

  app.get<RequestParams>('/api/sites/:siteId/privacy-requests/:requestId', { config: DOCS.get }, async (req) => {
    const { store, row } = await activeRequest(req);
    return { request: requestView(row, ctx.clock.now()), log: (await requestLog(store, row.id)).map(stepView) };
  });

  app.post<RequestParams>('/api/sites/:siteId/privacy-requests/:requestId/extend', { config: DOCS.extend }, async (req) => {
    const { site, store, actor, row } = await activeRequest(req);
    const { reason } = parseInput(P.ExtendInput, req.body);
    return requestView(await extendRequest(ctx, store, await siteController(ctx, site), row.id, actor, reason), ctx.clock.now());
  });

  app.post<RequestParams>('/api/sites/:siteId/privacy-requests/:requestId/close', { config: DOCS.close }, async (req) => {
    const { site, store, actor, row } = await activeRequest(req);
    const outcome = parseInput(P.CloseInput, req.body);
    return requestView(await closeRequest(ctx, store, await siteController(ctx, site), row.id, actor, outcome), ctx.clock.now());
  });

  app.get<RequestParams>('/api/sites/:siteId/privacy-requests/:requestId/data', { config: DOCS.data }, async (req) => {
    const { site, store, actor, row } = await activeRequest(req);
    const { consentId } = parseInput(P.VisitorDataQuery, req.query);
    const data = await findVisitorData(regionDbForSite(ctx.dbs, site), site.id, row.email, consentId);
    await logStep(store, { requestId: row.id, at: ctx.clock.now(), actor, action: 'data_viewed' });
    return data;
  });

  app.post<RequestParams>('/api/sites/:siteId/privacy-requests/:requestId/erase', { config: DOCS.erase }, async (req) => {
    const { site, store, actor, row } = await activeRequest(req);
    if (!isActive(row)) throw new DomainError('conflict', `this request is ${row.status}; reopen it by asking the visitor to file a new one`);
    const result = await eraseVisitorData(ctx, site, row.id, row.email);
    await logStep(store, {
      requestId: row.id,
      at: ctx.clock.now(),
      actor,
      action: 'erased',
      note: `Erased ${result.submissions} form submission(s) and ${result.deliveries} queued or kept delivery(ies); told ${result.notifications.length} webhook endpoint(s) (jobs ${result.notifications.join(', ') || 'none'}).`,
    });
    return result;
  });

  app.post<RequestParams>('/api/sites/:siteId/privacy-requests/:requestId/rectify', { config: DOCS.rectify }, async (req) => {
    const { site, store, actor, row } = await activeRequest(req);
    if (!isActive(row)) throw new DomainError('conflict', `this request is ${row.status}`);
    const input = parseInput(P.RectifyInput, req.body);
    const db = regionDbForSite(ctx.dbs, site);
    const address = await rectifySubmission(db, site.id, row.email, input);
    await logStep(store, {
      requestId: row.id,
      at: ctx.clock.now(),
      actor,
      action: 'rectified',
      note: `Corrected field "${input.field}" of submission ${input.submissionId}.`,
    });
    return findVisitorData(db, site.id, address);
  });
}
