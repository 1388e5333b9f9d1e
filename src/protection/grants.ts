// The u_sp cookie: proof of which passwords of a site the visitor entered.
// Its value is one grant per scope, "<scope>~<mac>" joined by ".", where the
// mac is an HMAC (a server secret) over the site id, the scope and the
// password's current version. Each change or removal of a password makes a
// new version, so every earlier grant stops matching at the next request;
// the cookie itself holds nothing about the visitor.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The server secret (src/secrets) that signs grants. */
export const GRANT_SECRET = 'protected-content-grant';
/** A visitor rarely holds more than a few; the cookie stays small. */
const MAX_GRANTS = 20;

export function grantMac(key: Buffer, siteId: string, scope: string, version: string): string {
  return createHmac('sha256', key).update(`u_sp\n${siteId}\n${scope}\n${version}`).digest('base64url').slice(0, 27);
}

/** The grants of a u_sp value, by scope (malformed parts are skipped). */
export function parseGrants(value: string | undefined): Map<string, string> {
  const grants = new Map<string, string>();
  if (!value) return grants;
  for (const part of value.split('.')) {
    const at = part.indexOf('~');
    if (at > 0 && grants.size < MAX_GRANTS) grants.set(part.slice(0, at), part.slice(at + 1));
  }
  return grants;
}

/** The u_sp value from a Cookie header, without parsing the other cookies. */
export function grantCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let at = header.indexOf('u_sp=');
  while (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';') at = header.indexOf('u_sp=', at + 5);
  if (at === -1) return undefined;
  const end = header.indexOf(';', at);
  return header.slice(at + 5, end === -1 ? undefined : end).trim();
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Whether `grants` holds a valid grant for one of `scopes`; `expected` maps each scope to its current mac. */
export function holdsGrant(grants: Map<string, string>, scopes: readonly string[], expected: ReadonlyMap<string, string>): boolean {
  for (const scope of scopes) {
    const mac = grants.get(scope);
    const want = expected.get(scope);
    if (mac !== undefined && want !== undefined && same(mac, want)) return true;
  }
  return false;
}

/** A new u_sp value: the still-valid grants the visitor holds, plus the one just earned. */
export function withGrant(current: string | undefined, expected: ReadonlyMap<string, string>, scope: string): string {
  const kept = [...parseGrants(current)].filter(([s, mac]) => s !== scope && expected.get(s) !== undefined && same(mac, expected.get(s)!));
  return [...kept.slice(-(MAX_GRANTS - 1)), [scope, expected.get(scope)!]].map(([s, mac]) => `${s}~${mac}`).join('.');
}
