// A site's cookie table, generated (never written by hand) from what the site
// really holds: Atrium's own site cookies from the cookie registry (the form
// token only with a form; the consent cookies only when there is something to
// consent to; the analytics visitor cookie only when the banner offers
// analytics, since the visitor's analytics consent is what sets it), the cookies of the embed providers the site really embeds
// (third-party, on the provider's domain) and the cookies the site's snippets
// declare (first-party). The preferences page shows it and browser tests
// compare the cookies really set against it.
import { COOKIES, type CookieDeclaration } from '../cookies/registry.js';
import type { ConsentCategory, SiteDocument } from '../site-document/schema.js';
import { siteCategories, siteConsentItems } from './page-needs.js';
import { PROVIDERS } from './providers.js';
import { declaredSiteCookies } from './site-cookies.js';
import { fill, type ConsentStrings } from './strings.js';

export interface CookieRow {
  /** May end with * for a family of names (e.g. _ga_*). */
  name: string;
  /** first: the site's own domain; third: the provider's domain, once its content loads. */
  party: 'first' | 'third';
  /** "site" for Atrium's and the snippets' cookies, else the provider's name ("YouTube"). */
  setBy: string;
  /** The snippet that sets it, for snippets' cookies. */
  snippet?: string;
  purpose: string;
  /** Lifetime in days; 0 ends with the browser session. */
  days: number;
  category: ConsentCategory;
  policyUrl?: string;
}

const DAY = 24 * 60 * 60;

// What the visitor asked for (preferences) needs no consent either: listed with the necessary cookies.
const registryCategory = (d: CookieDeclaration): ConsentCategory =>
  d.category === 'essential' || d.category === 'security' || d.category === 'preferences' ? 'necessary' : d.category;

const registryRow = (d: CookieDeclaration): CookieRow => ({
  name: d.name,
  party: 'first',
  setBy: 'site',
  purpose: d.purpose,
  days: d.maxAgeSeconds === null ? 0 : Math.round(d.maxAgeSeconds / DAY),
  category: registryCategory(d),
});

const hasForm = (doc: SiteDocument) => doc.pages.some((p) => p.blocks.some((b) => b.type === 'form'));

const ORDER: ConsentCategory[] = ['necessary', 'functional', 'analytics', 'marketing'];

/**
 * Every cookie this site can cause in a visitor's browser, necessary first. `protected`: the site or a page
 * of it asks for a password (not part of the document: passwords change without a publish), which sets u_sp.
 */
export function cookieTable(doc: SiteDocument, opts: { protected?: boolean } = {}): CookieRow[] {
  const rows: CookieRow[] = [];
  const items = siteConsentItems(doc);
  if (hasForm(doc)) rows.push(registryRow(COOKIES.c_r_id_));
  if (opts.protected) rows.push(registryRow(COOKIES.u_sp));
  const asks = doc.consent.mode !== 'off' && items.length > 0;
  if (asks) rows.push(registryRow(COOKIES.cookie_consent), registryRow(COOKIES.c_id));
  // A multi-language site's switcher remembers the visitor's pick (src/hosting/language.ts).
  if (doc.languages.length) rows.push(registryRow(COOKIES.lang));
  // Atrium's own visitor analytics counts returning visitors with it once analytics is allowed (src/analytics/collector.ts).
  if (asks && siteCategories(doc).includes('analytics')) rows.push(registryRow(COOKIES.usr));

  for (const c of declaredSiteCookies(doc))
    rows.push({ name: c.name, party: 'first', setBy: 'site', snippet: c.snippet.name, purpose: c.purpose, days: c.days, category: c.category });

  const providers = new Map<string, (typeof items)[number]>();
  for (const item of items) if (item.provider && item.provider !== 'iframe' && !providers.has(item.provider)) providers.set(item.provider, item);
  for (const [id, item] of providers) {
    const p = PROVIDERS[id as keyof typeof PROVIDERS];
    for (const c of p.cookies)
      rows.push({
        name: c.name,
        party: 'third',
        setBy: p.name,
        purpose: c.purpose,
        days: c.days,
        category: item.category,
        ...(p.policyUrl ? { policyUrl: p.policyUrl } : {}),
      });
  }
  return rows
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category) || i - j)
    .map(([r]) => r);
}

/** A lifetime in words: "Until you close the browser", "1 day", "180 days", "1 year", "2 years". */
export function durationInWords(days: number, s: ConsentStrings['cookieTable'], lang: string): string {
  if (days <= 0) return s.session;
  if (days % 365 === 0) return days === 365 ? s.year : fill(s.years, { n: String(days / 365) });
  // The strings have a plural only ("{n} days"); one day in the language's own words.
  if (days === 1) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(1);
  return fill(s.days, { n: String(days) });
}
