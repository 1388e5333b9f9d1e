// Site settings: name and address, the data region (read-only), custom
// domains with their DNS verification record, webhooks, favicon and social image, and
// the danger zone (unpublish, delete).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { addressSuffix, api, ok, rawBody, ApiError, getMeta, type Domain, type RegionInfo, type SiteDetail, type SiteDocument } from '../api';
import { ConfirmDialog, CopyButton } from '../dialog';
import { ago, displayHost, formatDateTime } from '../format';
import { navigate } from '../router';
import { toast } from '../toast';
import { displayable } from '../thumb';
import { Alert, Button, Field, Spinner, useSubmit, LoadFailed } from '../ui';
import { SiteFrame, type SiteContext } from './site-frame';
import { slugify } from './new-site';
import { Webhooks } from './webhooks';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif'];
const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

function errorMessage(e: unknown, fallback: string) {
  return e instanceof ApiError ? e.message : fallback;
}

/* ---------- Name and address ---------- */

function NameAndAddress({ site, setSite }: SiteContext) {
  const [name, setName] = useState(site.name);
  const [slug, setSlug] = useState(site.slug);
  const [suffix, setSuffix] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(['name', 'slug']);

  useEffect(() => {
    getMeta().then(
      (m) => setSuffix(addressSuffix(m)),
      () => setSuffix(displayHost(site.url).slice(site.slug.length)),
    );
  }, []); // the address pattern does not change while the page is open

  const changed = name.trim() !== site.name || slug.trim() !== site.slug;
  const slugChanged = slug.trim() !== site.slug;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const body: { name?: string; slug?: string } = {};
      if (name.trim() !== site.name) body.name = name;
      if (slugChanged) body.slug = slug;
      const updated = await ok(api.PATCH('/api/sites/{siteId}', { params: { path: { siteId: site.id } }, body: body }));
      setSite(updated);
      setName(updated.name);
      setSlug(updated.slug);
      setSaved(true);
      toast(slugChanged && updated.status !== 'draft' ? `Saved. Your site now answers at ${displayHost(updated.url)}.` : 'Saved.');
    });
  };

  return (
    <section className="form-section" aria-labelledby="name-h">
      <h2 id="name-h" className="section-title">
        Name and address
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate className="settings-form">
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="form-grid">
          <Field label="Site name" hint="Shown in your dashboard and as the brand when the site has none." error={form.errors.name}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setSaved(false);
                  form.clearError('name');
                }}
                autoComplete="off"
                required
              />
            )}
          </Field>
          <Field
            label="Address"
            hint={
              slugChanged && site.status !== 'draft'
                ? `The live site moves to the new address at once; ${displayHost(site.url)} stops answering.`
                : '3–40 lowercase letters, digits or hyphens.'
            }
            error={form.errors.slug}
          >
            {(p) => (
              <div className="input-group">
                <input
                  {...p}
                  className="input"
                  value={slug}
                  onChange={(e) => {
                    setSlug(e.target.value.toLowerCase());
                    setSaved(false);
                    form.clearError('slug');
                  }}
                  onBlur={() => slug && slug !== slugify(slug) && setSlug(slugify(slug))}
                  autoComplete="off"
                  spellCheck={false}
                  autoCapitalize="none"
                  required
                />
                {suffix && <span className="input-suffix">{suffix}</span>}
              </div>
            )}
          </Field>
        </div>
        <div className="section-actions">
          {saved && !changed && (
            <p className="saved-note" role="status">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m3.5 8.5 3 3 6-7" />
              </svg>
              Saved
            </p>
          )}
          {changed && (
            <Button
              variant="ghost"
              onClick={() => {
                setName(site.name);
                setSlug(site.slug);
                form.clearError('name');
                form.clearError('slug');
                form.setFormError(null);
              }}
            >
              Discard
            </Button>
          )}
          <Button type="submit" busy={form.busy} disabled={!changed}>
            Save changes
          </Button>
        </div>
      </form>
    </section>
  );
}

/* ---------- Region ---------- */

function Region({ site }: { site: SiteDetail }) {
  const [region, setRegion] = useState<RegionInfo | null | undefined>(undefined);
  useEffect(() => {
    ok(api.GET('/api/regions')).then(
      (rs) => setRegion(rs.find((r) => r.id === site.region) ?? null),
      () => setRegion(null),
    );
  }, [site.region]);
  return (
    <section className="form-section" aria-labelledby="region-h">
      <h2 id="region-h" className="section-title">
        Data region
      </h2>
      <div className="region-readonly">
        <span className="region-lock" aria-hidden="true">
          <svg viewBox="0 0 16 16">
            <path d="M4.5 7V5.2a3.5 3.5 0 0 1 7 0V7M3.8 7h8.4c.4 0 .8.4.8.8v5.4c0 .4-.4.8-.8.8H3.8a.8.8 0 0 1-.8-.8V7.8c0-.4.4-.8.8-.8Z" />
          </svg>
        </span>
        <div className="region-text">
          <span className="region-name">{region?.name ?? site.region}</span>
          {region?.description && <span className="region-desc">{region.description}</span>}
        </div>
      </div>
      <p className="section-hint section-hint-after">
        Form submissions, visitor analytics and consent records of this site are stored only in this region. It was chosen when the site was created and can't
        be changed, so your visitors' data stays where you said it would.
      </p>
    </section>
  );
}

/* ---------- Custom domains ---------- */

function DomainRecord({ domain }: { domain: Domain }) {
  const v = domain.verification;
  return (
    <dl className="dns-record">
      <div className="dns-cell dns-type">
        <dt>Type</dt>
        <dd>
          <code>{v.type}</code>
        </dd>
      </div>
      <div className="dns-cell dns-name">
        <dt>Name</dt>
        <dd>
          <code>{v.name}</code>
          <CopyButton value={v.name} label="record name" />
        </dd>
      </div>
      <div className="dns-cell dns-value">
        <dt>Value</dt>
        <dd>
          <code>{v.value}</code>
          <CopyButton value={v.value} label="record value" />
        </dd>
      </div>
    </dl>
  );
}

function DomainItem({
  siteId,
  domain,
  onChange,
  onRemove,
}: {
  siteId: string;
  domain: Domain;
  onChange: (d: Domain, message?: string) => void;
  onRemove: (d: Domain) => void;
}) {
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verified = domain.status === 'verified';

  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      const d = await ok(api.POST('/api/sites/{siteId}/domains/{domainId}/verify', { params: { path: { siteId, domainId: domain.id } } }));
      onChange(d, d.status === 'verified' ? `${d.hostname} is verified.` : undefined);
    } catch (e) {
      setError(errorMessage(e, 'The check failed. Try again in a moment.'));
    } finally {
      setChecking(false);
    }
  };

  return (
    <li className={`domain${verified ? ' is-verified' : ''}`}>
      <div className="domain-head">
        <div className="domain-title">
          <h3 className="domain-name">{domain.hostname}</h3>
          {verified ? (
            <span className="badge badge-live">
              <span className="badge-dot" aria-hidden="true" />
              Verified
            </span>
          ) : (
            <span className="badge badge-changes">
              <span className="badge-dot" aria-hidden="true" />
              Waiting for DNS
            </span>
          )}
        </div>
        <div className="domain-actions">
          {!verified && (
            <Button variant="secondary" size="sm" busy={checking} onClick={() => void check()}>
              {checking ? 'Checking…' : 'Check DNS'}
              <span className="visually-hidden"> for {domain.hostname}</span>
            </Button>
          )}
          <Button variant="ghost" size="sm" onClick={() => onRemove(domain)}>
            Remove<span className="visually-hidden"> {domain.hostname}</span>
          </Button>
        </div>
      </div>
      {verified ? (
        <p className="domain-note">
          Verified {domain.verifiedAt ? ago(domain.verifiedAt) : ''}. Visitors to {domain.hostname} get this site once the domain points at this Atrium server;
          you can delete the TXT record now.
        </p>
      ) : (
        <div className="domain-steps">
          <p className="domain-note">
            To prove you own <strong>{domain.hostname}</strong>, add this TXT record at your DNS provider (where you bought the domain), then check it here.
          </p>
          <DomainRecord domain={domain} />
          {error && <Alert>{error}</Alert>}
          {!error && domain.lastError && (
            <p className="domain-last-check" role="status">
              <svg viewBox="0 0 20 20" aria-hidden="true">
                <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a.9.9 0 0 1 .9.9v4.2a.9.9 0 1 1-1.8 0V6.4a.9.9 0 0 1 .9-.9Zm0 9.3a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
              </svg>
              <span>
                {domain.lastCheckedAt && (
                  <>
                    Checked{' '}
                    <time dateTime={domain.lastCheckedAt} title={formatDateTime(domain.lastCheckedAt)}>
                      {ago(domain.lastCheckedAt)}
                    </time>
                    :{' '}
                  </>
                )}
                {domain.lastError.replace(/^./, (c) => c.toUpperCase())}.
              </span>
            </p>
          )}
          {!error && !domain.lastError && <p className="domain-last-check-muted">DNS changes usually show up within minutes, sometimes up to a day.</p>}
          {domain.expiresAt && (
            <p className="domain-last-check-muted">
              If it is not verified by <time dateTime={domain.expiresAt}>{formatDateTime(domain.expiresAt)}</time>, it is removed from this site; you can add it
              again at any time.
            </p>
          )}
        </div>
      )}
    </li>
  );
}

function Domains({ site }: { site: SiteDetail }) {
  const [domains, setDomains] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; list: Domain[] }>({
    status: 'loading',
  });
  const [hostname, setHostname] = useState('');
  const [removing, setRemoving] = useState<Domain | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const form = useSubmit(['hostname']);

  const load = useCallback(async () => {
    try {
      const r = await ok(api.GET('/api/sites/{siteId}/domains', { params: { path: { siteId: site.id } } }));
      setDomains({ status: 'ready', list: r.domains });
    } catch (e) {
      setDomains({ status: 'error', message: errorMessage(e, 'The domains could not be loaded.') });
    }
  }, [site.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = (d: Domain, message?: string) => {
    setDomains((s) => (s.status === 'ready' ? { status: 'ready', list: s.list.map((x) => (x.id === d.id ? d : x)) } : s));
    if (message) toast(message);
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const d = await ok(api.POST('/api/sites/{siteId}/domains', { params: { path: { siteId: site.id } }, body: { hostname } }));
      setDomains((s) => (s.status === 'ready' ? { status: 'ready', list: [...s.list, d] } : { status: 'ready', list: [d] }));
      setHostname('');
      toast(`${d.hostname} added. Add its TXT record to verify it.`);
    });
  };

  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await ok(api.DELETE('/api/sites/{siteId}/domains/{domainId}', { params: { path: { siteId: site.id, domainId: removing.id } } }));
      setDomains((s) => (s.status === 'ready' ? { status: 'ready', list: s.list.filter((x) => x.id !== removing.id) } : s));
      toast(`${removing.hostname} removed.`);
      setRemoving(null);
    } catch (e) {
      setRemoveError(errorMessage(e, 'The domain could not be removed. Try again.'));
    } finally {
      setRemoveBusy(false);
    }
  };

  return (
    <section className="form-section" aria-labelledby="domains-h">
      <h2 id="domains-h" className="section-title section-title-tight">
        Custom domains
      </h2>
      <p className="section-hint">
        Your site always answers at <strong>{displayHost(site.url)}</strong>. Connect a domain you own, like www.example.com; once verified, it becomes the
        site's main address.
      </p>

      {domains.status === 'loading' && (
        <div className="center-status">
          <Spinner label="Loading domains" />
        </div>
      )}
      {domains.status === 'error' && <LoadFailed title="The domains could not be loaded" message={domains.message} onRetry={load} />}
      {domains.status === 'ready' && domains.list.length > 0 && (
        <ul className="domain-list" aria-label="Connected domains">
          {domains.list.map((d) => (
            <DomainItem
              key={d.id}
              siteId={site.id}
              domain={d}
              onChange={replace}
              onRemove={(x) => {
                setRemoveError(null);
                setRemoving(x);
              }}
            />
          ))}
        </ul>
      )}
      {domains.status === 'ready' && domains.list.length === 0 && <p className="inline-empty">No custom domains yet.</p>}

      <form ref={form.formRef} onSubmit={add} noValidate className="domain-add">
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="domain-add-row">
          <Field label="Add a domain" error={form.errors.hostname}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={hostname}
                onChange={(e) => {
                  setHostname(e.target.value);
                  form.clearError('hostname');
                }}
                placeholder="www.example.com"
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="none"
                inputMode="url"
              />
            )}
          </Field>
          <Button type="submit" variant="secondary" busy={form.busy} disabled={!hostname.trim()}>
            Add domain
          </Button>
        </div>
      </form>

      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.hostname ?? 'this domain'}?`}
        confirmLabel="Remove domain"
        tone="danger"
        busy={removeBusy}
        error={removeError}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        <p>
          The site stops answering at {removing?.hostname}. It stays available at {displayHost(site.url)}. To connect the domain again you'll need a new TXT
          record.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/* ---------- Favicon and social image ---------- */

type ImageKey = 'favicon' | 'socialImage';

function ImagePicker({
  kind,
  label,
  hint,
  src,
  busy,
  onFile,
  onRemove,
}: {
  kind: ImageKey;
  label: string;
  hint: string;
  src: string | undefined;
  busy: boolean;
  onFile: (f: File) => void;
  onRemove: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const shown = displayable(src);
  const id = `${kind}-label`;
  return (
    <div className={`image-picker image-picker-${kind}`}>
      <div
        className={`image-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer.files[0];
          if (f) onFile(f);
        }}
      >
        {busy ? (
          <Spinner label={`Uploading ${label.toLowerCase()}`} />
        ) : shown ? (
          <img src={shown} alt={`Current ${label.toLowerCase()}`} />
        ) : src ? (
          <span className="image-drop-text">Set in the editor</span>
        ) : (
          <svg viewBox="0 0 24 24" aria-hidden="true" className="image-drop-icon">
            <path d="M4.5 5h15c.6 0 1 .4 1 1v12c0 .6-.4 1-1 1h-15a1 1 0 0 1-1-1V6c0-.6.4-1 1-1Zm-1 11 5-5 4 4 3-3 5 5M15.5 9.5a.5.5 0 1 0 0-1 .5.5 0 0 0 0 1Z" />
          </svg>
        )}
      </div>
      <div className="image-picker-text">
        <h3 id={id} className="image-picker-label">
          {label}
        </h3>
        <p className="field-hint">{hint}</p>
        <div className="image-picker-actions">
          <input
            ref={input}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) onFile(f);
            }}
          />
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => input.current?.click()} aria-describedby={id}>
            {src ? 'Replace' : 'Upload image'}
            <span className="visually-hidden"> for the {label.toLowerCase()}</span>
          </Button>
          {src && (
            <Button variant="ghost" size="sm" disabled={busy} onClick={onRemove}>
              Remove<span className="visually-hidden"> the {label.toLowerCase()}</span>
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}

function Images({ site, reload }: SiteContext) {
  const [busy, setBusy] = useState<ImageKey | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);

  const save = async (key: ImageKey, value: string | undefined) => {
    const document: SiteDocument = { ...site.document };
    if (value) document[key] = value;
    else delete document[key];
    try {
      await ok(api.PUT('/api/sites/{siteId}/draft', { params: { path: { siteId: site.id } }, body: { revision: site.revision, document } }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await reload();
        throw new ApiError(
          409,
          'conflict',
          'The draft was changed elsewhere (in the editor or another tab) since this page loaded. We loaded the latest version; try again.',
        );
      }
      throw e;
    }
    await reload();
  };

  const upload = async (key: ImageKey, file: File) => {
    setError(null);
    if (!IMAGE_TYPES.includes(file.type)) {
      setError({ title: 'That file is not an image Atrium can use', message: 'Choose a PNG, JPEG, WebP, GIF or AVIF image.' });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setError({ title: 'That image is too large', message: 'Choose an image under 15 MB.' });
      return;
    }
    setBusy(key);
    try {
      const img = await ok(api.POST('/api/sites/{siteId}/assets', { params: { path: { siteId: site.id } }, ...rawBody(file) }));
      // A favicon is drawn at 16–64 px: use the smallest variant rather than the full-width one.
      const src = key === 'favicon' ? (img.srcset?.[0]?.src ?? img.src) : img.src;
      await save(key, src);
      toast(key === 'favicon' ? 'Favicon saved to the draft. Publish to put it live.' : 'Social image saved to the draft. Publish to put it live.');
    } catch (e) {
      setError({
        title: key === 'favicon' ? 'The favicon was not saved' : 'The social image was not saved',
        message: errorMessage(e, 'Something went wrong. Try again.'),
      });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (key: ImageKey) => {
    setError(null);
    setBusy(key);
    try {
      await save(key, undefined);
      toast(key === 'favicon' ? 'Favicon removed from the draft.' : 'Social image removed from the draft.');
    } catch (e) {
      setError({ title: 'The change was not saved', message: errorMessage(e, 'Something went wrong. Try again.') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="form-section" aria-labelledby="images-h">
      <h2 id="images-h" className="section-title section-title-tight">
        Favicon and social image
      </h2>
      <p className="section-hint">Saved to the draft; they go live the next time you publish. Drop an image on a box or choose one.</p>
      {error && (
        <div className="section-alert">
          <Alert title={error.title}>{error.message}</Alert>
        </div>
      )}
      <div className="image-pickers">
        <ImagePicker
          kind="favicon"
          label="Favicon"
          hint="The icon in browser tabs and bookmarks. A square image, at least 64 × 64 px."
          src={site.document.favicon}
          busy={busy === 'favicon'}
          onFile={(f) => void upload('favicon', f)}
          onRemove={() => void remove('favicon')}
        />
        <ImagePicker
          kind="socialImage"
          label="Social image"
          hint="Shown when a page is shared on social networks and in chats. 1200 × 630 px works everywhere."
          src={site.document.socialImage}
          busy={busy === 'socialImage'}
          onFile={(f) => void upload('socialImage', f)}
          onRemove={() => void remove('socialImage')}
        />
      </div>
    </section>
  );
}

/* ---------- Danger zone ---------- */

function DangerZone({ site, reload }: SiteContext) {
  const [dialog, setDialog] = useState<'unpublish' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const live = site.status !== 'draft';

  const open = (d: 'unpublish' | 'delete') => {
    setError(null);
    setTyped('');
    setDialog(d);
  };

  const unpublish = async () => {
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/api/sites/{siteId}/unpublish', { params: { path: { siteId: site.id } } }));
      await reload();
      setDialog(null);
      toast(`${site.name} is offline. Publish again or roll back from Releases to bring it back.`);
    } catch (e) {
      setError(errorMessage(e, 'The site could not be unpublished. Try again.'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await ok(api.DELETE('/api/sites/{siteId}', { params: { path: { siteId: site.id } } }));
      toast(`${site.name} was deleted.`);
      navigate('/', { replace: true });
    } catch (e) {
      setError(errorMessage(e, 'The site could not be deleted. Try again.'));
      setBusy(false);
    }
  };

  return (
    <section className="form-section danger-zone" aria-labelledby="danger-h">
      <h2 id="danger-h" className="section-title">
        Danger zone
      </h2>
      <div className="danger-row">
        <div>
          <h3 className="danger-title">Unpublish</h3>
          <p className="danger-text">
            {live
              ? `Takes the site offline: ${displayHost(site.url)} and its domains stop answering. The draft and every release are kept.`
              : 'The site is not published, so there is nothing to take offline.'}
          </p>
        </div>
        <Button variant="secondary" onClick={() => open('unpublish')} disabled={!live}>
          Unpublish
        </Button>
      </div>
      <div className="danger-row">
        <div>
          <h3 className="danger-title">Delete this site</h3>
          <p className="danger-text">Removes the site, its draft, releases and domains for good. This can't be undone.</p>
        </div>
        <Button variant="secondary" className="btn-danger-outline" onClick={() => open('delete')}>
          Delete site
        </Button>
      </div>

      <ConfirmDialog
        open={dialog === 'unpublish'}
        title={`Unpublish ${site.name}?`}
        confirmLabel="Unpublish"
        tone="danger"
        busy={busy}
        error={error}
        onConfirm={() => void unpublish()}
        onClose={() => setDialog(null)}
      >
        <p>Visitors to {displayHost(site.url)} will get “not found” until you publish again or roll back to a release. Nothing is deleted.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${site.name}?`}
        confirmLabel="Delete site for good"
        tone="danger"
        busy={busy}
        error={error}
        confirmDisabled={typed.trim() !== site.slug}
        onConfirm={() => void remove()}
        onClose={() => setDialog(null)}
      >
        <p>The site goes offline and its draft, releases and custom domains are deleted. This can't be undone.</p>
        <Field label={`Type ${site.slug} to confirm`} hint={typed && typed.trim() !== site.slug ? 'That does not match the address yet.' : undefined}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              autoFocus
            />
          )}
        </Field>
      </ConfirmDialog>
    </section>
  );
}

function Settings(ctx: SiteContext) {
  return (
    <div className="settings-stack">
      <NameAndAddress {...ctx} />
      <Region site={ctx.site} />
      <Domains site={ctx.site} />
      <Webhooks site={ctx.site} />
      <Images {...ctx} />
      <DangerZone {...ctx} />
    </div>
  );
}

export function SiteSettingsPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} tab="settings" title="Settings">
      {(ctx) => <Settings {...ctx} />}
    </SiteFrame>
  );
}
