// Erasing what the site holds about a requester, confirmed in a dialog that
// names exactly what goes, what stays, and that every webhook endpoint is
// sent a signed privacy.erasure event so the systems that received the
// messages can erase them too.
import { useState } from 'react';
import { api, ok, errorMessage, type ErasureResult, type PrivacyRequest, type VisitorData } from '../../api';
import { ConfirmDialog } from '../../dialog';
import { formatDate } from '../../format';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function EraseDialog({
  open,
  siteId,
  request,
  data,
  webhooks,
  onClose,
  onErased,
}: {
  open: boolean;
  siteId: string;
  request: PrivacyRequest;
  data: VisitorData;
  /** The hosts of the site's webhook endpoints (null when they could not be loaded). */
  webhooks: string[] | null;
  onClose: () => void;
  onErased: (r: ErasureResult) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = data.submissions.length;
  const dates = [...new Set(data.submissions.map((s) => formatDate(s.createdAt)))];

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      onErased(await ok(api.POST('/api/sites/{siteId}/privacy-requests/{requestId}/erase', { params: { path: { siteId, requestId: request.id } } })));
    } catch (e) {
      setError(errorMessage(e, 'Nothing was erased. Try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={open}
      title={`Erase what the site holds about ${data.email}?`}
      confirmLabel="Erase for good"
      tone="danger"
      busy={busy}
      error={error}
      onConfirm={() => void erase()}
      onClose={() => {
        setError(null);
        onClose();
      }}
    >
      <p className="rq-dialog-label">Erased now, in one step:</p>
      <ul className="rq-dialog-list">
        <li>
          {plural(n, 'form message', 'form messages')} from {data.email} (sent {dates.join(', ')}), from the inbox and the site’s data region
        </li>
        <li>the mail and webhook posts of those messages still held in the queue{data.queued.length ? ` (${data.queued.length})` : ''}</li>
      </ul>
      <p className="rq-dialog-label">Told:</p>
      <ul className="rq-dialog-list">
        <li>
          {webhooks === null
            ? 'each of the site’s webhook endpoints'
            : webhooks.length === 0
              ? 'no one: the site has no webhook endpoint'
              : webhooks.length === 1
                ? `the site’s webhook endpoint (${webhooks[0]})`
                : `each of the site’s ${webhooks.length} webhook endpoints (${webhooks.join(', ')})`}
          {webhooks?.length !== 0 && (
            <>
              {' '}
              receives a signed <code>privacy.erasure</code> event naming the address and the erased messages, so the systems that received them can erase them
              too. The delivery log in Settings → Webhooks is your proof.
            </>
          )}
        </li>
      </ul>
      <p className="rq-dialog-label">Kept:</p>
      <ul className="rq-dialog-list">
        <li>cookie choices: they hold no address, and the site must be able to show the consent it relied on</li>
        <li>this request and its timeline, as proof of how it was answered</li>
      </ul>
      <p>This can’t be undone. Afterwards, complete the request to tell {request.name || 'the requester'} by mail.</p>
    </ConfirmDialog>
  );
}
