// One-time links sent by mail (email verification, password reset). Only the
// hash of a token is stored, so a database leak does not leak working links.
import type { Kysely } from 'kysely';
import type { ControlDatabase } from '../db/schema.js';
import { newSecret, nowIso, sha256 } from '../lib/ids.js';
import { DomainError } from '../lib/errors.js';

export type TokenPurpose = 'verify_email' | 'reset_password';
const LIFETIME_MS: Record<TokenPurpose, number> = { verify_email: 24 * 3600_000, reset_password: 3600_000 };

export async function issueToken(db: Kysely<ControlDatabase>, subscriberId: string, email: string, purpose: TokenPurpose) {
  const token = newSecret();
  const now = Date.now();
  await db
    .insertInto('email_tokens')
    .values({
      id: sha256(token),
      subscriber_id: subscriberId,
      purpose,
      email,
      expires_at: new Date(now + LIFETIME_MS[purpose]).toISOString(),
      used_at: null,
      created_at: new Date(now).toISOString(),
    })
    .execute();
  return token;
}

/** Marks a token used and returns its row; refuses unknown, used or expired tokens. */
export async function consumeToken(db: Kysely<ControlDatabase>, token: string, purpose: TokenPurpose) {
  const now = nowIso();
  const row = await db
    .updateTable('email_tokens')
    .set({ used_at: now })
    .where('id', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['subscriber_id', 'email'])
    .executeTakeFirst();
  if (!row)
    throw new DomainError('invalid_input', 'this link is invalid, already used or expired; request a new one', {
      issues: [{ path: 'token', message: 'invalid, used or expired' }],
    });
  return row;
}

/** Voids every outstanding link of a purpose, e.g. all reset links once the password changed. */
export async function voidTokens(db: Kysely<ControlDatabase>, subscriberId: string, purpose: TokenPurpose): Promise<void> {
  await db
    .updateTable('email_tokens')
    .set({ used_at: nowIso() })
    .where('subscriber_id', '=', subscriberId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
