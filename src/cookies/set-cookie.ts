// The one way Atrium sets cookies: only declared names, with the declared
// lifetime and flags. An onSend guard also rejects any undeclared Set-Cookie
// that a plugin might try to slip through.
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

/** Strips every cookie and throws if a response tries to set one that is not in the registry. */
export function enforceCookieRegistry(reply: FastifyReply) {
  const header = reply.getHeader('set-cookie');
  if (header === undefined) return;
  for (const c of [header].flat().map(String)) {
    const name = c.slice(0, c.indexOf('='));
    if (!cookieDeclaration(name)) {
      reply.removeHeader('set-cookie');
      throw new Error(`refusing to set undeclared cookie ${name}`);
    }
  }
}
