// The data processing agreement between the operator of this installation
// (processor) and each subscriber (controller of their sites' visitors' data),
// generated from the running system like the privacy policy: the parties from
// configuration, the visitor data from the data map's site-side entries, the
// periods from the retention rules, the enabled sub-processors, the regions,
// and only the security measures this code really applies. Our own words.
import type { Config } from '../config/config.js';
import { COOKIES, type CookieDeclaration } from '../cookies/registry.js';
import { list, p, table, type PolicyDocument } from '../lib/policy-document.js';
import { DATA_MAP, type Category } from '../privacy/data-map.js';
import { enabledSubProcessors } from '../privacy/sub-processors.js';
import { RULES } from '../retention/rules.js';
import { regionStorage } from './platform-policy.js';

/** What each site-side table holds, whose it is, and what we do with it. */
const VISITOR_DATA: Record<string, { data: string; whose: string; activity: string }> = {
  form_submissions: {
    data: 'What a visitor types into a form (whatever fields you add), the page it was sent from, when, and the consent wording they agreed to',
    whose: 'People who write to you through a form',
    activity: 'Stored, shown in your inbox, and delivered by mail or webhook as you set up',
  },
  jobs: {
    data: 'Copies of form messages waiting to be mailed or posted to your webhook',
    whose: 'People who write to you through a form',
    activity: 'Delivered, then kept briefly to show the outcome',
  },
  consent_records: {
    data: 'Cookie choices (which categories and providers were allowed, whether the browser sent Global Privacy Control), under a random id',
    whose: 'Visitors who answer the cookie banner',
    activity: 'Kept as your proof of consent, in a tamper-evident chain',
  },
  analytics_events: {
    data: 'Pages viewed, custom events, where the visit came from, country and city, device, browser, language, time on page; under a code that changes every day',
    whose: 'Visitors of your sites',
    activity: 'Counted into your analytics, then reduced to totals',
  },
  privacy_requests: {
    data: 'Name, email address, country, what they asked for, and every step and mail of the answer',
    whose: 'Visitors who file a privacy request with your site',
    activity: 'Confirmed, passed to you with the legal deadline, and kept as proof of your answer',
  },
};

const CATEGORY: Record<Category, string> = {
  contact: 'contact details',
  identifier: 'identifiers',
  credential: 'credentials',
  usage: 'usage and technical data',
  content: 'content they write',
  payment: 'payment data',
};

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The site-side tables of the data map that hold visitors' personal data (analytics only when it is on). */
function visitorTables(config: Config) {
  return Object.entries(DATA_MAP.region)
    .map(([name, map]) => ({ name, columns: Object.values(map.personal).filter((c) => c.subject === 'end_user') }))
    .filter((t) => t.columns.length && (config.analytics || t.name !== 'analytics_events'));
}

/** One row per kind of data: a request's steps belong with the request. */
function visitorRows(config: Config) {
  const tables = visitorTables(config);
  const steps = tables.find((t) => t.name === 'privacy_request_log');
  return tables
    .filter((t) => t !== steps)
    .map((t) => (t.name === 'privacy_requests' && steps ? { name: t.name, columns: [...t.columns, ...steps.columns] } : t));
}

function securityMeasures(config: Config): string[] {
  const behindHttps = config.trustProxy !== false;
  return [
    'Visitors’ IP addresses and browser details are used in memory (for rate limits, the country of a visit and the device type) and never written to a database.',
    config.analytics
      ? 'Analytics tell visitors apart only within one day, by a hash whose random secret is deleted after 48 hours; no cookie is needed unless the visitor allows one.'
      : 'Visitor analytics are switched off on this installation.',
    'Each site’s visitor data is kept in a separate database for the data region you chose, and is read only through the site it belongs to: every request from the dashboard is checked against your workspace membership.',
    'Passwords are stored only as Argon2id hashes; sign-in sessions and one-time links only as hashes of their secrets. Repeated wrong passwords are slowed down and then refused.',
    'Form messages, cookie choices and privacy requests are accepted at a limited rate from any one network, and forms carry single-use tokens against automated abuse.',
    'Webhook deliveries are signed (HMAC-SHA256) so your endpoint can check they came from us' +
      (config.webhooksAllowPrivate ? '.' : ', and may not target addresses on our private network.'),
    'Cookie choices are stored in an append-only chain of hashes, so a changed or removed record can be detected.',
    'Published pages are served with a strict Content Security Policy and other protective headers.',
    ...(behindHttps
      ? ['Connections reach us through an HTTPS front; behind it, cookies are marked Secure and browsers are told to use HTTPS only (HSTS).']
      : []),
    ...(config.databaseUrl ? [] : ['Deleted rows are overwritten in the database files (SQLite secure delete), so erased data does not linger on disk.']),
    'The retention periods of this agreement are enforced by the system itself: a sweep runs every hour and deletes what has passed its time.',
  ];
}

export function dataProcessingAgreement(config: Config): PolicyDocument {
  const tables = visitorTables(config);
  const parties = enabledSubProcessors(config);
  const siteCookies = (Object.values(COOKIES) as CookieDeclaration[]).filter((c) => c.scope === 'site');
  const rules = unique([...tables.flatMap((t) => t.columns.map((c) => c.rule)), 'site.deletion'])
    .map((id) => RULES.find((r) => r.id === id))
    .filter((r) => r !== undefined);
  const operator = `${config.operatorName}${config.operatorAddress ? `, ${config.operatorAddress}` : ''}`;
  return {
    title: `Data processing agreement of ${config.operatorName}`,
    facts: {
      cookies: siteCookies.map((c) => c.name).sort(),
      subProcessors: parties.map((s) => s.id).sort(),
      regions: config.regions.map((r) => r.id),
      purposes: unique(tables.flatMap((t) => t.columns.map((c) => c.purpose))).sort(),
      retention: Object.fromEntries(rules.map((r) => [r.id, r.keptFor(config)])),
    },
    sections: [
      {
        id: 'parties',
        title: 'Who this agreement is between',
        blocks: [
          p(
            `${operator} runs this website builder at ${config.publicUrl.origin} and processes personal data for you under this agreement: we are the processor. Questions about it go to ${config.privacyContact}.`,
          ),
          p(
            'You are the subscriber who accepts it in the dashboard, for yourself or for the organisation whose workspace you manage. For the people who visit your sites, you decide why and how their data is used: you are the controller.',
          ),
          p('Our privacy policy covers what we do with your own account data; this agreement covers your visitors’ data.'),
        ],
      },
      {
        id: 'scope',
        title: 'What it covers and for how long',
        blocks: [
          p(
            'It covers the personal data of your sites’ visitors that passes through or is kept by this installation while we host your sites. It applies from the moment you accept it until your account is deleted, and after that for as long as any of that data still exists with us.',
          ),
        ],
      },
      {
        id: 'purposes',
        title: 'What we do for you',
        blocks: [
          p('We process your visitors’ data only to provide these parts of the service, and only as your settings say:'),
          list([
            'Hosting your published sites: every request of a visitor reaches our servers.',
            'Form messages: storing what visitors send through your forms and delivering it to you by mail or webhook.',
            ...(config.analytics ? ['Visitor analytics: counting visits and events on your sites for your analytics screen.'] : []),
            'Consent: showing your cookie banner and keeping the choices visitors make as your proof of consent.',
            'Privacy requests: taking your visitors’ requests about their data, confirming their address and passing them to you.',
          ]),
          p(
            'Your settings in the dashboard (the forms you add and their fields, how long form messages are kept, your banner, your webhooks, the data region of each site) are your instructions. We do not use your visitors’ data for anything else: not for our own marketing, not for advertising, not to build profiles, and we never sell it. If we believe an instruction breaks data protection law, we tell you.',
          ),
        ],
      },
      {
        id: 'data',
        title: 'Whose data, and which',
        blocks: [
          table(
            ['Data', 'Whose', 'What we do with it', 'Kinds of data'],
            visitorRows(config).map((t) => {
              const words = VISITOR_DATA[t.name];
              return [
                words?.data ?? t.name.replace(/_/g, ' '),
                words?.whose ?? 'Visitors of your sites',
                words?.activity ?? unique(t.columns.map((c) => c.purpose)).join('; '),
                unique(t.columns.map((c) => CATEGORY[c.category])).join(', '),
              ];
            }),
          ),
          p(
            `On your sites, visitors’ browsers may also hold these cookies: ${siteCookies.map((c) => c.name).join(', ')}. Each published site lists them on its cookie settings page. Your forms decide what else visitors tell you; do not ask for more than you need, and avoid special categories of data (such as health) unless you have a clear legal basis.`,
          ),
        ],
      },
      {
        id: 'retention',
        title: 'How long your visitors’ data is kept',
        blocks: [
          table(
            ['What', 'Kept'],
            rules.map((r) => [r.what, r.keptFor(config)]),
          ),
          p('You can delete any form message, and any site with all its data, sooner.'),
        ],
      },
      {
        id: 'sub-processors',
        title: 'Other parties we use',
        blocks: [
          p(
            'You allow us to use these parties, which this installation is configured to use. Each is bound to protect the data at least as this agreement asks of us:',
          ),
          table(
            ['Who', 'What for', 'Which data', 'Where'],
            parties.map((s) => [s.name(config), s.purpose, s.data.join('; '), s.location(config)]),
          ),
          p(
            `Before we add or replace a party, we tell you by mail at least ${config.policyNoticeDays} days before the change takes effect. If you object, tell us; if we cannot meet your objection, you may stop using the service and take your data with you before the change.`,
          ),
        ],
      },
      {
        id: 'where',
        title: 'Where your visitors’ data is stored',
        blocks: [
          p('Each site’s visitor data stays in the data region you chose for that site:'),
          table(
            ['Region', 'Stored in'],
            config.regions.map((r) => [r.name, regionStorage(config, r)]),
          ),
          p('It leaves that region only to go to the parties above, for example a form message mailed to you.'),
        ],
      },
      {
        id: 'security',
        title: 'How we protect it',
        blocks: [
          p('These measures are part of how this installation works, not promises on paper:'),
          list(securityMeasures(config)),
          p('Everyone who runs this installation for us and can reach your visitors’ data is bound to keep it confidential.'),
        ],
      },
      {
        id: 'requests',
        title: 'Helping you answer your visitors',
        blocks: [
          p(
            'Every published site has a page where visitors can ask to see, correct, export or erase their data. Once they confirm their email address, the request reaches you (by mail and in the dashboard) with the deadline of the law that applies to them, never our staff. The dashboard helps you answer it: it finds what your site holds about that visitor, downloads it for them, corrects or erases it (and tells your webhooks of the erasure), and mails them your answer.',
          ),
          p('If a visitor writes to us instead, we send them to you and do not answer for you.'),
        ],
      },
      {
        id: 'breaches',
        title: 'If something goes wrong',
        blocks: [
          p(
            'If we learn that your visitors’ data was lost, changed, disclosed or accessed without permission, we tell you without undue delay, by mail to your account’s address, with what we know: what happened, which data and roughly how many people, what we have done and what you may need to do. We add what we learn later, and help you tell the authority and the people affected where the law asks you to.',
          ),
        ],
      },
      {
        id: 'checks',
        title: 'Showing that we keep to it',
        blocks: [
          p(
            'We answer your questions about how your visitors’ data is handled, in writing. If you need more, an auditor you choose, bound to confidentiality, may check with reasonable notice, in a way that does not expose other subscribers’ data.',
          ),
        ],
      },
      {
        id: 'end',
        title: 'When you leave',
        blocks: [
          p(
            'You can take your data with you at any time: Account → Your data → Download my data gives you every site with its form messages, and each site’s Consent screen exports its cookie choices. When you delete a site, or your account, we erase all of that site’s visitor data at once, records of privacy requests included, and the stored files no other site uses. Until then, each kind of data is deleted when its period in the table above ends.',
          ),
        ],
      },
      {
        id: 'changes',
        title: 'Changes to this agreement',
        blocks: [
          p(
            'This agreement is generated from how the system is configured, so it changes when the system does; every version is kept and can be read. A change is material when it adds a purpose or a party, adds a kind of cookie on your sites, or changes a retention period. We mail you about a material change before it takes effect, and ask you to accept the new version the next time you publish a site with forms or analytics. Other changes (such as a new address for us) apply without a new acceptance.',
          ),
        ],
      },
    ],
  };
}
