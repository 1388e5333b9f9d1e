// The only way the dashboard talks to Atrium: JSON over the same origin, the
// session cookie, and the CSRF token (from GET /api/session, sign-up, log-in
// and password reset) on every state-changing request.

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface Subscriber {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
}

export interface Palette {
  primary: string;
  primaryText: string;
  background: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
}

export interface Theme {
  preset?: string;
  palette: Palette;
  fonts: { heading: string; body: string };
  radius: string;
}

export type SiteStatus = 'draft' | 'live' | 'live_with_changes';

export interface SiteSummary {
  id: string;
  name: string;
  slug: string;
  region: string;
  url: string;
  revision: number;
  status: SiteStatus;
  createdAt: string;
  updatedAt: string;
  draftUpdatedAt: string;
  liveReleaseId?: string | null;
  /** A trimmed document for the thumbnail: theme, navigation and the home page's hero. */
  preview?: DocumentPreview;
  /** Unread messages in the site's inbox (sites list only). */
  newSubmissions?: number;
}

export interface DocumentPreview {
  theme: Theme;
  navigation?: { brand?: string; logo?: { src?: string }; links?: unknown[] };
  pages?: { path: string; title?: string; blocks?: { type: string; props: Record<string, unknown> }[] }[];
}

/** The draft document; only the parts the dashboard reads are typed, the rest is kept as it is. */
export interface SiteDocument extends DocumentPreview {
  defaultLanguage: string;
  favicon?: string;
  socialImage?: string;
  [key: string]: unknown;
}

export interface SiteDetail extends SiteSummary {
  document: SiteDocument;
}

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  preview?: DocumentPreview;
}

export interface Meta {
  sitesDomain: string;
  /** e.g. "http://{slug}.localhost:3000" */
  siteUrlTemplate: string;
}

export type ReleaseReason = 'publish' | 'address_change' | 'rollback';

export interface Release {
  id: string;
  contentHash: string;
  reason: ReleaseReason;
  siteUrl: string;
  draftRevision: number;
  pageCount: number;
  totalBytes: number;
  createdAt: string;
  publishedBy: string | null;
  /** For a rollback: the release it made live again. */
  restoredFrom: { id: string; createdAt: string } | null;
  live: boolean;
}

/** One release with the document it was rendered from (GET /api/sites/:id/releases/:rid), for its preview. */
export interface ReleaseDetail extends Release {
  document: SiteDocument;
}

export interface Domain {
  id: string;
  hostname: string;
  status: 'pending' | 'verified';
  verification: { type: 'TXT'; name: string; value: string };
  verifiedAt: string | null;
  lastCheckedAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export interface Account {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  createdAt: string;
  activeSessions: number;
}

export interface UploadedImage {
  id: string;
  src: string;
  width: number;
  height: number;
}

export interface RegionInfo {
  id: string;
  name: string;
  description: string;
}

export type Folder = 'inbox' | 'spam';

/** A message a visitor sent through one of the site's forms. Every value is the visitor's own text. */
export interface Submission {
  id: string;
  formId: string;
  formVersion: string;
  /** Path of the page the form was on, like "/contact". */
  page: string;
  data: Record<string, string | boolean>;
  email: string | null;
  /** The exact consent wording the visitor agreed to, if the form had a consent checkbox. */
  consentText: string | null;
  status: Folder;
  spamReasons: string[];
  read: boolean;
  createdAt: string;
}

export interface Webhook {
  id: string;
  url: string;
  secret: string;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  submissionId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: string;
}

export interface WebhookRetry {
  jobId: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** "pending" while retries remain; "failed" once Atrium gave up. */
  status: string;
}

let csrfToken: string | null = null;

export function forgetCsrf() {
  csrfToken = null;
}

/** "email or password is incorrect" -> "Email or password is incorrect." */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return t[0]!.toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}

/** A request body sent as it is (an uploaded file) rather than as JSON. */
class Raw {
  constructor(
    readonly body: Blob,
    readonly type: string,
  ) {}
}

async function send<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = body instanceof Raw ? body.type : 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : body instanceof Raw ? body.body : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'Atrium could not be reached. Check your connection and try again.');
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const code = typeof data?.error === 'string' ? data.error : `http_${res.status}`;
    // The CSRF token belongs to the session; if the session changed in another tab, fetch the new token once.
    if (res.status === 403 && !retried && /csrf/i.test(String(data?.message))) {
      await getSession().catch(() => undefined);
      return send<T>(method, path, body, true);
    }
    const message =
      res.status >= 500
        ? 'Something went wrong on our side. Try again in a moment.'
        : typeof data?.message === 'string'
          ? sentence(data.message)
          : `The request failed (${res.status}). Try again.`;
    const retryAfter = Number(res.headers.get('retry-after')) || undefined;
    throw new ApiError(res.status, code, message, Array.isArray(data?.issues) ? data.issues : [], retryAfter);
  }
  if (data && typeof data.csrfToken === 'string') csrfToken = data.csrfToken;
  return data as T;
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => send<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => send<T>('PUT', path, body),
  del: <T>(path: string) => send<T>('DELETE', path),
  /** Sends a file as the raw body with its own Content-Type (image uploads). */
  upload: <T>(path: string, file: Blob) => send<T>('POST', path, new Raw(file, file.type)),
};

/** The address pattern of sites; fetched once. */
let metaPromise: Promise<Meta> | null = null;
export function getMeta(): Promise<Meta> {
  metaPromise ??= api.get<Meta>('/api/meta').catch((e: unknown) => {
    metaPromise = null;
    throw e;
  });
  return metaPromise;
}

export function siteUrlFor(meta: Meta, slug: string): string {
  return meta.siteUrlTemplate.replace('{slug}', slug);
}

/** "http://{slug}.localhost:3000" -> ".localhost:3000": what follows the address in the host. */
export function addressSuffix(meta: Meta): string {
  const host = meta.siteUrlTemplate.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  return host.slice(host.indexOf('{slug}') + '{slug}'.length);
}

export async function getSession(): Promise<Subscriber | null> {
  try {
    const r = await api.get<{ subscriber: Subscriber; csrfToken: string }>('/api/session');
    return r.subscriber;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      csrfToken = null;
      return null;
    }
    throw e;
  }
}
