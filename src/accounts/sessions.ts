// Server-side sessions: the cookie holds a random token, the database holds its
// hash, so sessions can be listed, revoked and expire on the server. A session
// ends 365 days after sign-in (the cookie's declared duration) or after
// ATRIUM_SESSION_IDLE_DAYS without use, whichever comes first.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { ControlDatabase } from '../db/schema.js';
import { newSecret, sha256 } from '../lib/ids.js';
import { COOKIES } from '../cookies/registry.js';

const LIFETIME_MS = COOKIES.atrium_session.maxAgeSeconds * 1000;

export interface AuthenticatedSession {
  sessionId: string;
  subscriber: { id: string; name: string; email: string; emailVerified: boolean };
}

/** Use is recorded at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 3600_000;

export async function createSession(ctx: Context, subscriberId: string): Promise<string> {
  const token = newSecret();
  const now = ctx.clock.now();
  await ctx.dbs.control
    .insertInto('sessions')
    .values({
      id: sha256(token),
      subscriber_id: subscriberId,
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LIFETIME_MS).toISOString(),
    })
    .execute();
  return token;
}

export async function authenticate(ctx: Context, token: string | undefined): Promise<AuthenticatedSession | null> {
  if (!token || token.length > 100) return null;
  const now = ctx.clock.now();
  const idleSince = new Date(now.getTime() - ctx.config.sessionIdleDays * 24 * 3600_000).toISOString();
  const row = await ctx.dbs.control
    .selectFrom('sessions')
    .innerJoin('subscribers', 'subscribers.id', 'sessions.subscriber_id')
    .select(['sessions.id as sessionId', 'sessions.last_used_at', 'subscribers.id', 'subscribers.name', 'subscribers.email', 'subscribers.email_verified_at'])
    .where('sessions.id', '=', sha256(token))
    .where('sessions.expires_at', '>', now.toISOString())
    .where('sessions.last_used_at', '>', idleSince)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS)
    await ctx.dbs.control.updateTable('sessions').set({ last_used_at: now.toISOString() }).where('id', '=', row.sessionId).execute();
  return { sessionId: row.sessionId, subscriber: { id: row.id, name: row.name, email: row.email, emailVerified: row.email_verified_at !== null } };
}

export async function revokeSession(db: Kysely<ControlDatabase>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export async function revokeAllSessions(db: Kysely<ControlDatabase>, subscriberId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('subscriber_id', '=', subscriberId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The CSRF token of a session: an HMAC of the session token. A cross-site page
 * cannot read the HttpOnly cookie, so it cannot compute this; nothing is stored.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('atrium-csrf-v1').digest('base64url');
}
