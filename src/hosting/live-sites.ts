// The live sites in memory: hostname -> precomputed responses of the live
// release. Serving never renders and, once a host is loaded, never queries SQL.
// When what a site serves changes (in this process or another, see
// src/events), its loaded hosts are loaded again at once, reading from disk
// only the files the old release did not have.
import type { Context } from '../context.js';
import { formsOf, type PublishedForm } from '../forms/definitions.js';
import { SERVING_EVENTS } from '../events/events.js';
import { CSP, FORM_CSP, HSTS, SECURITY_HEADERS } from './site-headers.js';
import { FORM_TOKEN_SECRET } from '../forms/token.js';
import { serverSecret } from '../secrets/secrets.js';
import type { SiteDocument } from '../site-document/schema.js';
import { sha256 } from '../lib/ids.js';
import { NOT_FOUND_KEY } from '../publishing/build-files.js';
import type { Manifest, ManifestLanguages } from '../publishing/publishing.js';
import type { ReleaseStore, StoredFile } from '../storage/release-store.js';
import { loadProtection, publicSitemap, type SiteProtection } from './protection.js';

export interface ServedFile extends Required<StoredFile> {
  /** Content hash of the file (the release store's key). */
  hash: string;
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
  /** The document of the live release, read when first needed (for pages rendered on demand, like form errors). */
  document(): Promise<SiteDocument>;
  /** Global Privacy Control also refuses analytics on this site (doc.consent.gpcRefusesAnalytics of the live release). */
  gpcRefusesAnalytics: boolean;
  /** The site loads the analytics beacon (doc.analytics.beacon of the live release): the beacon endpoint takes its events. */
  beacon: boolean;
  siteUrl: string;
  /** A multi-language site's languages (src/hosting/language.ts); undefined on a single-language site, which pays nothing for them. */
  languages?: ServedLanguages;
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
  /** Old paths answered with a permanent redirect (the site's redirects), by path. */
  redirects: Map<string, string>;
  /** Passwords the site or some of its pages ask for (src/hosting/protection.ts); null for the (many) sites without. */
  protection: SiteProtection | null;
}

export interface ServedLanguages extends ManifestLanguages {
  /** URL segment -> language tag, for every language of the site (the default's too). */
  bySegment: Map<string, string>;
}

function cacheControl(path: string, guarded: boolean): string {
  // Hashed assets never change; pages must revalidate so a publish shows at once. What a password guards
  // never goes into a shared cache.
  if (guarded) return path.startsWith('/_atrium/') ? 'private, max-age=31536000, immutable' : 'private, no-cache';
  return path.startsWith('/_atrium/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

function servedFile(
  stored: StoredFile,
  hash: string,
  type: string,
  path: string,
  form = false,
  csp?: string,
  guarded = false,
  vary = 'Accept-Encoding',
): ServedFile {
  const etag = `"${hash.slice(0, 32)}"`;
  const common = [
    'content-type',
    type,
    'cache-control',
    // A form page carries a per-visitor token cookie: never from a shared cache.
    form ? 'private, no-cache' : cacheControl(path, guarded),
    'vary',
    vary,
    'etag',
    etag,
    'content-security-policy',
    // A page's own policy (custom code, embeds) was worked out at publish; older releases have none recorded.
    csp ?? (form ? FORM_CSP : CSP),
    ...Object.entries(SECURITY_HEADERS).flat(),
  ];
  const heads = (base: string[]): Heads => {
    const identity = [...base, 'content-length', String(stored.identity.length)];
    const encoded = (name: string, body: Buffer | undefined) => (body ? [...base, 'content-encoding', name, 'content-length', String(body.length)] : identity);
    return { br: encoded('br', stored.br), gzip: encoded('gzip', stored.gz), identity, notModified: base };
  };
  return {
    hash,
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

function servedLanguages(l: ManifestLanguages | undefined): ServedLanguages | undefined {
  if (!l?.others.length) return undefined;
  return { ...l, bySegment: new Map([l.default, ...l.others].map((tag) => [tag.toLowerCase(), tag])) };
}

/** A site's files already in memory, by hash: a reload takes them instead of reading the disk. */
type KnownFiles = Map<string, StoredFile>;

/** How many times a load starts over because its site changed meanwhile, before it answers without caching. */
const MAX_LOAD_ATTEMPTS = 5;

export class LiveSites {
  private byHost = new Map<string, LiveSite | null>();
  private loading = new Map<string, Promise<LiveSite | null>>();
  private hostsOfSite = new Map<string, Set<string>>();
  /** Counts forgetSite calls; a load remembers the count it started at. */
  private forgets = 0;
  /** Site id -> the count when it was last forgotten, while loads are in flight (a load that began earlier is stale). */
  private forgottenAt = new Map<string, number>();

  constructor(
    private readonly ctx: Context,
    private readonly store: ReleaseStore,
  ) {
    // In every process: whatever changes what a site serves reloads it here, before the emitter goes on (so a
    // publish answers once its own process serves the new release).
    for (const type of SERVING_EVENTS)
      ctx.bus.onEverywhere(type, (e) => (e.type === 'release.recompressed' ? this.recompressed(e.siteId, e.hashes) : this.forgetSite(e.siteId)));
  }

  /** Smaller variants replaced some stored files: reloads the site where it serves one of them, reading those again. */
  private async recompressed(siteId: string, hashes: string[] | undefined) {
    const replaced = hashes && new Set(hashes);
    const reread = (hash: string) => !replaced || replaced.has(hash);
    const serves = (site: LiveSite | null | undefined) => !!site && [...site.files.values(), site.notFound].some((f) => reread(f.hash));
    if ([...(this.hostsOfSite.get(siteId) ?? [])].some((h) => serves(this.byHost.get(h)))) await this.forgetSite(siteId, reread);
  }

  private heldBytes = 0;

  /** The loaded site for a host, or undefined when it must be loaded first. */
  peek(host: string): LiveSite | null | undefined {
    const site = this.byHost.get(host);
    if (site) site.usedAt = Date.now();
    return site;
  }

  load(host: string, known?: KnownFiles): Promise<LiveSite | null> {
    let p = this.loading.get(host);
    if (!p) {
      p = this.fetch(host, known).finally(() => {
        this.loading.delete(host);
        if (this.loading.size === 0) this.forgottenAt.clear(); // no load older than any entry is left
      });
      this.loading.set(host, p);
    }
    return p;
  }

  /**
   * What a site serves changed: drops its hosts and loads the ones that were in memory again, keeping
   * the files the new release shares with the old one (content-addressed: same hash, same bytes)
   * unless `reread(hash)`. Resolves when they are loaded. Loads already under way start over.
   */
  async forgetSite(siteId: string, reread: (hash: string) => boolean = () => false): Promise<void> {
    this.forgottenAt.set(siteId, ++this.forgets);
    const known: KnownFiles = new Map();
    const loaded: string[] = [];
    for (const h of this.hostsOfSite.get(siteId) ?? []) {
      const site = this.byHost.get(h);
      if (!site) continue; // evicted meanwhile: reload on its next request only
      loaded.push(h);
      for (const f of [...site.files.values(), site.notFound])
        if (!reread(f.hash))
          known.set(f.hash, { identity: f.identity, br: f.br === f.identity ? undefined : f.br, gz: f.gz === f.identity ? undefined : f.gz });
      this.dropHost(h);
    }
    this.hostsOfSite.delete(siteId);
    // Unknown hosts may have become a site (new domain, renamed slug).
    for (const [h, v] of this.byHost) if (v === null) this.byHost.delete(h);
    await Promise.all(loaded.map((h) => this.load(h, known)));
  }

  /** Loads a host; starts over when its site was forgotten while loading (it may have read the old release). */
  private async fetch(host: string, known?: KnownFiles): Promise<LiveSite | null> {
    for (let attempt = 1; ; attempt++) {
      const started = this.forgets;
      const site = await this.read(host, attempt === 1 ? known : undefined);
      // A miss may have become a site through any change; a site only through its own.
      const changed = (site ? (this.forgottenAt.get(site.siteId) ?? 0) : this.forgets) > started;
      if (!changed) return this.keep(host, site);
      if (attempt === MAX_LOAD_ATTEMPTS) return site; // changing faster than it loads: answer, keep nothing
    }
  }

  private keep(host: string, live: LiveSite | null): LiveSite | null {
    if (!live) {
      // Remember misses too, but bounded: random Host headers must not grow memory.
      if (this.byHost.size < 50_000) this.byHost.set(host, null);
      return null;
    }
    this.dropHost(host);
    this.byHost.set(host, live);
    this.heldBytes += live.bytes;
    this.evict(host);
    if (!this.hostsOfSite.has(live.siteId)) this.hostsOfSite.set(live.siteId, new Set());
    this.hostsOfSite.get(live.siteId)!.add(host);
    return live;
  }

  private async read(host: string, known?: KnownFiles): Promise<LiveSite | null> {
    const siteRow = await this.findSite(host);
    if (!siteRow?.live_release_id) return null;
    const releaseId = siteRow.live_release_id;
    const { control } = this.ctx.dbs;
    const release = await control.selectFrom('releases').select(['manifest', 'site_url']).where('id', '=', releaseId).executeTakeFirstOrThrow();
    // The document is large (about 5 kB a page) and rarely needed: not read on every reload.
    let doc: Promise<SiteDocument> | undefined;
    const document = () =>
      (doc ??= control
        .selectFrom('releases')
        .select('document')
        .where('id', '=', releaseId)
        .executeTakeFirstOrThrow()
        .then(
          (r) => JSON.parse(r.document) as SiteDocument,
          (err) => {
            doc = undefined; // try again next time
            throw err;
          },
        ));
    const manifest = JSON.parse(release.manifest) as Omit<Manifest, 'forms'> & Partial<Pick<Manifest, 'forms'>>;
    // Releases from before manifests recorded their forms find them in their document.
    const forms = manifest.forms ? new Map(Object.entries(manifest.forms)) : formsOf(await document());
    const formKey = await serverSecret(this.ctx, FORM_TOKEN_SECRET);
    const protection = await loadProtection(this.ctx, siteRow.id, siteRow.name, document);
    const files = new Map<string, ServedFile>();
    const languages = servedLanguages(manifest.settings?.languages);
    // On a multi-language site the root may answer by the `lang` cookie (or Accept-Language): caches must know.
    const rootVary = languages && `Accept-Encoding, Cookie${languages.root === 'accept-language' ? ', Accept-Language' : ''}`;
    await Promise.all(
      Object.entries(manifest.files).map(async ([path, f]) => {
        let stored = known?.get(f.hash) ?? (await this.store.get(f.hash));
        // Search engines learn only of the pages anyone may see: the sitemap without the protected ones.
        const filtered = protection !== null && path === '/sitemap.xml';
        if (filtered) stored = { identity: publicSitemap(stored.identity, release.site_url, protection.rules) };
        const hash = filtered ? sha256(stored.identity) : f.hash;
        files.set(
          path,
          servedFile(stored, hash, f.type, path, f.form === true, f.csp, protection?.rules.paths.has(path), (path === '/' && rootVary) || undefined),
        );
      }),
    );
    let bytes = 0;
    for (const f of files.values()) bytes += f.identity.length + (f.br === f.identity ? 0 : f.br.length) + (f.gz === f.identity ? 0 : f.gz.length);
    const notFound = files.get(NOT_FOUND_KEY)!;
    files.delete(NOT_FOUND_KEY);
    return {
      siteId: siteRow.id,
      siteName: siteRow.name,
      region: siteRow.region,
      document,
      gpcRefusesAnalytics: manifest.settings?.gpcRefusesAnalytics ?? false,
      beacon: manifest.settings?.beacon ?? false,
      siteUrl: release.site_url,
      ...(languages ? { languages } : {}),
      forms,
      formKey,
      bytes,
      usedAt: Date.now(),
      files,
      notFound,
      redirects: new Map(Object.entries(manifest.redirects ?? {})),
      protection,
    };
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
