// The live sites in memory: hostname -> precomputed responses of the live
// release. Serving never renders and, once a host is loaded, never queries SQL.
import type { Context } from '../context.js';
import { releaseForms, type PublishedForm } from '../forms/definitions.js';
import { SERVING_EVENTS } from '../events/events.js';
import { CSP, FORM_CSP, HSTS, SECURITY_HEADERS } from './site-headers.js';
import { FORM_TOKEN_SECRET } from '../forms/token.js';
import { serverSecret } from '../secrets/secrets.js';
import type { SiteDocument } from '../site-document/schema.js';
import { NOT_FOUND_KEY } from '../publishing/build-files.js';
import type { Manifest } from '../publishing/publishing.js';
import type { ReleaseStore, StoredFile } from '../storage/release-store.js';

export interface ServedFile extends Required<StoredFile> {
  etag: string;
  /** The page holds a form: each response also sets a fresh verified-request cookie. */
  form: boolean;
  /** An HTML page (not an asset): answering it counts a pageview (src/analytics). */
  page: boolean;
  /** Complete response headers per encoding, as flat [name, value, ...] arrays built once at load. */
  head: Heads;
  /** The same with HSTS, for visitors who came over HTTPS. */
  headTls: Heads;
}

export interface Heads {
  br: string[];
  gzip: string[];
  identity: string[];
  notModified: string[];
}

export interface LiveSite {
  siteId: string;
  siteName: string;
  region: string;
  /** The document of the live release (for pages rendered on demand, like form errors). */
  document: SiteDocument;
  siteUrl: string;
  /** The forms of the live release, by block id, as the visitor sees them. */
  forms: Map<string, PublishedForm>;
  /** Signs the c_r_id_ tokens of this server. */
  formKey: Buffer;
  /** Bytes held in memory for this site (all variants). */
  bytes: number;
  /** Last request time; a cheap stamp instead of LRU bookkeeping on the hot path. */
  usedAt: number;
  files: Map<string, ServedFile>;
  notFound: ServedFile;
}

function cacheControl(path: string): string {
  // Hashed assets never change; pages must revalidate so a publish shows at once.
  return path.startsWith('/_atrium/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

function servedFile(stored: StoredFile, hash: string, type: string, path: string, form = false): ServedFile {
  const etag = `"${hash.slice(0, 32)}"`;
  const common = [
    'content-type',
    type,
    'cache-control',
    // A form page carries a per-visitor token cookie: never from a shared cache.
    form ? 'private, no-cache' : cacheControl(path),
    'vary',
    'Accept-Encoding',
    'etag',
    etag,
    'content-security-policy',
    form ? FORM_CSP : CSP,
    ...Object.entries(SECURITY_HEADERS).flat(),
  ];
  const heads = (base: string[]): Heads => {
    const identity = [...base, 'content-length', String(stored.identity.length)];
    const encoded = (name: string, body: Buffer | undefined) => (body ? [...base, 'content-encoding', name, 'content-length', String(body.length)] : identity);
    return { br: encoded('br', stored.br), gzip: encoded('gzip', stored.gz), identity, notModified: base };
  };
  return {
    // Files stored without compressed variants (images) answer every encoding with their own bytes.
    identity: stored.identity,
    br: stored.br ?? stored.identity,
    gz: stored.gz ?? stored.identity,
    etag,
    form,
    page: type.startsWith('text/html') && !path.startsWith('/_atrium/'),
    head: heads(common),
    headTls: heads([...common, ...HSTS]),
  };
}

export class LiveSites {
  private byHost = new Map<string, LiveSite | null>();
  private loading = new Map<string, Promise<LiveSite | null>>();
  private hostsOfSite = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: Context,
    private readonly store: ReleaseStore,
  ) {
    // In every process: whatever changes what a site serves drops it from this cache; the next request reloads it.
    for (const type of SERVING_EVENTS) ctx.bus.onEverywhere(type, (e) => this.forgetSite(e.siteId));
  }

  private heldBytes = 0;

  /** The loaded site for a host, or undefined when it must be loaded first. */
  peek(host: string): LiveSite | null | undefined {
    const site = this.byHost.get(host);
    if (site) site.usedAt = Date.now();
    return site;
  }

  load(host: string): Promise<LiveSite | null> {
    let p = this.loading.get(host);
    if (!p) {
      p = this.fetch(host).finally(() => this.loading.delete(host));
      this.loading.set(host, p);
    }
    return p;
  }

  forgetSite(siteId: string) {
    for (const h of this.hostsOfSite.get(siteId) ?? []) this.dropHost(h);
    this.hostsOfSite.delete(siteId);
    // Unknown hosts may have become a site (new domain, renamed slug).
    for (const [h, v] of this.byHost) if (v === null) this.byHost.delete(h);
  }

  private async fetch(host: string): Promise<LiveSite | null> {
    const siteRow = await this.findSite(host);
    if (!siteRow?.live_release_id) {
      // Remember misses too, but bounded: random Host headers must not grow memory.
      if (this.byHost.size < 50_000) this.byHost.set(host, null);
      return null;
    }
    const release = await this.ctx.dbs.control
      .selectFrom('releases')
      .select(['manifest', 'document', 'site_url'])
      .where('id', '=', siteRow.live_release_id)
      .executeTakeFirstOrThrow();
    const document = JSON.parse(release.document) as SiteDocument;
    const forms = releaseForms(release);
    const formKey = await serverSecret(this.ctx, FORM_TOKEN_SECRET);
    const manifest = JSON.parse(release.manifest) as Manifest;
    const files = new Map<string, ServedFile>();
    await Promise.all(
      Object.entries(manifest.files).map(async ([path, f]) => {
        const stored = await this.store.get(f.hash);
        files.set(path, servedFile(stored, f.hash, f.type, path, f.form === true));
      }),
    );
    let bytes = 0;
    for (const f of files.values()) bytes += f.identity.length + (f.br === f.identity ? 0 : f.br.length) + (f.gz === f.identity ? 0 : f.gz.length);
    const live: LiveSite = {
      siteId: siteRow.id,
      siteName: siteRow.name,
      region: siteRow.region,
      document,
      siteUrl: release.site_url,
      forms,
      formKey,
      bytes,
      usedAt: Date.now(),
      files,
      notFound: files.get(NOT_FOUND_KEY)!,
    };
    files.delete(NOT_FOUND_KEY);
    this.dropHost(host);
    this.byHost.set(host, live);
    this.heldBytes += bytes;
    this.evict(host);
    if (!this.hostsOfSite.has(siteRow.id)) this.hostsOfSite.set(siteRow.id, new Set());
    this.hostsOfSite.get(siteRow.id)!.add(host);
    return live;
  }

  private dropHost(host: string) {
    const site = this.byHost.get(host);
    if (site) this.heldBytes -= site.bytes;
    this.byHost.delete(host);
  }

  /** Drops least recently used sites until the held bytes fit the budget (never the one just loaded). */
  private evict(keep: string) {
    if (this.heldBytes <= this.ctx.config.serveCacheBytes) return;
    const loaded = [...this.byHost].filter((e): e is [string, LiveSite] => e[1] !== null && e[0] !== keep).sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [host] of loaded) {
      if (this.heldBytes <= this.ctx.config.serveCacheBytes) break;
      this.dropHost(host);
    }
  }

  /** For tests and monitoring. */
  stats() {
    return { hosts: [...this.byHost.values()].filter(Boolean).length, heldBytes: this.heldBytes };
  }

  private async findSite(host: string) {
    const { control } = this.ctx.dbs;
    const suffix = `.${this.ctx.config.sitesDomain}`;
    if (host.endsWith(suffix)) {
      const slug = host.slice(0, -suffix.length);
      if (!slug.includes('.'))
        return control.selectFrom('sites').select(['id', 'live_release_id', 'name', 'region']).where('slug', '=', slug).executeTakeFirst();
    }
    return control
      .selectFrom('domains')
      .innerJoin('sites', 'sites.id', 'domains.site_id')
      .select(['sites.id', 'sites.live_release_id', 'sites.name', 'sites.region'])
      .where('domains.hostname', '=', host)
      .where('domains.verified_at', 'is not', null)
      .executeTakeFirst();
  }
}
