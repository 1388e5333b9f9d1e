import type { FastifyInstance } from 'fastify';
import * as accounts from '../../accounts/accounts.js';
import * as settings from '../../accounts/settings.js';
import { csrfTokenFor, revokeAllSessions, revokeSession } from '../../accounts/sessions.js';
import { clearCookie, setCookie } from '../../cookies/set-cookie.js';
import type { Context } from '../../context.js';
import { rateLimited } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import { eraseAccount } from '../../rights/erase-account.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import { EmailInput, LogInInput, ResetInput, SignUpInput, TokenInput } from '../../accounts/accounts.js';
import { ChangeEmailInput, ChangePasswordInput, UpdateAccountInput } from '../../accounts/settings.js';
import * as R from '../schemas/accounts.js';
import { Message } from '../schemas/common.js';

const RATE_LIMITED = 'Too many attempts: wait retryAfterSeconds (also the Retry-After header)';

/** Each route's OpenAPI description (src/http/openapi), passed as its config when it registers. */
const DOCS = {
  signup: doc({
    summary: 'Create an account and log in',
    tag: 'auth',
    public: true,
    body: SignUpInput,
    responses: { 201: R.SignedUp },
    errors: { 409: 'The email address is registered', 429: RATE_LIMITED },
  }),
  login: doc({
    summary: 'Log in',
    tag: 'auth',
    public: true,
    body: LogInInput,
    responses: { 200: R.SessionStarted },
    errors: { 401: 'Email or password is incorrect', 429: RATE_LIMITED },
  }),
  logout: doc({ summary: 'Log out this session', tag: 'auth', public: true, responses: { 204: null } }),
  logoutAll: doc({ summary: 'Log out every session of the account', tag: 'auth', responses: { 200: R.RevokedSessions } }),
  session: doc({ summary: 'Who is logged in, with the CSRF token', tag: 'auth', responses: { 200: R.SessionInfo } }),
  account: doc({ summary: 'Your account', tag: 'account', responses: { 200: R.Account } }),
  renameAccount: doc({ summary: 'Change your name', tag: 'account', body: UpdateAccountInput, responses: { 200: R.Account } }),
  changeEmail: doc({
    summary: 'Change your email address (confirmed again by mail)',
    tag: 'account',
    body: ChangeEmailInput,
    responses: { 200: R.Account },
    errors: { 409: 'Another account uses this address' },
  }),
  deleteAccount: doc({
    summary: 'Delete your account and everything it holds (sites, their visitors’ data, files); says what is kept and why',
    tag: 'account',
    body: R.DeleteAccountInput,
    responses: { 200: R.AccountDeleted },
  }),
  changePassword: doc({
    summary: 'Change your password; logs out every other session',
    tag: 'account',
    body: ChangePasswordInput,
    responses: { 200: R.CsrfToken },
  }),
  verifyEmail: doc({
    summary: 'Confirm an email address with the token from the mail',
    tag: 'auth',
    public: true,
    body: TokenInput,
    responses: { 200: R.Verified },
  }),
  resendVerification: doc({ summary: 'Send the confirmation mail again', tag: 'auth', responses: { 200: R.VerificationSent } }),
  passwordReset: doc({
    summary: 'Mail a password reset link',
    tag: 'auth',
    public: true,
    body: EmailInput,
    responses: { 202: Message },
    errors: { 429: RATE_LIMITED },
  }),
  passwordResetConfirm: doc({
    summary: 'Set a new password with the token from the mail, and log in',
    tag: 'auth',
    public: true,
    body: ResetInput,
    responses: { 200: R.SessionStarted },
  }),
};

export async function authRoutes(app: FastifyInstance, ctx: Context) {
  const perIp = app.createRateLimit({ max: 20, timeWindow: 60_000, keyGenerator: (req) => `ip:${req.ip}` });

  const session = (token: string, subscriberId: string) => ({ subscriberId, csrfToken: csrfTokenFor(token) });

  // Sign-ups and reset mails cost us mail reputation: a ceiling per network and per address.
  const signupsPerIp = app.createRateLimit({ max: 20, timeWindow: 3600_000, keyGenerator: (req) => `signup:${req.ip}` });
  const resetsPerIp = app.createRateLimit({ max: 10, timeWindow: 15 * 60_000, keyGenerator: (req) => `reset-ip:${req.ip}` });
  const resetsPerEmail = app.createRateLimit({
    max: 3,
    timeWindow: 3600_000,
    keyGenerator: (req) =>
      `reset:${String((req.body as { email?: unknown })?.email ?? '')
        .trim()
        .toLowerCase()}`,
  });
  const tooMany = (seconds: number, what: string) => rateLimited(`too many ${what}; try again in ${seconds} seconds`, seconds);

  app.post('/api/auth/signup', { config: DOCS.signup }, async (req, reply) => {
    const limit = await signupsPerIp(req);
    if (!limit.isAllowed && limit.isExceeded) throw tooMany(limit.ttlInSeconds, 'sign-ups from this network');
    const r = await accounts.signUp(ctx, req.body);
    setCookie(req, reply, 'atrium_session', r.sessionToken);
    return reply.code(201).send({ ...session(r.sessionToken, r.subscriberId), workspaceId: r.workspaceId });
  });

  app.post('/api/auth/login', { config: DOCS.login }, async (req, reply) => {
    const r = await perIp(req);
    if (!r.isAllowed && r.isExceeded) throw tooMany(r.ttlInSeconds, 'log-in attempts from this network');
    // Guesses against one account are throttled per account and address inside logIn.
    const login = await accounts.logIn(ctx, req.body, req.ip);
    // Rotate: whatever session the browser had is replaced by a fresh one.
    if (req.sessionToken) await revokeSession(ctx.dbs.control, req.sessionToken);
    setCookie(req, reply, 'atrium_session', login.sessionToken);
    return session(login.sessionToken, login.subscriberId);
  });

  app.post('/api/auth/logout', { config: DOCS.logout }, async (req, reply) => {
    if (req.sessionToken) await revokeSession(ctx.dbs.control, req.sessionToken);
    clearCookie(req, reply, 'atrium_session');
    return reply.code(204).send();
  });

  app.post('/api/auth/logout-all', { config: DOCS.logoutAll }, async (req, reply) => {
    const auth = requireAuth(req);
    const n = await revokeAllSessions(ctx.dbs.control, auth.subscriber.id);
    clearCookie(req, reply, 'atrium_session');
    return { revokedSessions: n };
  });

  app.get('/api/session', { config: DOCS.session }, async (req) => {
    const auth = requireAuth(req);
    return { subscriber: auth.subscriber, csrfToken: csrfTokenFor(req.sessionToken!) };
  });

  app.get('/api/account', { config: DOCS.account }, async (req) => settings.getAccount(ctx, requireAuth(req).subscriber.id));
  app.patch('/api/account', { config: DOCS.renameAccount }, async (req) => settings.updateAccount(ctx, requireAuth(req).subscriber.id, req.body));
  app.post('/api/account/email', { config: DOCS.changeEmail }, async (req) => settings.changeEmail(ctx, requireAuth(req).subscriber.id, req.body));
  app.delete('/api/account', { config: DOCS.deleteAccount }, async (req, reply) => {
    const { password } = parseInput(R.DeleteAccountInput, req.body ?? {});
    const erased = await eraseAccount(ctx, requireAuth(req).subscriber.id, password);
    clearCookie(req, reply, 'atrium_session');
    return erased;
  });
  app.post('/api/account/password', { config: DOCS.changePassword }, async (req, reply) => {
    const r = await settings.changePassword(ctx, requireAuth(req).subscriber.id, req.body);
    setCookie(req, reply, 'atrium_session', r.sessionToken);
    return { csrfToken: csrfTokenFor(r.sessionToken) };
  });

  app.post('/api/auth/verify-email', { config: DOCS.verifyEmail }, async (req) => {
    await accounts.verifyEmail(ctx, req.body);
    return { verified: true };
  });

  app.post('/api/auth/resend-verification', { config: DOCS.resendVerification }, async (req) =>
    accounts.resendVerification(ctx, requireAuth(req).subscriber.id),
  );

  app.post('/api/auth/password-reset', { config: DOCS.passwordReset }, async (req, reply) => {
    const ip = await resetsPerIp(req);
    if (!ip.isAllowed && ip.isExceeded) throw tooMany(ip.ttlInSeconds, 'reset requests from this network');
    // Over the per-address limit the answer stays the same, but no more mail goes out.
    const email = await resetsPerEmail(req);
    if (!email.isAllowed && email.isExceeded) return reply.code(202).send({ message: 'if an account exists for this address, a reset link is on its way' });
    await accounts.requestPasswordReset(ctx, req.body);
    return reply.code(202).send({ message: 'if an account exists for this address, a reset link is on its way' });
  });

  app.post('/api/auth/password-reset/confirm', { config: DOCS.passwordResetConfirm }, async (req, reply) => {
    const r = await accounts.resetPassword(ctx, req.body);
    setCookie(req, reply, 'atrium_session', r.sessionToken);
    return session(r.sessionToken, r.subscriberId);
  });
}
