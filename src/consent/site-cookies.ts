// The cookies a site's own snippets declare (first-party, on the site's
// domain), with the category of the snippet that sets them, and which of them
// to delete when the visitor refuses that category; likewise Atrium's own
// non-essential site cookies (the analytics visitor cookie).
import type { ConsentCategory, SiteDocument } from '../site-document/schema.js';
import { COOKIES, cookieDeclaration, type CookieDeclaration, type CookieName } from '../cookies/registry.js';
import type { ConsentChoices } from './choices.js';

export interface DeclaredSiteCookie {
  /** May end with * (a prefix, e.g. _ga_*). */
  name: string;
  purpose: string;
  days: number;
  category: ConsentCategory;
  snippet: { id: string; name: string };
}

/** Every cookie the site's snippets declare (site-wide and per page), once per snippet and name. */
export function declaredSiteCookies(doc: SiteDocument): DeclaredSiteCookie[] {
  const seen = new Set<string>();
  const out: DeclaredSiteCookie[] = [];
  for (const s of [...doc.snippets, ...doc.pages.flatMap((p) => p.snippets)])
    for (const c of s.cookies) {
      const key = `${s.id}\n${c.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: c.name, purpose: c.purpose, days: c.days, category: s.category, snippet: { id: s.id, name: s.name } });
    }
  return out;
}

const COOKIE_NAME = /^[A-Za-z0-9_.-]{1,120}$/;

const granted = (choices: ConsentChoices, category: ConsentCategory) => category === 'necessary' || choices[category];

/**
 * The declared first-party cookies of refused categories to delete: exact
 * names always, prefixes (name*) as the cookies the browser sent that match.
 * Never a cookie of Atrium's registry, nor one a granted snippet declares too.
 */
export function cookiesToExpire(doc: SiteDocument, choices: ConsentChoices, sent: string[]): string[] {
  const declared = declaredSiteCookies(doc);
  const matches = (pattern: string, name: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
  const kept = declared.filter((c) => granted(choices, c.category));
  const names = new Set<string>();
  for (const c of declared) {
    if (granted(choices, c.category)) continue;
    const candidates = c.name.endsWith('*') ? sent.filter((n) => matches(c.name, n)) : [c.name];
    for (const n of candidates) if (COOKIE_NAME.test(n) && !cookieDeclaration(n) && !kept.some((k) => matches(k.name, n))) names.add(n);
  }
  return [...names].sort();
}

/** Atrium's own site cookies of a category the visitor refuses, among those the browser sent: they go too (e.g. usr when analytics is withdrawn). */
export function atriumCookiesToExpire(choices: ConsentChoices, sent: string[]): CookieName[] {
  return (Object.keys(COOKIES) as CookieName[]).filter((name) => {
    const d: CookieDeclaration = COOKIES[name];
    if (d.scope !== 'site' || !sent.includes(name)) return false;
    return (d.category === 'functional' || d.category === 'analytics' || d.category === 'marketing') && !choices[d.category];
  });
}
