// Server-side sessions: the cookie holds a random token, the database holds its
// hash, so sessions can be listed, revoked and expire on the server.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ControlDatabase } from '../db/schema.js';
import { newSecret, nowIso, sha256 } from '../lib/ids.js';
import { COOKIES } from '../cookies/registry.js';

const LIFETIME_MS = COOKIES.atrium_session.maxAgeSeconds * 1000;

export interface AuthenticatedSession {
  sessionId: string;
  subscriber: { id: string; name: string; email: string; emailVerified: boolean };
}

export async function createSession(db: Kysely<ControlDatabase>, subscriberId: string): Promise<string> {
  const token = newSecret();
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({ id: sha256(token), subscriber_id: subscriberId, created_at: new Date(now).toISOString(), expires_at: new Date(now + LIFETIME_MS).toISOString() })
    .execute();
  return token;
}

export async function authenticate(db: Kysely<ControlDatabase>, token: string | undefined): Promise<AuthenticatedSession | null> {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('subscribers', 'subscribers.id', 'sessions.subscriber_id')
    .select(['sessions.id as sessionId', 'subscribers.id', 'subscribers.name', 'subscribers.email', 'subscribers.email_verified_at'])
    .where('sessions.id', '=', sha256(token))
    .where('sessions.expires_at', '>', nowIso())
    .executeTakeFirst();
  if (!row) return null;
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
