import { createHash, randomBytes } from 'node:crypto';

/** A prefixed random id, e.g. site_Xk3...; the prefix makes ids self-describing in logs. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** A secret for links and cookies: 256 bits. Only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

export const nowIso = () => new Date().toISOString();
