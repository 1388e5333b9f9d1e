// "Mail & privacy choices" in account settings: product news on or off (the
// consent's exact words beside the switch), every consent given or withdrawn
// with its wording, times and how, and the switch that restricts processing of
// the subscriber's data, after a confirmation that says what stops and what
// keeps running.
import { useCallback, useEffect, useId, useState } from 'react';
import { api, ok, errorMessage, type Account } from '../api';
import type { components } from '../api-types';
import { ConfirmDialog } from '../dialog';
import { formatDate, formatDateTime } from '../format';
import { toast } from '../toast';
import { Alert, LoadFailed, Spinner } from '../ui';

type Consents = components['schemas']['ConsentList'];
type ConsentEntry = Consents['history'][number];

const HOW: Record<NonNullable<ConsentEntry['withdrawnVia']>, string> = {
  settings: 'in your account settings',
  'one-click': 'with the unsubscribe link of a mail',
};

function ConsentHistory({ history }: { history: ConsentEntry[] }) {
  if (history.length === 0) return <p className="choices-empty">You have not given any consent. Atrium needs none to run your account and your sites.</p>;
  return (
    <ol className="choices-history">
      {history.map((c) => (
        <li key={c.id} className="choices-entry">
          <div className="choices-entry-head">
            <span className="choices-entry-name">{c.name}</span>
            {c.withdrawnAt ? (
              <span className="badge badge-neutral">Withdrawn</span>
            ) : (
              <span className="badge badge-live">
                <span className="badge-dot" aria-hidden="true" />
                Given
              </span>
            )}
          </div>
          <blockquote className="choices-wording">{c.wording}</blockquote>
          <dl className="choices-times">
            <div>
              <dt>Given</dt>
              <dd>
                <time dateTime={c.grantedAt}>{formatDateTime(c.grantedAt)}</time>
              </dd>
            </div>
            {c.withdrawnAt && (
              <div>
                <dt>Withdrawn</dt>
                <dd>
                  <time dateTime={c.withdrawnAt}>{formatDateTime(c.withdrawnAt)}</time>
                  {c.withdrawnVia && ` ${HOW[c.withdrawnVia]}`}
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}

function Restriction({ since, news, onChange }: { since: string | null; news: boolean; onChange: (at: string | null) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restricted = since !== null;
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await ok(api.PUT('/api/account/restriction', { body: { restricted: !restricted } }));
      onChange(r.processingRestrictedAt);
      setOpen(false);
      toast(r.processingRestrictedAt ? 'Processing of your data is restricted.' : 'The restriction is lifted.');
    } catch (e) {
      setError(errorMessage(e, 'The change could not be saved. Try again.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="choices-block">
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={restricted}
          aria-describedby={`${id}-hint`}
          // The switch shows the saved state: it moves once the dialog's change is saved.
          onChange={() => {
            setError(null);
            setOpen(true);
          }}
        />
        <span className="switch-text">
          <span className="switch-label">Restrict processing of my data</span>
          <span id={`${id}-hint`} className="field-hint">
            {restricted ? (
              <>On since {since && formatDate(since)}. Your data stays stored and your sites keep running; Atrium does nothing else with your data.</>
            ) : (
              <>Keep your data stored and your sites running, and stop everything else Atrium does with your data. For example while you dispute something.</>
            )}
          </span>
        </span>
      </label>
      <ConfirmDialog
        open={open}
        title={restricted ? 'Lift the restriction?' : 'Restrict processing of your data?'}
        confirmLabel={restricted ? 'Lift the restriction' : 'Restrict processing'}
        busy={busy}
        error={error}
        onConfirm={() => void apply()}
        onClose={() => setOpen(false)}
      >
        {restricted ? (
          <p>Atrium goes back to doing what you agreed to: product news comes again only if it is switched on above.</p>
        ) : (
          <div className="choices-dialog">
            <p className="choices-dialog-title">What stops</p>
            <ul>
              <li>{news ? 'Product news, even though you asked for it.' : 'Product news, even if you switch it on.'}</li>
              <li>Any use of your data beyond keeping your account and your sites.</li>
            </ul>
            <p className="choices-dialog-title">What keeps running</p>
            <ul>
              <li>Your account, your data and everything you published: nothing is deleted.</li>
              <li>Your sites, their forms and the messages visitors send you.</li>
              <li>Mails you need: sign-in and password links, and notices about your sites.</li>
            </ul>
            <p>You can lift the restriction here at any time.</p>
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}

export function AccountChoices({ account }: { account: Account }) {
  const id = useId();
  const [consents, setConsents] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Consents }>({
    status: 'loading',
  });
  const [restrictedAt, setRestrictedAt] = useState(account.processingRestrictedAt);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setConsents({ status: 'ready', data: await ok(api.GET('/api/account/consents')) });
    } catch (e) {
      setConsents({ status: 'error', message: errorMessage(e, 'Your choices could not be loaded.') });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const news = consents.status === 'ready' ? consents.data.purposes.find((p) => p.purpose === 'product_news') : undefined;
  const setNews = async (granted: boolean) => {
    setSaving(true);
    setSaveError(null);
    try {
      setConsents({ status: 'ready', data: await ok(api.PUT('/api/account/consents', { body: { purpose: 'product_news', granted } })) });
      toast(granted ? 'Product news is on.' : 'You will get no more product news.');
    } catch (e) {
      setSaveError(errorMessage(e, 'Your choice could not be saved. Try again.'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="form-section choices" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="section-title section-title-tight">
        Mail &amp; privacy choices
      </h2>
      <p className="section-hint">What Atrium may do with your data beyond running your account and your sites. Each change applies at once.</p>
      {consents.status === 'loading' && (
        <div className="center-status">
          <Spinner label="Loading your choices" />
        </div>
      )}
      {consents.status === 'error' && <LoadFailed title="Your choices could not be loaded" message={consents.message} onRetry={load} />}
      {consents.status === 'ready' && news && (
        <div className="choices-body">
          <div className="choices-block">
            <label className="switch-row">
              <input
                type="checkbox"
                role="switch"
                className="switch"
                checked={news.active}
                disabled={saving}
                aria-describedby={`${id}-news`}
                onChange={(e) => void setNews(e.target.checked)}
              />
              <span className="switch-text">
                <span className="switch-label">{news.name}</span>
                <span id={`${id}-news`} className="field-hint">
                  “{news.wording}”{restrictedAt && news.active && ' None is sent while processing of your data is restricted.'}
                </span>
              </span>
            </label>
            {saveError && <Alert>{saveError}</Alert>}
          </div>
          <div className="choices-block">
            <h3 className="subsection-title">Consents you gave</h3>
            <ConsentHistory history={consents.data.history} />
          </div>
          <Restriction since={restrictedAt} news={news.active} onChange={setRestrictedAt} />
        </div>
      )}
    </section>
  );
}
