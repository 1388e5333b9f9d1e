// Webhooks of a site (a section of its settings): the URLs each new message is
// POSTed to, each with its signing secret, how to verify a delivery, and a
// log of recent deliveries with the ones Atrium is still retrying.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ok as unwrap, errorMessage, type SiteDetail, type Webhook, type WebhookDelivery, type WebhookRetry } from '../api';
import { ConfirmDialog, CopyButton } from '../dialog';
import { ago, formatDateTime } from '../format';
import { Link } from '../router';
import { toast } from '../toast';
import { Alert, Button, Field, Spinner, useSubmit, LoadFailed } from '../ui';

const POLL_MS = 10_000;

type Log = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; deliveries: WebhookDelivery[]; retrying: WebhookRetry[] };

const ok = (d: WebhookDelivery) => d.statusCode !== null && d.statusCode >= 200 && d.statusCode < 300;

/** "in 3 minutes" for a time ahead, "now" once it is due. */
function until(iso: string, now: number) {
  const t = new Date(iso).getTime();
  return t - now < 15_000 ? 'any moment now' : ago(iso, now);
}

function Health({ log }: { log: Log }) {
  if (log.status !== 'ready') return null;
  const gaveUp = log.retrying.some((r) => r.status === 'failed');
  const retrying = log.retrying.some((r) => r.status !== 'failed');
  const last = log.deliveries[0];
  const [tone, label] = gaveUp
    ? ['failing', 'Failing']
    : retrying
      ? ['changes', 'Retrying']
      : !last
        ? ['neutral', 'No deliveries yet']
        : ok(last)
          ? ['live', 'Working']
          : ['failing', 'Failing'];
  return (
    <span className={`badge badge-${tone}`}>
      <span className="badge-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

function DeliveryLog({ siteId, log, now }: { siteId: string; log: Log; now: number }) {
  if (log.status === 'loading')
    return (
      <div className="hook-log-status">
        <Spinner label="Loading deliveries" />
      </div>
    );
  if (log.status === 'error') return <Alert title="The delivery log could not be loaded">{log.message}</Alert>;
  const { deliveries, retrying } = log;
  return (
    <>
      {retrying.length > 0 && (
        <ul className="hook-retrying" aria-label="Waiting to be retried">
          {retrying.map((r) => (
            <li key={r.jobId} className={r.status === 'failed' ? 'is-failed' : undefined}>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                {r.status === 'failed' ? (
                  <path d="M8 4.5v4M8 11v.2M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8Z" />
                ) : (
                  <path d="M13 8a5 5 0 1 1-1.5-3.5M13 2.5v2.5h-2.5" />
                )}
              </svg>
              <span>
                {r.status === 'failed' ? (
                  <>
                    <strong>Gave up</strong> after {r.attempts} {r.attempts === 1 ? 'attempt' : 'attempts'}
                  </>
                ) : (
                  <>
                    <strong>Retrying</strong>
                    {r.attempts > 0 ? ` after ${r.attempts} failed ${r.attempts === 1 ? 'attempt' : 'attempts'}` : ''}; next try{' '}
                    <time dateTime={r.nextAttemptAt} title={formatDateTime(r.nextAttemptAt)}>
                      {until(r.nextAttemptAt, now)}
                    </time>
                  </>
                )}
                {r.lastError && <span className="hook-retry-error">. Last error: {r.lastError}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {deliveries.length === 0 ? (
        <p className="hook-log-empty">No deliveries yet. The next message sent through a form on this site is delivered here within seconds.</p>
      ) : (
        <ul className="delivery-list" aria-label="Recent deliveries, newest first">
          {deliveries.slice(0, 20).map((d) => (
            <li key={d.id} className="delivery">
              <span className={`delivery-code${ok(d) ? ' is-ok' : ' is-error'}`}>{d.statusCode ?? 'Error'}</span>
              <span className="delivery-main">
                <span className="delivery-what">
                  <Link to={`/sites/${siteId}/inbox?m=${encodeURIComponent(d.submissionId)}`} className="delivery-sub">
                    <span className="visually-hidden">Message </span>
                    {d.submissionId}
                  </Link>
                  {d.attempt > 1 && <span className="delivery-attempt">attempt {d.attempt}</span>}
                </span>
                {d.error && <span className="delivery-error">{d.error}</span>}
              </span>
              <span className="delivery-time">
                <time dateTime={d.at} title={formatDateTime(d.at)}>
                  {ago(d.at, now)}
                </time>
                <span className="delivery-ms">{d.durationMs} ms</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function WebhookItem({ siteId, hook, fresh, onRemove }: { siteId: string; hook: Webhook; fresh: boolean; onRemove: (h: Webhook) => void }) {
  const [revealed, setRevealed] = useState(fresh);
  const [log, setLog] = useState<Log>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const secretId = `secret-${hook.id}`;

  const load = useCallback(async () => {
    try {
      const r = await unwrap(api.GET('/api/sites/{siteId}/webhooks/{webhookId}/deliveries', { params: { path: { siteId, webhookId: hook.id } } }));
      setLog({ status: 'ready', ...r });
    } catch (e) {
      setLog((l) => (l.status === 'ready' ? l : { status: 'error', message: errorMessage(e, 'Try again in a moment.') }));
    } finally {
      setNow(Date.now());
    }
  }, [siteId, hook.id]);

  useEffect(() => {
    void load();
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => window.clearInterval(t);
  }, [load]);

  const refresh = async () => {
    setRefreshing(true);
    await load();
    setRefreshing(false);
  };

  return (
    <li className="hook">
      <div className="hook-head">
        <div className="hook-title">
          <h3 className="hook-url">{hook.url}</h3>
          <Health log={log} />
        </div>
        <Button variant="ghost" size="sm" onClick={() => onRemove(hook)}>
          Remove<span className="visually-hidden"> the webhook {hook.url}</span>
        </Button>
      </div>
      <p className="hook-added">
        Added <time dateTime={hook.createdAt}>{formatDateTime(hook.createdAt)}</time>
      </p>

      <div className="hook-secret">
        <span className="hook-secret-label" id={`${secretId}-label`}>
          Signing secret
        </span>
        <div className="hook-secret-row">
          <code id={secretId} className={`hook-secret-value${revealed ? '' : ' is-masked'}`} aria-labelledby={`${secretId}-label ${secretId}`}>
            {revealed ? hook.secret : `whsec_${'•'.repeat(20)}`}
            {!revealed && <span className="visually-hidden"> (hidden)</span>}
          </code>
          <button type="button" className="copy-btn" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
            <svg viewBox="0 0 16 16" aria-hidden="true">
              {revealed ? (
                <path d="M2 2l12 12M6.6 6.7a2 2 0 0 0 2.8 2.8M4.2 4.4C2.8 5.4 1.8 6.8 1.5 8c.7 2.3 3.3 4.5 6.5 4.5 1.3 0 2.5-.4 3.5-1M7 3.6c.3 0 .7-.1 1-.1 3.2 0 5.8 2.2 6.5 4.5-.2.8-.7 1.6-1.3 2.3" />
              ) : (
                <path d="M1.5 8C2.2 5.7 4.8 3.5 8 3.5s5.8 2.2 6.5 4.5c-.7 2.3-3.3 4.5-6.5 4.5S2.2 10.3 1.5 8Zm6.5 2a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z" />
              )}
            </svg>
            <span>{revealed ? 'Hide' : 'Reveal'}</span>
            <span className="visually-hidden"> signing secret</span>
          </button>
          <CopyButton value={hook.secret} label="signing secret" />
        </div>
      </div>

      <div className="hook-log">
        <div className="hook-log-head">
          <h4 className="hook-log-title">Recent deliveries</h4>
          <Button variant="ghost" size="sm" busy={refreshing} onClick={() => void refresh()}>
            Refresh<span className="visually-hidden"> deliveries of {hook.url}</span>
          </Button>
        </div>
        <div aria-live="polite">
          <DeliveryLog siteId={siteId} log={log} now={now} />
        </div>
      </div>
    </li>
  );
}

function VerifyHelp({ siteName }: { siteName: string }) {
  const example = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (a string, before JSON.parse)
function verify(rawBody, signatureHeader, secret) {
  const { t, v1 } = Object.fromEntries(signatureHeader.split(',').map((p) => p.split('=')));
  const expected = createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300; // refuse replays older than 5 minutes
  return fresh && v1?.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected));
}`;
  const payload = `{
  "event": "form.submission",
  "site": { "id": "site_…", "name": ${JSON.stringify(siteName)} },
  "form": { "id": "contact", "version": "3f1c…", "page": "/contact" },
  "submission": {
    "id": "sub_…",
    "createdAt": "2026-03-04T14:05:09.000Z",
    "data": { "name": "…", "email": "…", "message": "…" },
    "consentText": "…"
  }
}`;
  return (
    <details className="hook-verify">
      <summary>
        <svg viewBox="0 0 16 16" aria-hidden="true" className="hook-verify-chevron">
          <path d="m6 4 4 4-4 4" />
        </svg>
        How to verify that a delivery comes from Atrium
      </summary>
      <div className="hook-verify-body">
        <p>Each delivery is a POST with a JSON body and these headers:</p>
        <pre className="code-block" tabIndex={0}>
          <code>{`X-Atrium-Signature: t=1767225600,v1=5d41c0…e9a2
X-Atrium-Event: form.submission
X-Atrium-Delivery: job_…   (the same for every retry of one message)`}</code>
        </pre>
        <ol className="hook-verify-steps">
          <li>
            Take <code>t</code> (Unix seconds) and <code>v1</code> from the <code>X-Atrium-Signature</code> header.
          </li>
          <li>
            Compute HMAC-SHA256, in hex, of <code>{'<t>.<raw body>'}</code> with the webhook's signing secret.
          </li>
          <li>
            Accept the delivery only if it equals <code>v1</code> (compare in constant time) and <code>t</code> is recent. Answer any 2xx status; anything else
            is retried.
          </li>
        </ol>
        <p>In Node.js:</p>
        <pre className="code-block" tabIndex={0}>
          <code>{example}</code>
        </pre>
        <p>The body:</p>
        <pre className="code-block" tabIndex={0}>
          <code>{payload}</code>
        </pre>
      </div>
    </details>
  );
}

export function Webhooks({ site }: { site: SiteDetail }) {
  const [hooks, setHooks] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; list: Webhook[] }>({
    status: 'loading',
  });
  const [url, setUrl] = useState('');
  const [fresh, setFresh] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Webhook | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const form = useSubmit(['url']);
  const section = useRef<HTMLElement>(null);
  const scrolled = useRef(false);

  const load = useCallback(async () => {
    try {
      const r = await unwrap(api.GET('/api/sites/{siteId}/webhooks', { params: { path: { siteId: site.id } } }));
      setHooks({ status: 'ready', list: r.webhooks });
    } catch (e) {
      setHooks({ status: 'error', message: errorMessage(e, 'The webhooks could not be loaded.') });
    }
  }, [site.id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Linked to as settings#webhooks (from the inbox): scroll here once the list is in.
  useEffect(() => {
    if (scrolled.current || hooks.status === 'loading' || window.location.hash !== '#webhooks') return;
    scrolled.current = true;
    section.current?.scrollIntoView({ block: 'start' });
  }, [hooks.status]);

  const add = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const h = await unwrap(api.POST('/api/sites/{siteId}/webhooks', { params: { path: { siteId: site.id } }, body: { url } }));
      setHooks((s) => (s.status === 'ready' ? { status: 'ready', list: [...s.list, h] } : { status: 'ready', list: [h] }));
      setFresh(h.id);
      setUrl('');
      toast('Webhook added. New messages are sent to it from now on.');
    });
  };

  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await unwrap(api.DELETE('/api/sites/{siteId}/webhooks/{webhookId}', { params: { path: { siteId: site.id, webhookId: removing.id } } }));
      setHooks((s) => (s.status === 'ready' ? { status: 'ready', list: s.list.filter((x) => x.id !== removing.id) } : s));
      toast('Webhook removed.');
      setRemoving(null);
    } catch (e) {
      setRemoveError(errorMessage(e, 'The webhook could not be removed. Try again.'));
    } finally {
      setRemoveBusy(false);
    }
  };

  return (
    <section className="form-section webhooks" id="webhooks" ref={section} aria-labelledby="webhooks-h">
      <h2 id="webhooks-h" className="section-title section-title-tight">
        Webhooks
      </h2>
      <p className="section-hint">
        Atrium POSTs each new message (never spam) as JSON to these URLs, signed with the webhook's own secret. When a URL doesn't answer with a 2xx status,
        Atrium retries with growing delays, 12 times over about half a day. Messages are in the <Link to={`/sites/${site.id}/inbox`}>inbox</Link> either way.
      </p>

      {hooks.status === 'loading' && (
        <div className="center-status">
          <Spinner label="Loading webhooks" />
        </div>
      )}
      {hooks.status === 'error' && <LoadFailed title="The webhooks could not be loaded" message={hooks.message} onRetry={load} />}
      {hooks.status === 'ready' && hooks.list.length > 0 && (
        <ul className="hook-list" aria-label="Webhooks">
          {hooks.list.map((h) => (
            <WebhookItem
              key={h.id}
              siteId={site.id}
              hook={h}
              fresh={h.id === fresh}
              onRemove={(x) => {
                setRemoveError(null);
                setRemoving(x);
              }}
            />
          ))}
        </ul>
      )}
      {hooks.status === 'ready' && hooks.list.length === 0 && (
        <p className="inline-empty">No webhooks yet. Add a URL to send each new message to Zapier, Make, your CRM or your own server.</p>
      )}

      <form ref={form.formRef} onSubmit={add} noValidate className="domain-add">
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="domain-add-row">
          <Field label="Add a webhook" hint="An https:// address that accepts POST requests." error={form.errors.url}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="url"
                value={url}
                onChange={(e) => {
                  setUrl(e.target.value);
                  form.clearError('url');
                }}
                placeholder="https://example.com/hooks/atrium"
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="none"
                inputMode="url"
              />
            )}
          </Field>
          <Button type="submit" variant="secondary" busy={form.busy} disabled={!url.trim()}>
            Add webhook
          </Button>
        </div>
      </form>

      <VerifyHelp siteName={site.name} />

      <ConfirmDialog
        open={removing !== null}
        title="Remove this webhook?"
        confirmLabel="Remove webhook"
        tone="danger"
        busy={removeBusy}
        error={removeError}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        <p>
          Atrium stops sending messages to <strong className="break-all">{removing?.url}</strong>, including deliveries still waiting to be retried. Messages
          stay in your inbox.
        </p>
      </ConfirmDialog>
    </section>
  );
}
