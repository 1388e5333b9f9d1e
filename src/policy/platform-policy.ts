// The platform's privacy policy, generated from the running system: the
// operator's details (configuration), the data map (what, why each table
// exists, on which legal basis, for how long), the cookie registry, the enabled sub-processors, the
// regions as configured, the retention rules and the rights with their
// deadlines. Our own words; the seed policy was the model for which sections
// to have, not for the text.
import type { Config } from '../config/config.js';
import { COOKIES, type CookieDeclaration } from '../cookies/registry.js';
import { DATA_MAP, type PersonalColumn, type Subject } from '../privacy/data-map.js';
import { enabledSubProcessors } from '../privacy/sub-processors.js';
import type { RegionConfig } from '../regions/regions.js';
import { RULES } from '../retention/rules.js';
import { describePeriod } from '../rights/deadlines.js';
import { RULES as REGIMES } from '../rights/regimes.js';
import { p, table, type PolicyDocument } from '../lib/policy-document.js';

const BASIS: Record<PersonalColumn['legalBasis'], string> = {
  contract: 'to provide the service you asked for (contract)',
  consent: 'your consent',
  legitimate_interest: 'legitimate interest',
  legal_obligation: 'a legal obligation',
};

/** What a table holds, in words, for the data table of the policy. */
const TABLE_WORDS: Record<string, string> = {
  subscribers: 'Your account: name, email address, password (stored only as a one-way hash), when it was made and confirmed',
  subscriber_consents: 'Consents you gave us (such as product news), with the words you agreed to',
  workspace_members: 'Which workspaces you belong to, and your role',
  sessions: 'Sign-in sessions of the dashboard',
  email_tokens: 'One-time links we mail you',
  releases: 'Who published each version of a site',
  assets: 'Who uploaded each image',
  jobs: 'Work waiting to be done, such as a mail to send',
  policy_seen: 'That you read the notice of a change to this policy',
  privacy_requests: 'Privacy requests: who asked, what, where they live, and our answer',
  privacy_request_log: 'Each step of a privacy request and the mails we sent about it',
  disclosures:
    'A log of each time data was sent to one of the parties listed under “Who else receives data”: to whom, what kind of data, whose and when, never the content',
  form_submissions: 'Messages visitors send through a site’s forms, and the consent wording they agreed to',
  consent_records: 'Cookie choices visitors make on a site, under a random id (no IP address, no browser details)',
  analytics_events: 'Page views and events on a site, under a code that changes every day (no cookie, no IP address)',
};

const human = (s: string) => s.replace(/_/g, ' ');
const unique = <T>(xs: T[]) => [...new Set(xs)];
const duration = (c: CookieDeclaration) => (c.maxAgeSeconds === null ? 'until the browser closes' : describeSeconds(c.maxAgeSeconds));
function describeSeconds(s: number): string {
  const days = Math.round(s / 86_400);
  if (days >= 365 && days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  if (days >= 1) return days === 1 ? '1 day' : `${days} days`;
  return `${Math.round(s / 3600)} hours`;
}

/** The same table name holds something else in a region database. */
const REGION_TABLE_WORDS: Record<string, string> = {
  jobs: 'Form messages waiting to be delivered by mail or webhook',
};

function dataRows(subject: Subject): string[][] {
  const rows: string[][] = [];
  for (const [kind, tables] of Object.entries(DATA_MAP))
    for (const [name, map] of Object.entries(tables)) {
      const columns = Object.values(map.personal).filter((c) => c.subject === subject);
      if (!columns.length) continue;
      const words = (kind === 'region' ? REGION_TABLE_WORDS[name] : undefined) ?? TABLE_WORDS[name] ?? human(name);
      if (rows.some((r) => r[0] === words)) continue; // same table in several databases
      rows.push([words, map.purpose, unique(columns.map((c) => BASIS[c.legalBasis])).join('; '), unique(columns.map((c) => c.retention)).join('; ')]);
    }
  return rows;
}

/** Where a region's data is, as configured (ATRIUM_REGION_<ID>_LOCATION), and how it is stored there (also used by the data processing agreement). */
export function regionStorage(config: Config, region: RegionConfig): string {
  const how = region.url
    ? `a PostgreSQL database at ${new URL(region.url).hostname}`
    : config.databaseUrl
      ? 'the platform’s database server'
      : 'a database file on the server that runs this installation';
  return region.location ? `${region.location} (${how})` : how;
}

export function platformPolicy(config: Config): PolicyDocument {
  const cookies = Object.values(COOKIES) as CookieDeclaration[];
  const parties = enabledSubProcessors(config);
  const scheduled = RULES;
  return {
    title: `Privacy policy of ${config.operatorName}`,
    facts: {
      cookies: cookies.map((c) => c.name).sort(),
      subProcessors: parties.map((s) => s.id).sort(),
      regions: config.regions.map((r) => r.id),
      purposes: unique(Object.values(DATA_MAP).flatMap((t) => Object.values(t).flatMap((m) => Object.values(m.personal).map((c) => c.purpose)))).sort(),
      retention: Object.fromEntries(scheduled.map((r) => [r.id, r.keptFor(config)])),
    },
    sections: [
      {
        id: 'who',
        title: 'Who we are',
        blocks: [
          p(
            `${config.operatorName} runs this website builder (${config.publicUrl.origin}).${config.operatorAddress ? ` Postal address: ${config.operatorAddress}.` : ''} For anything about your personal data, write to ${config.privacyContact}.`,
          ),
          ...(config.privacyOfficer ? [p(`Our privacy officer: ${config.privacyOfficer}.`)] : []),
        ],
      },
      {
        id: 'roles',
        title: 'Whose data, and who decides',
        blocks: [
          p(
            'For the people who sign up and build sites (subscribers), we decide what is done with their data: we are the controller. For the visitors of those sites, the subscriber who runs the site decides; we process their visitors’ data only on the subscriber’s behalf and as this policy and the subscriber’s settings say. A visitor with a question about a site should ask the site first: every published site has a privacy request page at /_atrium/privacy.',
          ),
        ],
      },
      {
        id: 'subscriber-data',
        title: 'What we keep about subscribers, and why',
        blocks: [table(['Data', 'Why', 'Legal basis', 'How long'], dataRows('subscriber'))],
      },
      {
        id: 'visitor-data',
        title: 'What sites keep about their visitors',
        blocks: [
          p('We keep this in the data region the subscriber chose for the site, and nowhere else.'),
          table(['Data', 'Why', 'Legal basis', 'How long'], dataRows('end_user')),
          p(
            'We never store a visitor’s IP address or browser details. Analytics count visits without cookies; a returning visitor is recognised across days only if they allowed analytics cookies.',
          ),
        ],
      },
      {
        id: 'cookies',
        title: 'Cookies',
        blocks: [
          p(
            'These are all the cookies this installation can set. Sites may add others through the content their subscriber embeds; each site lists its own on its cookie settings page and asks before any that is not needed.',
          ),
          table(
            ['Cookie', 'Where', 'What for', 'How long', 'Kind'],
            cookies.map((c) => [c.name, c.scope === 'platform' ? 'this dashboard' : 'published sites', c.purpose, duration(c), c.category]),
          ),
        ],
      },
      {
        id: 'recipients',
        title: 'Who else receives data',
        blocks: [
          p('We sell no personal data and share it with no one for advertising. These parties receive personal data because this installation uses them:'),
          table(
            ['Who', 'What for', 'Which data', 'Whose', 'Where'],
            parties.map((s) => [s.name(config), s.purpose, s.data.join('; '), s.subjects, s.location(config)]),
          ),
        ],
      },
      {
        id: 'where',
        title: 'Where data is stored',
        blocks: [
          p(
            `Accounts and sites: ${config.dataLocation ?? (config.databaseUrl ? `a PostgreSQL database at ${new URL(config.databaseUrl).hostname}` : 'database files on the server that runs this installation')}.`,
          ),
          p('Each site’s visitor data stays in the data region its subscriber chose:'),
          table(
            ['Region', 'Stored in'],
            config.regions.map((r) => [r.name, regionStorage(config, r)]),
          ),
        ],
      },
      {
        id: 'retention',
        title: 'How long we keep data',
        blocks: [
          p('These periods are enforced by the system itself: a sweep runs every hour and deletes what has passed its time.'),
          table(
            ['What', 'Kept'],
            RULES.filter((r) => r.id !== 'accounts.subscription-ended').map((r) => [r.what, r.keptFor(config)]),
          ),
        ],
      },
      {
        id: 'rights',
        title: 'Your rights',
        blocks: [
          p(
            'You can ask for a copy of your data (also in a machine-readable form you can take elsewhere), have it corrected or erased, restrict or object to its use, and withdraw any consent you gave. Most of this works on your own, in your account: download your data, import it into another installation, correct any field, delete your account, change your mail choices, restrict processing.',
          ),
          p(
            'The copy of your data includes our log of each time we sent data about you, or about your sites’ visitors, to one of the parties listed above: when, to whom and what kind of data. The log never keeps what was sent.',
          ),
          p(
            `For anything else, file a request at ${config.publicUrl.origin}/app/privacy-request. We confirm your address first, then answer within the time the law where you live gives us:`,
          ),
          table(
            ['Where you live', 'We answer within', 'If we need longer'],
            Object.values(REGIMES).map((r) => [
              r.name,
              describePeriod(r.respond) + (r.acknowledge ? ` (receipt acknowledged within ${describePeriod(r.acknowledge)})` : ''),
              `${describePeriod(r.extension)} more, told to you in writing with the reasons before the first date`,
            ]),
          ),
          p('If we refuse a request, we say why in writing. You may complain to a data protection authority, in particular where you live or work.'),
          p('Californian residents under 18 may ask us to remove content they posted.'),
        ],
      },
      {
        id: 'changes',
        title: 'Changes to this policy',
        blocks: [
          p(
            'This policy is generated from how the system is actually configured, so it changes when the system does. Every version is kept and can be read. When a change is material (a new purpose, a new recipient or a longer period), we tell subscribers by mail before it takes effect.',
          ),
        ],
      },
    ],
  };
}
