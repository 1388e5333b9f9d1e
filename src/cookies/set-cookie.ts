// The one way Atrium sets cookies: only declared names, with the declared
// lifetime and flags. An onSend guard also rejects any undeclared Set-Cookie
// that a plugin might try to slip through. The one exception is deleting a
// cookie a published site declared for its own snippets, when the visitor
// refuses its category: the route names those cookies for its own response,
// and only an expiring, empty Set-Cookie for exactly those names passes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COOKIES, cookieDeclaration, type CookieName } from './registry.js';

export function setCookie(req: FastifyRequest, reply: FastifyReply, name: CookieName, value: string) {
  const d = COOKIES[name];
  reply.setCookie(name, value, {
    path: '/',
    httpOnly: d.httpOnly,
    sameSite: d.sameSite,
    secure: req.protocol === 'https',
    ...(d.maxAgeSeconds === null ? {} : { maxAge: d.maxAgeSeconds }),
  });
}

export function clearCookie(req: FastifyRequest, reply: FastifyReply, name: CookieName) {
  const d = COOKIES[name];
  reply.clearCookie(name, { path: '/', httpOnly: d.httpOnly, sameSite: d.sameSite, secure: req.protocol === 'https' });
}

/** Per response: the undeclared names it may delete (a site's own declared cookies), and nothing else. */
const deletions = new WeakMap<FastifyReply, Set<string>>();

const COOKIE_NAME = /^[A-Za-z0-9_.-]{1,120}$/;

/**
 * Deletes cookies a published site declared for its snippets (first-party,
 * not Atrium's own): an empty value that expired, on path / of the site's host
 * and of its domain (a script may have set either). Setting them is still refused.
 */
export function expireSiteCookies(req: FastifyRequest, reply: FastifyReply, names: string[], host: string) {
  const allowed = deletions.get(reply) ?? new Set<string>();
  deletions.set(reply, allowed);
  const secure = req.protocol === 'https' ? '; Secure' : '';
  const headers: string[] = [];
  for (const name of names) {
    if (!COOKIE_NAME.test(name) || cookieDeclaration(name)) throw new Error(`refusing to expire cookie ${name}`);
    allowed.add(name);
    for (const domain of ['', `; Domain=${host}`])
      headers.push(`${name}=; Path=/${domain}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax${secure}`);
  }
  if (headers.length) reply.header('set-cookie', headers);
}

const isDeletion = (header: string, name: string) => header.startsWith(`${name}=;`) && /;\s*Max-Age=0\s*(;|$)/i.test(header);

/** Strips every cookie and throws if a response tries to set one that is not in the registry. */
export function enforceCookieRegistry(reply: FastifyReply) {
  const header = reply.getHeader('set-cookie');
  if (header === undefined) return;
  for (const c of [header].flat().map(String)) {
    const name = c.slice(0, c.indexOf('='));
    if (!cookieDeclaration(name) && !(deletions.get(reply)?.has(name) && isDeletion(c, name))) {
      reply.removeHeader('set-cookie');
      throw new Error(`refusing to set undeclared cookie ${name}`);
    }
  }
}
