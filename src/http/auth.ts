// Request authentication from the session cookie, and CSRF protection for every
// state-changing request: a session-bound token header plus an Origin check.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, csrfTokenFor, type AuthenticatedSession } from '../accounts/sessions.js';
import { DomainError } from '../lib/errors.js';
import type { Context } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
    sessionToken: string | undefined;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuth(app: FastifyInstance, ctx: Context) {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const token = req.cookies.atrium_session;
    req.sessionToken = token;
    // Static dashboard files and health checks need no session lookup; form posts come from published sites.
    if ((SAFE.has(req.method) && !req.url.startsWith('/api/')) || req.url.startsWith('/_atrium/forms/')) return;
    req.auth = await authenticate(ctx, token);
    if (SAFE.has(req.method)) return;
    // Browsers send Origin on cross-site POSTs; refuse any that is not ours.
    const origin = req.headers.origin;
    if (origin && origin !== ctx.config.publicUrl.origin && origin !== `${req.protocol}://${req.headers.host}`)
      throw new DomainError('forbidden', 'cross-site request refused');
    if (req.auth && token) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !same(sent, csrfTokenFor(token)))
        throw new DomainError('forbidden', 'missing or wrong X-CSRF-Token header; read it from GET /api/session');
    }
  });
}

export function requireAuth(req: FastifyRequest): AuthenticatedSession {
  if (!req.auth) throw new DomainError('unauthenticated', 'log in first');
  return req.auth;
}

export type Reply = FastifyReply;
