// The only way the dashboard talks to Atrium: JSON over the same origin, the
// session cookie, and the CSRF token (from GET /api/session, sign-up, log-in
// and password reset) on every state-changing request. Paths, bodies and answers
// are typed by ./api-types, generated from GET /api/openapi.json.
import createClient from 'openapi-fetch';
import type { components, paths } from './api-types';

/** A refused field: its dotted path and what is wrong with it. */
export type FieldIssue = components['schemas']['FieldIssue'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly retryAfterSeconds?: number,
    /** The rest of the error body (e.g. which agreement a dpa_required refusal asks for). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** What to tell a person about a failed call: the server's sentence, or a fallback for network and other errors. */
export function errorMessage(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.message : fallback;
}

// Every API type comes from the generated ./api-types (npm run gen:api), never copied by hand.
type Schemas = components['schemas'];
export type Subscriber = Schemas['Subscriber'];
export type Theme = Schemas['Theme'];
export type Palette = Theme['palette'];
export type SiteStatus = Schemas['SiteStatus'];
export type SiteSummary = Omit<Schemas['SiteDetail'], 'document'>;
/** A site in the sites list: with the thumbnail's preview. */
export type SiteListItem = Schemas['SiteListItem'];
export type DocumentPreview = Schemas['DocumentPreview'];
/** The draft document as the API answers it. */
export type SiteDocument = Schemas['SiteDocumentOutput'];
export type SiteDetail = Schemas['SiteDetail'];
export type TemplateInfo = Schemas['TemplateInfo'];
export type Meta = paths['/api/meta']['get']['responses'][200]['content']['application/json'];
export type Release = Schemas['Release'];
/** One release with the document it was rendered from, for its preview. */
export type ReleaseDetail = Schemas['ReleaseDetail'];
export type ReleaseReason = Release['reason'];
export type Domain = Schemas['Domain'];
export type Account = Schemas['Account'];
export type UploadedImage = Schemas['Asset'];
export type RegionInfo = Schemas['RegionInfo'];
export type Submission = Schemas['Submission'];
export type Folder = Submission['status'];
export type Webhook = Schemas['Webhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookRetry = Schemas['WebhookRetry'];
/** Whether the site and which of its pages ask visitors for a password. */
export type Protection = Schemas['Protection'];

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

/** Sends the CSRF token on state-changing requests; a stale token (the session changed in another tab) is refreshed once. */
async function withCsrf(request: Request, retried = false): Promise<Response> {
  const again = retried ? null : request.clone();
  if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
  const res = await fetch(request);
  if (res.status === 403 && again) {
    const data = await res
      .clone()
      .json()
      .catch(() => null);
    if (/csrf/i.test(String(data?.message))) {
      await getSession().catch(() => undefined);
      return withCsrf(again, true);
    }
  }
  return res;
}

/**
 * The one client for the API, typed by the generated paths: `api.GET('/api/sites/{siteId}', { params: { path: { siteId } } })`.
 * It answers `{ data, error, response }`; wrap calls in `ok()` to get the data or an ApiError thrown.
 */
export const api = createClient<paths>({ fetch: (request) => withCsrf(request), headers: { accept: 'application/json' }, credentials: 'same-origin' });

/** A failed answer as the ApiError the pages show: the server's sentence, the bad fields, when to retry. */
function apiError(response: Response, error: unknown): ApiError {
  const data = (error && typeof error === 'object' ? error : {}) as { error?: unknown; message?: unknown; issues?: unknown };
  const code = typeof data.error === 'string' ? data.error : `http_${response.status}`;
  const message =
    response.status >= 500
      ? 'Something went wrong on our side. Try again in a moment.'
      : typeof data.message === 'string'
        ? sentence(data.message)
        : `The request failed (${response.status}). Try again.`;
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  const { error: _code, message: _message, issues, ...details } = data as Record<string, unknown>;
  return new ApiError(response.status, code, message, Array.isArray(issues) ? (issues as FieldIssue[]) : [], retryAfter, details);
}

const networkError = () => new ApiError(0, 'network', 'Atrium could not be reached. Check your connection and try again.');

/** The data of a successful call; an ApiError otherwise (status 0 when Atrium could not be reached). */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await call;
  } catch {
    throw networkError();
  }
  if (!r.response.ok) throw apiError(r.response, r.error);
  const data = r.data as T;
  if (data && typeof data === 'object' && 'csrfToken' in data && typeof data.csrfToken === 'string') csrfToken = data.csrfToken;
  return data;
}

/** Sends a file as the raw body with its own Content-Type (image uploads). */
export const rawBody = (file: Blob) => ({
  body: file as unknown as string,
  bodySerializer: (b: unknown) => b as Blob,
  headers: { 'content-type': file.type },
});

/** The address pattern of sites; fetched once. */
let metaPromise: Promise<Meta> | null = null;
export function getMeta(): Promise<Meta> {
  metaPromise ??= ok(api.GET('/api/meta')).catch((e: unknown) => {
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

/** Who is logged in, and whether they are platform staff (who see the operator console). */
export interface Session {
  subscriber: Subscriber;
  operator: boolean;
}

export async function getSession(): Promise<Session | null> {
  try {
    const r = await ok(api.GET('/api/session'));
    return { subscriber: r.subscriber, operator: r.operator };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      csrfToken = null;
      return null;
    }
    throw e;
  }
}
export type ConsentStats = Schemas['ConsentStats'];
export type ConsentChainStatus = Schemas['ConsentChainStatus'];
export type ConsentRecordDetail = paths['/api/sites/{siteId}/consent/records/{recordId}']['get']['responses'][200]['content']['application/json'];
/** A site's visitors per day over the last 7 days (the sites list's sparklines). */
export type SiteVisitors = Schemas['WorkspaceVisitors']['sites'][number];
export type PrivacyRequest = Schemas['PrivacyRequest'];
export type PrivacyRequestStep = Schemas['PrivacyRequestStep'];
export type PrivacyRequestType = PrivacyRequest['type'];
export type CloseOutcome = Schemas['ClosePrivacyRequest'];
export type NewPrivacyRequest = Schemas['NewPrivacyRequest'];
export type VisitorData = Schemas['VisitorData'];
export type ErasureResult = Schemas['ErasureResult'];
export type AccountDeleted = Schemas['AccountDeleted'];
/** The data processing agreement in effect and what the workspace accepted. */
export type DpaStatus = paths['/api/account/dpa']['get']['responses'][200]['content']['application/json'];
export type PolicyNotice = NonNullable<paths['/api/account/policy-notice']['get']['responses'][200]['content']['application/json']['notice']>;
