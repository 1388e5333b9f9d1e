// A published site's own privacy notice, generated at each publish from what
// the site really does: its forms and their fields and how long messages are
// kept, visitor analytics (and the beacon), the embeds and custom code with
// their providers, the cookie table, the consent banner, the data region and
// the subscriber's contact. The Privacy policy block shows it (src/blocks/
// privacy-policy.tsx). Our own plain words; English for now.
import { p, table, type PolicyDocument } from '../lib/policy-document.js';
import { REGION_INFO, isRegion } from '../regions/regions.js';
import type { SiteDocument } from '../site-document/schema.js';
import { cookieTable } from './cookie-table.js';
import { siteConsentItems } from './page-needs.js';
import { PROVIDERS } from './providers.js';

export interface SiteFacts {
  siteName: string;
  region: string;
  /** Visitor analytics counted by Atrium on this installation (ATRIUM_ANALYTICS). */
  analytics: boolean;
  /** How many webhook endpoints receive form messages. */
  webhooks: number;
}

const CATEGORY = { functional: 'functional', analytics: 'analytics', marketing: 'marketing' } as const;
const days = (n: number) => (n <= 0 ? 'until the browser closes' : n % 365 === 0 ? (n === 365 ? '1 year' : `${n / 365} years`) : `${n} days`);

export function sitePolicy(doc: SiteDocument, facts: SiteFacts, contact?: string): PolicyDocument {
  const forms = doc.pages.flatMap((page) =>
    page.blocks
      .filter((b) => b.type === 'form')
      .map((b) => ({ page, form: b.props as { id: string; heading?: string; fields: { label: string; type: string }[] } })),
  );
  const items = siteConsentItems(doc);
  const cookies = cookieTable(doc);
  const region = isRegion(facts.region) ? REGION_INFO[facts.region].name : facts.region;
  const months = doc.forms?.retentionMonths ?? 24;
  const who = contact ? `Write to ${contact}` : 'Use this site’s privacy request page (/_atrium/privacy)';
  return {
    title: `Privacy on ${facts.siteName}`,
    facts: {
      cookies: cookies.map((c) => c.name),
      subProcessors: ['atrium', ...(facts.webhooks ? ['webhooks'] : []), ...[...new Set(items.map((i) => i.provider ?? i.name))]],
      regions: [facts.region],
      purposes: [...(forms.length ? ['answer messages'] : []), ...(facts.analytics ? ['count visits'] : [])],
      retention: { forms: months ? `${months} months` : 'as long as the site' },
    },
    sections: [
      {
        id: 'who',
        title: 'Who is responsible',
        blocks: [
          p(`${facts.siteName} is responsible for the personal data this website handles. ${who} for any question about it.`),
          p(`The site is built and hosted with Atrium, which handles visitors’ data only on our behalf and stores it in its ${region} data region.`),
        ],
      },
      {
        id: 'forms',
        title: 'Messages you send us',
        blocks: forms.length
          ? [
              p(
                `When you send one of the forms below, we receive what you type. We use it only to answer you${facts.webhooks ? ', and pass it to the tools we answer messages with' : ''}. We keep messages ${months ? `for ${months} months` : 'until we delete them'}, then they are deleted automatically.`,
              ),
              table(
                ['Form', 'Page', 'What it asks'],
                forms.map(({ page, form }) => [
                  form.heading ?? form.id,
                  page.path,
                  form.fields.map((f) => (f.type === 'consent' ? 'your agreement' : f.label)).join(', '),
                ]),
              ),
            ]
          : [p('This site has no forms: it receives nothing you type.')],
      },
      {
        id: 'analytics',
        title: 'Visit statistics',
        blocks: facts.analytics
          ? [
              p(
                `We count visits without cookies and without storing your IP address: the page, where you came from, your country and city (looked up from your IP address, which is then forgotten), your type of device, browser, operating system and language${doc.analytics?.beacon ? ', and, through a small script, your screen size, how long you stay, and clicks on links to other sites and on downloads' : ''}. Visits are grouped under a code that changes every day, so no one can follow you from one day to the next. Details are kept 30 days, totals up to two years.`,
              ),
              p('Only if you allow analytics cookies does a cookie remember that you came before.'),
            ]
          : [p('This site counts no visits.')],
      },
      {
        id: 'third-parties',
        title: 'Content from other services',
        blocks: items.length
          ? [
              p(
                'These parts of the site come from other services. Unless they are needed for the site to work, they load only after you allow their category in the cookie banner; until then, nothing is sent to them.',
              ),
              table(
                ['Service', 'What it is', 'Used for', 'Their policy'],
                items.map((i) => [
                  i.provider && i.provider !== 'iframe' ? PROVIDERS[i.provider].name : i.name,
                  i.kind === 'embed' ? 'content shown on our pages' : 'code we added to the site',
                  CATEGORY[i.category],
                  i.policyUrl ?? (i.provider && i.provider !== 'iframe' ? (PROVIDERS[i.provider].policyUrl ?? '') : ''),
                ]),
              ),
            ]
          : [p('The site loads nothing from other services.')],
      },
      {
        id: 'cookies',
        title: 'Cookies',
        blocks: cookies.length
          ? [
              table(
                ['Cookie', 'Set by', 'What for', 'How long'],
                cookies.map((c) => [c.name, c.party === 'first' ? 'this site' : c.setBy, c.purpose, days(c.days)]),
              ),
              p('You can change your choice at any time with “Cookie settings” at the bottom of every page.'),
            ]
          : [p('This site sets no cookies.')],
      },
      {
        id: 'rights',
        title: 'Your rights',
        blocks: [
          p(
            `You can ask what we hold about you, have it corrected or deleted, restrict or object to its use, and take it elsewhere. File a request on this site’s privacy request page (/_atrium/privacy); we confirm your address first, then answer within the time the law where you live gives us. You may also complain to a data protection authority.`,
          ),
        ],
      },
    ],
  };
}
