// Site settings: custom domains: the TXT record to add, DNS checks, removal.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ok, errorMessage, type Domain, type SiteDetail } from '../../api';
import { ConfirmDialog, CopyButton } from '../../dialog';
import { ago, displayHost, formatDateTime } from '../../format';
import { toast } from '../../toast';
import { Alert, Button, Field, Spinner, useSubmit, LoadFailed } from '../../ui';

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

export function Domains({ site }: { site: SiteDetail }) {
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
