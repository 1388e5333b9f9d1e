// The verified-request token of published forms (the c_r_id_ cookie): a
// signed, timestamped value set with every page that holds a form. It proves a
// submission came from someone who loaded the page, at least a few seconds
// earlier (bots post instantly) and less than 24 hours ago. Each token is good
// for one stored submission (its nonce is recorded with it); every answer of
// the form endpoint hands out a fresh one.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const FORM_TOKEN_SECRET = 'form-token';
export const TOKEN_LIFETIME_SECONDS = 24 * 3600;
export const MIN_FILL_SECONDS = 2;

const sign = (key: Buffer, siteId: string, issued: number, nonce: string) =>
  createHmac('sha256', key).update(`${siteId}|${issued}|${nonce}`).digest('base64url');

export function issueFormToken(key: Buffer, siteId: string, nowMs = Date.now()): string {
  const issued = Math.floor(nowMs / 1000);
  const nonce = randomBytes(9).toString('base64url');
  return `${issued}.${nonce}.${sign(key, siteId, issued, nonce)}`;
}

export type TokenCheck = { ok: true; nonce: string; expiresAt: Date } | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'too_fast' };

export function checkFormToken(key: Buffer, siteId: string, token: string | undefined, nowMs = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const [issuedText, nonce, mac] = token.split('.');
  const issued = Number(issuedText);
  if (!Number.isInteger(issued) || !nonce || !mac) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(key, siteId, issued, nonce));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const age = nowMs / 1000 - issued;
  if (age > TOKEN_LIFETIME_SECONDS) return { ok: false, reason: 'expired' };
  if (age < MIN_FILL_SECONDS) return { ok: false, reason: 'too_fast' };
  return { ok: true, nonce, expiresAt: new Date((issued + TOKEN_LIFETIME_SECONDS) * 1000) };
}
