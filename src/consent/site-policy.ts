// A published site's own privacy notice, generated at each publish from what
// the site really does: its forms and their fields and how long messages are
// kept, visitor analytics (and the beacon), the embeds and custom code with
// their providers, the cookie table, the consent banner, the data region and
// the subscriber's contact. The Privacy policy block shows it (src/blocks/
// privacy-policy.tsx). In the site's language (./notice/strings.ts; the
// cookie table's words and the category names are the banner's own).
import { COOKIES } from '../cookies/registry.js';
import { p, table, type PolicyDocument } from '../lib/policy-document.js';
import type { SiteDocument } from '../site-document/schema.js';
import { cookieTable, durationInWords, type CookieRow } from './cookie-table.js';
import { noticeStrings, type SiteCookieName } from './notice/strings.js';
import { siteConsentItems } from './page-needs.js';
import { prefsStrings } from './prefs-strings.js';
import { PROVIDERS } from './providers.js';
import { consentStrings, fill } from './strings.js';

export interface SiteFacts {
  siteName: string;
  /** The site's data region: its id, and its name and location as this installation configures them. */
  region: { id: string; name: string; location?: string };
  /** Visitor analytics counted by Atrium on this installation (ATRIUM_ANALYTICS), and how long it keeps them. */
  analytics: boolean;
  analyticsRawDays?: number;
  analyticsRollupMonths?: number;
  /** How many webhook endpoints receive form messages. */
  webhooks: number;
}

/** The privacy request page every published site has. */
const REQUEST_PAGE = '/_atrium/privacy';

const isAtriumCookie = (r: CookieRow): r is CookieRow & { name: SiteCookieName } =>
  r.setBy === 'site' && !r.snippet && r.name in COOKIES && COOKIES[r.name as keyof typeof COOKIES].scope === 'site';

/** The embed provider that sets a third-party cookie, by the name the cookie table gives it. */
const providerId = (r: CookieRow) => (r.party === 'third' ? Object.values(PROVIDERS).find((p) => p.name === r.setBy)?.id : undefined);

export function sitePolicy(doc: SiteDocument, facts: SiteFacts, contact?: string): PolicyDocument {
  const lang = doc.defaultLanguage;
  const s = noticeStrings(lang);
  const consent = consentStrings(lang);
  const prefs = prefsStrings(lang);
  const forms = doc.pages.flatMap((page) =>
    page.blocks
      .filter((b) => b.type === 'form')
      .map((b) => ({ page, form: b.props as { id: string; heading?: string; fields: { label: string; type: string }[] } })),
  );
  const items = siteConsentItems(doc);
  const cookies = cookieTable(doc);
  const months = doc.forms?.retentionMonths ?? 24;
  const site = facts.siteName;
  const region = facts.region;
  return {
    title: fill(s.title, { site }),
    facts: {
      cookies: cookies.map((c) => c.name),
      subProcessors: ['atrium', ...(facts.webhooks ? ['webhooks'] : []), ...[...new Set(items.map((i) => i.provider ?? i.name))]],
      regions: [region.id],
      purposes: [...(forms.length ? ['answer messages'] : []), ...(facts.analytics ? ['count visits'] : [])],
      retention: { forms: months ? `${months} months` : 'as long as the site' },
    },
    sections: [
      {
        id: 'who',
        title: s.who.title,
        blocks: [
          p(contact ? fill(s.who.responsibleEmail, { site, email: contact }) : fill(s.who.responsiblePage, { site, page: REQUEST_PAGE })),
          p(fill(region.location ? s.who.hostedAt : s.who.hosted, { region: region.name, location: region.location ?? '' })),
        ],
      },
      {
        id: 'forms',
        title: s.forms.title,
        blocks: forms.length
          ? [
              p(`${facts.webhooks ? s.forms.useTools : s.forms.use} ${months ? fill(s.forms.keptMonths, { n: String(months) }) : s.forms.keptUntilDeleted}`),
              table(
                [s.forms.head.form, s.forms.head.page, s.forms.head.asks],
                forms.map(({ page, form }) => [
                  form.heading ?? form.id,
                  page.path,
                  form.fields.map((f) => (f.type === 'consent' ? s.forms.agreement : f.label)).join(', '),
                ]),
              ),
            ]
          : [p(s.forms.none)],
      },
      {
        id: 'analytics',
        title: s.analytics.title,
        blocks: facts.analytics
          ? [
              p(
                `${doc.analytics?.beacon ? s.analytics.countedBeacon : s.analytics.counted} ${fill(s.analytics.grouping, {
                  days: String(facts.analyticsRawDays ?? 30),
                  months: String(facts.analyticsRollupMonths ?? 24),
                })}`,
              ),
              p(s.analytics.returning),
            ]
          : [p(s.analytics.none)],
      },
      {
        id: 'third-parties',
        title: s.services.title,
        blocks: items.length
          ? [
              p(s.services.intro),
              table(
                [s.services.head.service, s.services.head.what, s.services.head.category, s.services.head.policy],
                items.map((i) => [
                  i.provider && i.provider !== 'iframe' ? PROVIDERS[i.provider].name : i.name,
                  i.kind === 'embed' ? s.services.embed : s.services.snippet,
                  consent.categories[i.category].name,
                  i.policyUrl ?? (i.provider && i.provider !== 'iframe' ? (PROVIDERS[i.provider].policyUrl ?? '') : ''),
                ]),
              ),
            ]
          : [p(s.services.none)],
      },
      {
        id: 'cookies',
        title: s.cookies.title,
        blocks: cookies.length
          ? [
              table(
                [consent.cookieTable.name, consent.cookieTable.provider, consent.cookieTable.purpose, consent.cookieTable.duration],
                cookies.map((c) => [
                  c.name,
                  c.party === 'first' ? prefs.thisSite : c.setBy,
                  isAtriumCookie(c) ? s.cookies.purposes[c.name] : (s.cookies.providers[`${providerId(c)}.${c.name}`] ?? c.purpose),
                  durationInWords(c.days, consent.cookieTable, lang),
                ]),
              ),
              p(fill(s.cookies.change, { settings: consent.settingsLink })),
            ]
          : [p(prefs.noCookies)],
      },
      {
        id: 'rights',
        title: s.rights.title,
        blocks: [p(fill(s.rights.text, { page: REQUEST_PAGE }))],
      },
    ],
  };
}
