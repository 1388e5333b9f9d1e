// Which X-Forwarded-* headers to believe. Only hops we trust may speak for the
// client: otherwise anyone could pick the address their rate limits count
// against, or claim HTTPS. ATRIUM_TRUST_PROXY is:
//   false (default)     trust no proxy: the socket's address is the client;
//   a number N          trust the N nearest hops (only when every request
//                       reaches Atrium through exactly that many proxies);
//   addresses / CIDRs   trust hops at these addresses, e.g. 10.0.0.2 or
//                       10.0.0.0/8, loopback, uniquelocal (comma-separated).
//   true                means 1 (one proxy in front, e.g. Caddy on the same machine).
import proxyAddr from '@fastify/proxy-addr';

export type TrustProxy = false | number | string[];
export type TrustFn = (address: string, hop: number) => boolean;

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  proxyAddr.compile(list); // throws on a malformed address, at start-up rather than per request
  return list;
}

export function trustFunction(trust: TrustProxy): TrustFn {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The last value of a header a proxy may have appended to (the nearest proxy's). */
export const lastEntry = (value: string) => value.slice(value.lastIndexOf(',') + 1).trim();
