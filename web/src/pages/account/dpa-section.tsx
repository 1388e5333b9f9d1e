// Account → Data processing agreement: which version your workspace accepted,
// when and by whom, a link to read it, and accepting the current one when it
// changed materially (or was never accepted).
import { useCallback, useEffect, useState } from 'react';
import { api, ok, errorMessage, type DpaStatus } from '../../api';
import { formatDate, formatDateTime } from '../../format';
import { toast } from '../../toast';
import { Alert, Button, Spinner } from '../../ui';

export function DpaSection() {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; status: DpaStatus }>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', status: await ok(api.GET('/api/account/dpa')) });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e, 'The agreement could not be loaded.') });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const accept = async (status: DpaStatus) => {
    setBusy(true);
    setError(null);
    try {
      const next = await ok(api.POST('/api/account/dpa', { body: { version: status.current.version, workspaceId: status.workspaceId } }));
      setState({ kind: 'ready', status: next });
      toast(`You accepted version ${status.current.version} of the data processing agreement.`);
    } catch (e) {
      setError(errorMessage(e, 'The agreement could not be accepted. Try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="form-section dpa-section" aria-labelledby="dpa-h">
      <h2 id="dpa-h" className="section-title section-title-tight">
        Data processing agreement
      </h2>
      <p className="section-hint">
        For your visitors’ data (form messages, analytics, cookie choices, privacy requests) you are the controller and we process it for you. This agreement
        says how. It is needed before a site with forms or analytics goes live.
      </p>
      {state.kind === 'loading' && <Spinner label="Loading the agreement" />}
      {state.kind === 'error' && <Alert>{state.message}</Alert>}
      {state.kind === 'ready' && (
        <div className="dpa-status">
          <dl className="dpa-facts">
            <div>
              <dt>In effect</dt>
              <dd>
                <a href={state.status.current.url} target="_blank" rel="noopener noreferrer">
                  Version {state.status.current.version}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
                , since {formatDate(state.status.current.effectiveAt)}
              </dd>
            </div>
            <div>
              <dt>You accepted</dt>
              <dd>
                {state.status.accepted ? (
                  <>
                    Version {state.status.accepted.version} on {formatDateTime(state.status.accepted.acceptedAt)}
                    {state.status.accepted.acceptedBy ? `, by ${state.status.accepted.acceptedBy}` : ''}
                  </>
                ) : (
                  'Not yet'
                )}
              </dd>
            </div>
            {state.status.upcoming && (
              <div>
                <dt>Coming</dt>
                <dd>
                  <a href={state.status.upcoming.url} target="_blank" rel="noopener noreferrer">
                    Version {state.status.upcoming.version}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                  , from {formatDate(state.status.upcoming.effectiveAt)}
                  <span className="dpa-note">A material change: after that date, publishing a site with forms or analytics asks you to accept it.</span>
                </dd>
              </div>
            )}
          </dl>
          {state.status.upToDate ? (
            <p className="dpa-ok">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m3.5 8.5 3 3 6-7" />
              </svg>
              Up to date: your sites can publish forms and analytics.
            </p>
          ) : (
            <div className="dpa-accept">
              {error && <Alert>{error}</Alert>}
              <Button busy={busy} onClick={() => void accept(state.status)}>
                Accept version {state.status.current.version}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
