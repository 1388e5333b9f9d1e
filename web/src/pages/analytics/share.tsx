// The site's public, read-only link to its figures: made, copied and revoked
// here. Whoever holds it sees the totals and tables (never a single visit),
// with no account, until it is revoked; making a new one ends the old one.
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, ok } from '../../api';
import type { components } from '../../api-types';
import { ConfirmDialog, CopyButton } from '../../dialog';
import { formatDate } from '../../format';
import { toast } from '../../toast';
import { Alert, Button } from '../../ui';

type Share = components['schemas']['AnalyticsShare'];
type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; share: Share | null };

export function SharePanel({ siteId }: { siteId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const path = { siteId };

  const fetchShare = useCallback(async () => {
    try {
      const r = await ok(api.GET('/api/sites/{siteId}/analytics/share', { params: { path: { siteId } } }));
      setLoad({ status: 'ready', share: r.share });
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e, 'The share link could not be loaded.') });
    }
  }, [siteId]);

  useEffect(() => {
    void fetchShare();
  }, [fetchShare]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const share = await ok(api.POST('/api/sites/{siteId}/analytics/share', { params: { path } }));
      setLoad({ status: 'ready', share });
      toast('Public link made. Anyone with it can see these figures.');
    } catch (e) {
      setError(errorMessage(e, 'The link could not be made.'));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await ok(api.DELETE('/api/sites/{siteId}/analytics/share', { params: { path } }));
      setLoad({ status: 'ready', share: null });
      setConfirming(false);
      toast('Public link revoked. It no longer opens the figures.');
    } catch (e) {
      setError(errorMessage(e, 'The link could not be revoked.'));
    } finally {
      setBusy(false);
    }
  };

  const share = load.status === 'ready' ? load.share : null;
  return (
    <section className="panel an-share" aria-labelledby="an-share-h">
      <div className="an-share-text">
        <h2 id="an-share-h" className="section-title section-title-tight">
          Public link
        </h2>
        <p className="section-hint">
          {share
            ? `Anyone with this link can see these figures and tables, read-only and without an account, since ${formatDate(share.createdAt)}. No single visit or visitor is ever shown.`
            : 'Share the figures with a client or your team without an account: a read-only page of the totals and tables, never a single visit. You can revoke it at any time.'}
        </p>
      </div>
      {load.status === 'error' && <Alert title="The share link could not be loaded">{load.message}</Alert>}
      {error && !confirming && <Alert title="That did not work">{error}</Alert>}
      {load.status === 'ready' &&
        (share ? (
          <div className="an-share-link">
            <label htmlFor="an-share-url" className="visually-hidden">
              Public link
            </label>
            <input id="an-share-url" className="input an-share-url" readOnly value={share.url} onFocus={(e) => e.target.select()} />
            <CopyButton value={share.url} label="the public link" />
            <a className="btn btn-ghost btn-sm" href={share.url} target="_blank" rel="noopener noreferrer">
              <span>
                Open<span className="visually-hidden"> the public page (new tab)</span>
              </span>
            </a>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} disabled={busy}>
              Revoke
            </Button>
          </div>
        ) : (
          <div>
            <Button variant="secondary" onClick={() => void create()} busy={busy}>
              Make a public link
            </Button>
          </div>
        ))}
      <ConfirmDialog
        open={confirming}
        title="Revoke the public link?"
        confirmLabel="Revoke link"
        tone="danger"
        busy={busy}
        error={confirming ? error : null}
        onConfirm={() => void revoke()}
        onClose={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        Whoever has it will no longer see the figures. You can make a new link afterwards; the old one stays dead.
      </ConfirmDialog>
    </section>
  );
}
