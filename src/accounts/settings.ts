// A subscriber's own account settings: name, email (re-verified), password.
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { nowIso } from '../lib/ids.js';
import { parseInput } from '../lib/validate.js';
import { replacePassword, resendVerification } from './accounts.js';
import { voidTokens } from './email-tokens.js';
import { Password, verifyPassword } from './passwords.js';

const Email = z.string().trim().toLowerCase().max(254).email('must be an email address');
export const UpdateAccountInput = z.object({ name: z.string().trim().min(1, 'is required').max(100) });
export const ChangeEmailInput = z.object({ email: Email, password: z.string().min(1, 'is required').max(256) });
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1, 'is required').max(256), newPassword: Password });

async function subscriber(ctx: Context, id: string) {
  return ctx.dbs.control.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function requirePassword(ctx: Context, id: string, password: string, field: string) {
  const s = await subscriber(ctx, id);
  if (!(await verifyPassword(s.password_hash, password)))
    throw new DomainError('invalid_input', 'the password is not right', { issues: [{ path: field, message: 'is not right' }] });
  return s;
}

export async function getAccount(ctx: Context, id: string) {
  const s = await subscriber(ctx, id);
  const sessions = await ctx.dbs.control
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subscriber_id', '=', id)
    .where('expires_at', '>', nowIso())
    .executeTakeFirstOrThrow();
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    emailVerified: s.email_verified_at !== null,
    createdAt: s.created_at,
    activeSessions: Number(sessions.n),
    processingRestrictedAt: s.processing_restricted_at,
  };
}

export async function updateAccount(ctx: Context, id: string, raw: unknown) {
  const { name } = parseInput(UpdateAccountInput, raw);
  await ctx.dbs.control.updateTable('subscribers').set({ name, updated_at: nowIso() }).where('id', '=', id).execute();
  return getAccount(ctx, id);
}

/** Moves the account to a new address, which must be verified again; the old address is told. */
export async function changeEmail(ctx: Context, id: string, raw: unknown) {
  const input = parseInput(ChangeEmailInput, raw);
  const s = await requirePassword(ctx, id, input.password, 'password');
  if (input.email === s.email) return getAccount(ctx, id);
  const taken = await ctx.dbs.control.selectFrom('subscribers').select('id').where('email', '=', input.email).executeTakeFirst();
  if (taken) throw new DomainError('conflict', 'another account uses this email', { issues: [{ path: 'email', message: 'already registered' }] });
  await ctx.dbs.control.updateTable('subscribers').set({ email: input.email, email_verified_at: null, updated_at: nowIso() }).where('id', '=', id).execute();
  // Reset links went to the old address: they must not open the account any more.
  await voidTokens(ctx.dbs.control, id, 'reset_password');
  await ctx.mailer.send(
    {
      to: s.email,
      subject: 'Your Atrium email address was changed',
      text: `Hi ${s.name},\n\nThe email address of your Atrium account was changed to ${input.email}. If this was not you, reset your password right away and contact your Atrium administrator.\n`,
    },
    { category: 'account', subject: { type: 'subscriber', subscriberId: id } },
  );
  await resendVerification(ctx, id);
  return getAccount(ctx, id);
}

/** Changes the password and signs out every other session; returns a fresh session for this one. */
export async function changePassword(ctx: Context, id: string, raw: unknown) {
  const input = parseInput(ChangePasswordInput, raw);
  await requirePassword(ctx, id, input.currentPassword, 'currentPassword');
  return { sessionToken: await replacePassword(ctx, id, input.newPassword) };
}
