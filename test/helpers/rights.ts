// Setting the scene for privacy requests over HTTP, as people would: a
// published site with a contact form, visitors who write through it, and
// requests filed and confirmed through the links mailed to the requester (on
// the site's own host for its visitors, on the platform for Atrium itself).
import type { HttpClient } from './http.js';
import type { TestServer } from './server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const CONTACT_FORM = {
  type: 'form',
  props: {
    id: 'contact',
    heading: 'Write to us',
    fields: [
      { name: 'name', type: 'text', label: 'Your name', required: true },
      { name: 'email', type: 'email', label: 'Email', required: true },
      { name: 'message', type: 'textarea', label: 'Message', required: true },
    ],
    buttonLabel: 'Send',
  },
};

/** An analytics snippet, so the site asks visitors for their cookie choices. */
const STATS = {
  id: 'stats',
  name: 'Site stats',
  placement: 'head',
  category: 'analytics',
  code: '<script>window.statsLoaded = true;</script>',
  cookies: [{ name: '_st_id', purpose: 'Tells visits apart for the visit counter.', days: 30 }],
};

/** Creates and publishes a site with the contact form on /write (and, with `consent`, a cookie banner); returns its id. */
export async function publishSiteWithForm(
  owner: HttpClient,
  name: string,
  slug: string,
  opts: { region?: string; consent?: boolean } = {},
): Promise<{ id: string; slug: string }> {
  const created = await owner.post('/api/sites', { name, slug, template: 'saas', region: opts.region ?? 'de-frankfurt' });
  if (created.status !== 201) throw new Error(`site not created: ${created.text}`);
  const doc = created.json.document;
  doc.pages.push({ id: 'write', path: '/write', title: 'Write', description: '', blocks: [CONTACT_FORM] });
  if (opts.consent) {
    doc.consent = { mode: 'categories', gpcRefusesAnalytics: false, wording: {} };
    doc.snippets = [STATS];
  }
  const saved = await owner.put(`/api/sites/${created.json.id}/draft`, { revision: created.json.revision, document: doc });
  if (saved.status !== 200) throw new Error(`draft not saved: ${saved.text}`);
  const published = await owner.post(`/api/sites/${created.json.id}/publish`);
  if (published.status !== 201) throw new Error(`not published: ${published.text}`);
  return { id: created.json.id, slug };
}

/** Visitors send the form on the site's host (each needs a fresh token, usable after two seconds). */
export async function sendMessages(t: TestServer, slug: string, messages: Record<string, string>[]): Promise<void> {
  const host = `${slug}.localhost`;
  const visitor = t.client();
  const tokens: string[] = [];
  for (const _ of messages) {
    const page = await visitor.get('/write', { host });
    tokens.push(page.headers['set-cookie']!.find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!);
  }
  await sleep(2100);
  for (const [i, body] of messages.entries()) {
    const r = await visitor.request('POST', '/_atrium/forms/contact', undefined, {
      host,
      raw: new URLSearchParams(body).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: tokens[i]! },
    });
    if (r.status !== 201) throw new Error(`form not sent: ${r.status} ${r.text}`);
  }
}

/** A visitor answers the site's cookie banner; returns the id of their consent record (shown on the site's cookie settings page). */
export async function recordConsent(
  t: TestServer,
  slug: string,
  choices = { functional: false, analytics: true, marketing: false, providers: [] },
): Promise<string> {
  const host = `${slug}.localhost`;
  const visitor = t.client();
  const page = await visitor.get('/_atrium/cookies', { host });
  const version = /name="version" value="([0-9a-f]{64})"/.exec(page.text)?.[1];
  if (!version) throw new Error(`no consent version on ${slug}: ${page.status}`);
  const r = await visitor.request('POST', '/_atrium/consent', undefined, {
    host,
    raw: JSON.stringify({ version, choices }),
    headers: { 'content-type': 'application/json' },
  });
  if (r.status !== 200) throw new Error(`consent not recorded: ${r.status} ${r.text}`);
  return r.json.id as string;
}

export interface RequestInput {
  type: string;
  email: string;
  country: string;
  subdivision?: string;
  name?: string;
  details?: string;
}

/** A visitor files a request on the site's host and confirms it with the mailed link; returns its id. */
export async function fileOnSite(t: TestServer, slug: string, input: RequestInput): Promise<string> {
  const host = `${slug}.localhost`;
  const visitor = t.client();
  const filed = await visitor.post('/_atrium/privacy', { details: 'About the messages I sent you.', ...input }, { host });
  if (filed.status !== 202) throw new Error(`request not filed: ${filed.status} ${filed.text}`);
  const token = await t.smtp.waitFor(input.email, new RegExp(`${slug}\\.localhost:\\d+/_atrium/privacy/confirm\\?token=([A-Za-z0-9_-]+)`));
  const confirmed = await visitor.post('/_atrium/privacy/confirm', { token }, { host });
  if (confirmed.status !== 200) throw new Error(`request not confirmed: ${confirmed.status} ${confirmed.text}`);
  return confirmed.json.id as string;
}

/** Someone files a request to the platform and confirms it with the mailed link; returns its id. */
export async function fileOnPlatform(t: TestServer, input: RequestInput): Promise<string> {
  const anyone = t.client();
  const filed = await anyone.post('/api/privacy-requests', { details: 'Everything you hold about me, please.', ...input });
  if (filed.status !== 202) throw new Error(`request not filed: ${filed.status} ${filed.text}`);
  const token = await t.smtp.waitFor(input.email, /privacy-request\/confirm\?token=([A-Za-z0-9_-]+)/);
  const confirmed = await anyone.post('/api/privacy-requests/confirm', { token });
  if (confirmed.status !== 200) throw new Error(`request not confirmed: ${confirmed.status} ${confirmed.text}`);
  return confirmed.json.id as string;
}

/** The text of the newest mail to an address whose text matches, with quoted-printable soft breaks undone. */
export function lastMailTo(t: TestServer, to: string, match: RegExp): string | undefined {
  for (const m of [...t.smtp.mails].reverse()) {
    const text = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    if (m.to.includes(to) && match.test(text)) return text;
  }
  return undefined;
}
