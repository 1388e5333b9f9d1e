// "Roll back to this release?": the confirmation and the request, shared by the
// release list and the preview of one release.
import { useEffect, useState } from 'react';
import { api, ok, ApiError, type Release } from '../api';
import { ConfirmDialog } from '../dialog';
import { ago, displayHost, formatDateTime } from '../format';
import { toast } from '../toast';

export function RollbackDialog({
  siteId,
  siteUrl,
  target,
  onClose,
  onDone,
}: {
  siteId: string;
  siteUrl: string;
  /** The release to make live again; null keeps the dialog closed. */
  target: Release | null;
  onClose: () => void;
  onDone: () => Promise<unknown> | void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setError(null), [target]);

  const confirm = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/api/sites/{siteId}/releases/{releaseId}/rollback', { params: { path: { siteId, releaseId: target.id } } }));
      toast(`Rolled back. ${displayHost(siteUrl)} now shows the release from ${ago(target.createdAt)}.`);
      await onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The rollback failed. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={target !== null}
      title="Roll back to this release?"
      confirmLabel="Roll back"
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {target && (
        <>
          <p>
            Visitors to <strong>{displayHost(siteUrl)}</strong> will see the version published {ago(target.createdAt)} ({formatDateTime(target.createdAt)})
            right away. The rollback is added to the history, so you can undo it the same way.
          </p>
          <p>Your draft is not changed. Publishing again later puts the draft live.</p>
        </>
      )}
    </ConfirmDialog>
  );
}
