// Publishing a site with forms or analytics needs the data processing
// agreement accepted first. When the server refuses (409 dpa_required), the
// publish flow opens this dialog: what the agreement says in a few lines, a
// link to the whole text, and "Accept and publish", which records the
// acceptance and publishes again.
import { useCallback, useRef, useState } from 'react';
import { api, ok, ApiError, errorMessage, type DpaStatus } from './api';
import { ConfirmDialog } from './dialog';

interface Ask {
  status: DpaStatus;
  reasons: string[];
  /** What was refused, run again once accepted. */
  retry: () => Promise<void> | void;
}

const collects = (reasons: string[]) =>
  reasons.includes('forms') && reasons.includes('analytics') ? 'a form and visitor analytics' : reasons.includes('forms') ? 'a form' : 'visitor analytics';

function DpaSummary({ ask }: { ask: Ask }) {
  const { status } = ask;
  const operator = status.current.title.replace(/^Data processing agreement of /, '');
  return (
    <>
      <p>
        This site collects its visitors’ data ({collects(ask.reasons)}). You decide what happens to that data; {operator} stores and handles it for you. The
        agreement says how:
      </p>
      <ul className="dpa-points">
        <li>Your visitors’ data is used only to run your sites as your settings say: never for advertising, profiling or sale.</li>
        <li>It stays in the data region you chose for each site; the few outside parties involved are listed.</li>
        <li>Retention periods are enforced automatically, and you can export or erase everything at any time.</li>
        <li>We help you answer your visitors’ privacy requests and tell you without undue delay if their data is ever breached.</li>
      </ul>
      <p className="dpa-read">
        <a href={status.current.url} target="_blank" rel="noopener noreferrer">
          Read the full agreement (version {status.current.version})<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        {status.accepted && !status.upToDate && <span className="dpa-was"> You accepted version {status.accepted.version}; it has changed since.</span>}
      </p>
    </>
  );
}

/** `intercept(error, retry)` opens the dialog for a dpa_required refusal (and answers true); render `dialog` once. */
export function useDpaGate() {
  const [ask, setAsk] = useState<Ask | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const askRef = useRef<Ask | null>(null);
  askRef.current = ask;

  const intercept = useCallback(async (e: unknown, retry: Ask['retry']): Promise<boolean> => {
    if (!(e instanceof ApiError) || e.code !== 'dpa_required') return false;
    const workspaceId = typeof e.details.workspaceId === 'string' ? e.details.workspaceId : undefined;
    const reasons = Array.isArray(e.details.reasons) ? e.details.reasons.map(String) : [];
    const status = await ok(api.GET('/api/account/dpa', { params: { query: { workspaceId } } }));
    setError(null);
    setAsk({ status, reasons, retry });
    return true;
  }, []);

  const accept = async () => {
    const current = askRef.current;
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/api/account/dpa', { body: { version: current.status.current.version, workspaceId: current.status.workspaceId } }));
      setAsk(null);
      await current.retry();
    } catch (e) {
      setError(errorMessage(e, 'The agreement could not be accepted. Try again.'));
    } finally {
      setBusy(false);
    }
  };

  const dialog = (
    <ConfirmDialog
      open={ask !== null}
      title="Accept the data processing agreement"
      confirmLabel="Accept and publish"
      busy={busy}
      error={error}
      onConfirm={() => void accept()}
      onClose={() => setAsk(null)}
    >
      {ask && <DpaSummary ask={ask} />}
    </ConfirmDialog>
  );
  return { intercept, dialog };
}
