// Subscriber accounts: sign-up, email verification, log-in and password reset.
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, invalid, rateLimited } from '../lib/errors.js';
import { LoginThrottle } from './login-throttle.js';
import { newId, nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { grantConsent } from './consents.js';
import { consumeToken, issueToken, voidTokens } from './email-tokens.js';
import { Password, hashPassword, verifyPassword } from './passwords.js';
import { createSession, revokeAllSessions } from './sessions.js';

const Email = z.string().trim().toLowerCase().max(254).email('must be an email address');

export const SignUpInput = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  email: Email,
  password: Password,
  /** The unticked-by-default box "send me product news": a consent, stored with its wording. */
  productNews: z.boolean().optional(),
});
export const LogInInput = z.object({ email: Email, password: z.string().min(1, 'is required').max(256) });
export const EmailInput = z.object({ email: Email });
export const TokenInput = z.object({ token: z.string().min(10).max(100) });
export const ResetInput = z.object({ token: z.string().min(10).max(100), password: Password });

export async function signUp(ctx: Context, raw: unknown) {
  const input = parseInput(SignUpInput, raw);
  const { control } = ctx.dbs;
  const existing = await control.selectFrom('subscribers').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing)
    throw new DomainError('conflict', 'an account with this email already exists; log in or reset your password', {
      issues: [{ path: 'email', message: 'already registered' }],
    });
  const now = nowIso();
  const subscriberId = newId('sub');
  const workspaceId = newId('ws');
  const passwordHash = await hashPassword(input.password);
  await control.transaction().execute(async (trx) => {
    await trx
      .insertInto('subscribers')
      .values({
        id: subscriberId,
        name: input.name,
        email: input.email,
        password_hash: passwordHash,
        email_verified_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('workspaces')
      .values({ id: workspaceId, name: `${input.name}'s workspace`, created_at: now })
      .execute();
    await trx.insertInto('workspace_members').values({ workspace_id: workspaceId, subscriber_id: subscriberId, role: 'owner', created_at: now }).execute();
  });
  if (input.productNews) await grantConsent(ctx, subscriberId, 'product_news');
  await sendVerification(ctx, subscriberId, input.name, input.email);
  const sessionToken = await createSession(ctx, subscriberId);
  return { subscriberId, workspaceId, sessionToken };
}

async function sendVerification(ctx: Context, subscriberId: string, name: string, email: string) {
  const token = await issueToken(ctx.dbs.control, subscriberId, email, 'verify_email');
  const link = new URL(`/app/verify-email?token=${token}`, ctx.config.publicUrl).href;
  await ctx.mailer.send(
    {
      to: email,
      subject: 'Confirm your email for Atrium',
      text: `Hi ${name},\n\nConfirm your email address to publish sites with Atrium:\n\n${link}\n\nThe link works for 24 hours. If you did not sign up, ignore this message.\n`,
    },
    { category: 'account', subject: { type: 'subscriber', subscriberId } },
  );
}

export async function resendVerification(ctx: Context, subscriberId: string) {
  const s = await ctx.dbs.control.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).executeTakeFirstOrThrow();
  if (s.email_verified_at) return { alreadyVerified: true };
  await sendVerification(ctx, s.id, s.name, s.email);
  return { alreadyVerified: false };
}

export async function verifyEmail(ctx: Context, raw: unknown) {
  const { token } = parseInput(TokenInput, raw);
  const row = await consumeToken(ctx.dbs.control, token, 'verify_email');
  const now = nowIso();
  // Only verifies the address the link was sent to, in case the email changed since.
  const r = await ctx.dbs.control
    .updateTable('subscribers')
    .set({ email_verified_at: now, updated_at: now })
    .where('id', '=', row.subscriber_id)
    .where('email', '=', row.email)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw invalid('token', 'this link was for an earlier email address');
  return { subscriberId: row.subscriber_id };
}

const throttles = new WeakMap<Context, LoginThrottle>();

/** Signs in; `address` (the client's IP, never stored) lets guessing be throttled per account and address. */
export async function logIn(ctx: Context, raw: unknown, address: string) {
  const input = parseInput(LogInInput, raw);
  let throttle = throttles.get(ctx);
  if (!throttle) throttles.set(ctx, (throttle = new LoginThrottle(ctx.clock)));
  const verdict = throttle.check(input.email, address);
  if (!verdict.ok)
    throw rateLimited(
      verdict.scope === 'address'
        ? `too many log-in attempts for this account from your network; try again in ${verdict.retryAfterSeconds} seconds`
        : `this account is receiving many wrong passwords, so new networks must wait; try again in ${verdict.retryAfterSeconds} seconds, or reset your password`,
      verdict.retryAfterSeconds,
    );
  const s = await ctx.dbs.control.selectFrom('subscribers').select(['id', 'password_hash']).where('email', '=', input.email).executeTakeFirst();
  const ok = await verifyPassword(s?.password_hash, input.password);
  if (!s || !ok) {
    throttle.failed(input.email, address);
    throw new DomainError('unauthenticated', 'email or password is incorrect');
  }
  throttle.succeeded(input.email, address);
  return { subscriberId: s.id, sessionToken: await createSession(ctx, s.id) };
}

/** Always succeeds, so the answer does not reveal whether an account exists. */
export async function requestPasswordReset(ctx: Context, raw: unknown) {
  const { email } = parseInput(EmailInput, raw);
  const s = await ctx.dbs.control.selectFrom('subscribers').select(['id', 'name']).where('email', '=', email).executeTakeFirst();
  if (!s) return;
  const token = await issueToken(ctx.dbs.control, s.id, email, 'reset_password');
  const link = new URL(`/app/reset-password?token=${token}`, ctx.config.publicUrl).href;
  await ctx.mailer.send(
    {
      to: email,
      subject: 'Reset your Atrium password',
      text: `Hi ${s.name},\n\nSomeone asked to reset the password of your Atrium account. To choose a new one, open:\n\n${link}\n\nThe link works for one hour. If it was not you, ignore this message; your password stays the same.\n`,
    },
    { category: 'account', subject: { type: 'subscriber', subscriberId: s.id } },
  );
}

/** Sets the new password and signs out every session, then opens a fresh one. */
export async function resetPassword(ctx: Context, raw: unknown) {
  const input = parseInput(ResetInput, raw);
  const row = await consumeToken(ctx.dbs.control, input.token, 'reset_password');
  // Receiving the link proves control of the address, so it also counts as verification.
  const now = nowIso();
  await ctx.dbs.control
    .updateTable('subscribers')
    .set((eb) => ({ email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(now)) }))
    .where('id', '=', row.subscriber_id)
    .execute();
  return { subscriberId: row.subscriber_id, sessionToken: await replacePassword(ctx, row.subscriber_id, input.password) };
}

/**
 * Sets a new password, and with it ends everything the old one opened: every
 * session and every outstanding reset link. Returns a fresh session for the caller.
 */
export async function replacePassword(ctx: Context, subscriberId: string, password: string): Promise<string> {
  const passwordHash = await hashPassword(password);
  await ctx.dbs.control.transaction().execute(async (trx) => {
    await trx.updateTable('subscribers').set({ password_hash: passwordHash, updated_at: nowIso() }).where('id', '=', subscriberId).execute();
    await voidTokens(trx, subscriberId, 'reset_password');
    await revokeAllSessions(trx, subscriberId);
  });
  return createSession(ctx, subscriberId);
}
