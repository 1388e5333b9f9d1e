// Configuration from environment variables, with defaults that run Atrium
// embedded (SQLite under ./data, mail to an outbox folder) with no setup.
import path from 'node:path';
import { parseRegions, type RegionConfig } from '../regions/regions.js';
import { ConfigError } from '../lib/config-error.js';
import { parseTrustProxy, type TrustProxy } from '../lib/trust-proxy.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where the dashboard and API are reached, e.g. http://localhost:3000 */
  publicUrl: URL;
  /** Published sites answer at <slug>.<sitesDomain> */
  sitesDomain: string;
  databaseUrl?: string;
  /** The data regions sites may keep their data in, in the order offered (ATRIUM_REGIONS, ATRIUM_REGION_<ID>_*). */
  regions: RegionConfig[];
  smtpUrl?: string;
  mailFrom: string;
  dnsServers: string[];
  /** Which proxies' X-Forwarded-* headers to believe (see lib/trust-proxy.ts). */
  trustProxy: TrustProxy;
  logLevel: string;
  /** Memory for published sites kept ready to serve, per process. */
  serveCacheBytes: number;
  /** First retry delay of failed deliveries (doubles each attempt). */
  retryBaseMs: number;
  /** Let webhooks target private networks (off: protects the server's network from SSRF). */
  webhooksAllowPrivate: boolean;
  /** Form submissions accepted per minute from one network, and to one site. */
  formLimitPerIp: number;
  formLimitPerSite: number;
  /** Consent choices accepted per minute from one network (the address is never stored). */
  consentLimitPerIp: number;
  /** HTTP worker processes; more than one uses every core for serving. */
  workers: number;
  /** Redis for instant cross-process change notices (optional; the database log is polled either way). */
  redisUrl?: string;
  /** How often each process reads the change log of other processes' events (a safety net when Redis is set). */
  changePollMs: number;
  /** A dashboard session ends after this many days without use (and in any case 365 days after sign-in). */
  sessionIdleDays: number;
  /** Background jobs (deliveries) run at once per database in each process. */
  jobConcurrency: number;
  /** Deliveries run in a worker thread of each process, with its own database connections (ATRIUM_JOB_THREAD). */
  jobThread: boolean;
  /** Visitor analytics: counting in the serving path and the beacon endpoint (off: neither). */
  analytics: boolean;
  /** Raw analytics events are kept this many days; the rollups this many months. */
  analyticsRawDays: number;
  analyticsRollupMonths: number;
  /** Beacon events accepted per minute from one IP address (never stored). */
  analyticsBeaconPerIp: number;
  /** Counted hits wait at most this long (ms) before the analytics worker thread gets them. */
  analyticsBatchMs: number;
  /** The analytics worker thread's CPU priority (ATRIUM_ANALYTICS_PRIORITY: idle, low or normal; src/analytics/priority.ts). */
  analyticsPriority: 'idle' | 'low' | 'normal';
  /** How long hits may wait while serving keeps the cores busy (ATRIUM_ANALYTICS_MAX_DELAY, seconds; 0: never; src/analytics/pacing.ts). */
  analyticsMaxDelayMs: number;
  /** Platform staff who answer privacy requests to the platform (ATRIUM_OPERATORS: account emails, comma-separated). */
  operatorEmails: string[];
  /** Who runs this installation, as the privacy policy names them (ATRIUM_OPERATOR_NAME, _ADDRESS). */
  operatorName: string;
  operatorAddress: string | undefined;
  /** Where people write about privacy (ATRIUM_PRIVACY_CONTACT; default: the sender address). */
  privacyContact: string;
  /** The privacy officer, if there is one (ATRIUM_PRIVACY_OFFICER: a name and how to reach them). */
  privacyOfficer: string | undefined;
  /** Where the platform's own data (accounts, sites) is kept, in words (ATRIUM_DATA_LOCATION). */
  dataLocation: string | undefined;
  /** Days between telling subscribers of a material policy change and its taking effect (ATRIUM_POLICY_NOTICE_DAYS). */
  policyNoticeDays: number;
  /** Years a consent record is kept as proof (ATRIUM_CONSENT_PROOF_YEARS). */
  consentProofYears: number;
  /** Days copies of sent mail stay in the outbox folder of the embedded default (ATRIUM_OUTBOX_DAYS). */
  outboxDays: number;
  /** Privacy requests a network may file per hour (ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP). */
  privacyRequestLimitPerIp: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intOr(env.PORT, 3000, 'PORT');
  const publicUrl = new URL(env.ATRIUM_PUBLIC_URL ?? `http://localhost:${port}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.ATRIUM_DATA_DIR ?? './data'),
    publicUrl,
    sitesDomain: (env.ATRIUM_SITES_DOMAIN ?? 'localhost').toLowerCase(),
    databaseUrl: env.ATRIUM_DATABASE_URL || undefined,
    regions: parseRegions(env),
    smtpUrl: env.ATRIUM_SMTP_URL || undefined,
    mailFrom: env.ATRIUM_MAIL_FROM ?? `Atrium <no-reply@${publicUrl.hostname}>`,
    dnsServers: (env.ATRIUM_DNS_SERVERS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(env.ATRIUM_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    serveCacheBytes: Math.max(0, Number(env.ATRIUM_SERVE_CACHE_MB ?? 512) || 0) * 1024 * 1024,
    retryBaseMs: Math.max(10, Number(env.ATRIUM_RETRY_BASE_MS ?? 30_000) || 30_000),
    webhooksAllowPrivate: env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE === 'true' || env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE === '1',
    formLimitPerIp: Math.max(1, Number(env.ATRIUM_FORM_LIMIT_PER_IP ?? 10) || 10),
    formLimitPerSite: Math.max(1, Number(env.ATRIUM_FORM_LIMIT_PER_SITE ?? 600) || 600),
    consentLimitPerIp: Math.max(1, Number(env.ATRIUM_CONSENT_LIMIT_PER_IP ?? 30) || 30),
    workers: Math.max(1, Math.min(64, Number(env.ATRIUM_WORKERS ?? 1) || 1)),
    redisUrl: env.ATRIUM_REDIS_URL || undefined,
    jobConcurrency: Math.max(1, Math.min(1000, Number(env.ATRIUM_JOB_CONCURRENCY ?? 32) || 32)),
    jobThread: onOff(env.ATRIUM_JOB_THREAD, true),
    sessionIdleDays: Math.max(1, Number(env.ATRIUM_SESSION_IDLE_DAYS ?? 30) || 30),
    changePollMs: Math.max(50, Number(env.ATRIUM_CHANGE_POLL_MS ?? 1000) || 1000),
    analytics: !['off', 'false', '0'].includes((env.ATRIUM_ANALYTICS ?? 'on').toLowerCase()),
    // At least 2: the rollup job recomputes today and yesterday from raw events.
    analyticsRawDays: Math.max(2, Math.min(3650, Number(env.ATRIUM_ANALYTICS_RAW_DAYS ?? 30) || 30)),
    analyticsRollupMonths: Math.max(1, Math.min(1200, Number(env.ATRIUM_ANALYTICS_ROLLUP_MONTHS ?? 24) || 24)),
    analyticsBeaconPerIp: Math.max(1, Number(env.ATRIUM_ANALYTICS_BEACON_PER_IP ?? 120) || 120),
    analyticsBatchMs: Math.max(10, Math.min(600_000, Number(env.ATRIUM_ANALYTICS_BATCH_MS ?? 200) || 200)),
    analyticsPriority: oneOf(env, 'ATRIUM_ANALYTICS_PRIORITY', ['idle', 'low', 'normal'] as const, 'idle'),
    analyticsMaxDelayMs: seconds(env, 'ATRIUM_ANALYTICS_MAX_DELAY', 60, 3600) * 1000,
    operatorEmails: (env.ATRIUM_OPERATORS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    operatorName: env.ATRIUM_OPERATOR_NAME?.trim() || publicUrl.hostname,
    operatorAddress: env.ATRIUM_OPERATOR_ADDRESS?.trim() || undefined,
    privacyContact: env.ATRIUM_PRIVACY_CONTACT?.trim() || (env.ATRIUM_MAIL_FROM ?? `no-reply@${publicUrl.hostname}`).replace(/^.*<([^>]+)>.*$/, '$1'),
    privacyOfficer: env.ATRIUM_PRIVACY_OFFICER?.trim() || undefined,
    dataLocation: env.ATRIUM_DATA_LOCATION?.trim() || undefined,
    policyNoticeDays: Math.max(0, Math.min(365, Number(env.ATRIUM_POLICY_NOTICE_DAYS ?? 30) || 0)),
    consentProofYears: Math.max(1, Math.min(30, Number(env.ATRIUM_CONSENT_PROOF_YEARS ?? 5) || 5)),
    outboxDays: Math.max(1, Math.min(3650, Number(env.ATRIUM_OUTBOX_DAYS ?? 30) || 30)),
    privacyRequestLimitPerIp: Math.max(1, Number(env.ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP ?? 10) || 10),
  };
}

/** One of `choices`, or the default when unset; anything else stops start-up naming the variable. */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const v = env[name]?.trim().toLowerCase();
  if (!v) return fallback;
  if (!(choices as readonly string[]).includes(v)) throw new ConfigError(`${name} must be one of ${choices.join(', ')}, got ${v}`);
  return v as T;
}

/** Whole seconds from 0 to `max` (0 is a setting), or the default when unset; anything else stops start-up naming the variable. */
function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const v = env[name]?.trim();
  if (!v) return fallback;
  if (!/^\d+$/.test(v) || Number(v) > max) throw new ConfigError(`${name} must be a number of seconds from 0 to ${max}, got ${v}`);
  return Number(v);
}

function onOff(v: string | undefined, d: boolean): boolean {
  if (v === undefined || v.trim() === '') return d;
  return !['off', 'false', '0', 'no'].includes(v.trim().toLowerCase());
}

function intOr(v: string | undefined, d: number, name: string): number {
  if (v === undefined || v === '') return d;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number, got ${v}`);
  return n;
}

/** The public URL of a site's subdomain: same scheme and port as the dashboard. */
export function siteSubdomainUrl(config: Config, slug: string): string {
  const { protocol, port } = config.publicUrl;
  return `${protocol}//${slug}.${config.sitesDomain}${port ? `:${port}` : ''}`;
}
