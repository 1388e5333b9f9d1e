// A subscriber's choices about their own data: the consents they gave (listed
// with their wording and time, each withdrawable), restriction of processing,
// and the one-click unsubscribe link of product news (RFC 8058: a POST from the
// mail client, no login). Operators send product news. Thin: parse, check, core.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { activeConsent, CONSENT_PURPOSES, grantConsent, listConsents, PURPOSE_IDS, withdrawConsent } from '../../accounts/consents.js';
import { sendProductNews, unsubscribe } from '../../accounts/product-news.js';
import { setRestriction } from '../../accounts/restriction.js';
import type { Context } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import { isOperator } from '../../rights/platform.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import * as R from '../schemas/accounts.js';
import { parseUrlEncoded } from './forms.js';

const ConsentInput = z.object({ purpose: z.enum(PURPOSE_IDS), granted: z.boolean() });
const RestrictionInput = z.object({ restricted: z.boolean() });
const UnsubscribeInput = z.object({ token: z.string().min(10).max(300) });
const NewsInput = z.object({ subject: z.string().trim().min(3).max(200), text: z.string().trim().min(10).max(20_000) });

const DOCS = {
  consents: doc({
    summary: 'The consents you can give, and every one you gave or withdrew, with its wording and time',
    tag: 'account',
    responses: { 200: R.ConsentList },
  }),
  setConsent: doc({
    summary: 'Give or withdraw a consent (withdrawing takes effect at once)',
    tag: 'account',
    body: ConsentInput,
    responses: { 200: R.ConsentList },
  }),
  restriction: doc({
    summary: 'Restrict processing of your data (kept, sites keep running, nothing else) or lift the restriction',
    tag: 'account',
    body: RestrictionInput,
    responses: { 200: R.Restriction },
  }),
  unsubscribe: doc({
    summary: 'One-click unsubscribe from product news (RFC 8058): the token from the mail’s link, in the query or the body',
    tag: 'account',
    public: true,
    query: z.object({ token: z.string().optional() }),
    content: { 'application/x-www-form-urlencoded': z.object({ 'List-Unsubscribe': z.string().optional() }), 'application/json': UnsubscribeInput },
    responses: { 200: z.object({ message: z.string() }) },
  }),
  news: doc({
    summary: 'Operators: send product news to every subscriber who asked for it',
    tag: 'privacy requests',
    body: NewsInput,
    responses: { 200: z.object({ sent: z.number().int() }) },
    errors: { 404: 'Not an operator' },
  }),
};

export async function accountChoiceRoutes(app: FastifyInstance, ctx: Context) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
    done(null, parseUrlEncoded(String(body))),
  );

  const consents = async (subscriberId: string) => {
    const purposes = await Promise.all(
      PURPOSE_IDS.map(async (purpose) => ({ purpose, ...CONSENT_PURPOSES[purpose], active: await activeConsent(ctx, subscriberId, purpose) })),
    );
    return { purposes, history: await listConsents(ctx, subscriberId) };
  };

  app.get('/api/account/consents', { config: DOCS.consents }, async (req) => consents(requireAuth(req).subscriber.id));

  app.put('/api/account/consents', { config: DOCS.setConsent }, async (req) => {
    const id = requireAuth(req).subscriber.id;
    const { purpose, granted } = parseInput(ConsentInput, req.body);
    if (granted) await grantConsent(ctx, id, purpose);
    else await withdrawConsent(ctx, id, purpose, 'settings');
    return consents(id);
  });

  app.put('/api/account/restriction', { config: DOCS.restriction }, async (req) => {
    const { restricted } = parseInput(RestrictionInput, req.body);
    return { processingRestrictedAt: await setRestriction(ctx, requireAuth(req).subscriber.id, restricted) };
  });

  app.post<{ Querystring: { token?: string } }>('/api/mail/unsubscribe', { config: DOCS.unsubscribe }, async (req) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { token } = parseInput(UnsubscribeInput, { token: req.query.token ?? body.token });
    const { purpose } = await unsubscribe(ctx, token);
    return { message: `You will get no more ${CONSENT_PURPOSES[purpose].name.toLowerCase()}.` };
  });

  app.post('/api/operator/product-news', { config: DOCS.news }, async (req) => {
    const auth = requireAuth(req);
    if (!isOperator(ctx, auth.subscriber)) throw notFound('route');
    const { subject, text } = parseInput(NewsInput, req.body);
    return { sent: await sendProductNews(ctx, subject, text) };
  });
}
