// The notice of a material change to the privacy policy: a banner at the top
// of the dashboard until the subscriber dismisses it, which marks that version
// as seen (POST /api/account/policy-notice) so it does not come back.
import { useEffect, useState } from 'react';
import { api, ok, type PolicyNotice } from './api';
import { formatDate } from './format';

/** "new recipient: tls-front" -> "a new recipient of data": the kinds of change, in words. */
function kindsOfChange(changes: string[]): string {
  const words = new Set<string>();
  for (const c of changes) {
    if (c.startsWith('new purpose')) words.add('a new purpose');
    else if (c.startsWith('new recipient')) words.add('a new recipient of data');
    else if (c.startsWith('new cookie')) words.add('a new cookie');
    else if (c.startsWith('retention')) words.add('a changed retention period');
  }
  const list = [...words];
  return list.length <= 1 ? (list[0] ?? 'a change') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

export function PolicyNoticeBanner() {
  const [notice, setNotice] = useState<PolicyNotice | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    ok(api.GET('/api/account/policy-notice')).then(
      (r) => live && setNotice(r.notice),
      () => undefined, // the notice is a courtesy: the dashboard works without it
    );
    return () => {
      live = false;
    };
  }, []);
  if (!notice) return null;

  const dismiss = async () => {
    setBusy(true);
    try {
      const r = await ok(api.POST('/api/account/policy-notice', { body: { version: notice.version } }));
      setNotice(r.notice);
    } catch {
      setNotice(null); // hidden for now; it comes back on the next visit if the server did not record it
    } finally {
      setBusy(false);
    }
  };
  const past = Date.parse(notice.effectiveAt) <= Date.now();
  return (
    <section className="banner banner-info" aria-label="Privacy policy update">
      <div className="banner-inner">
        <svg className="banner-icon" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M5 2.5h7l3.5 3.5v11.5H5zM12 2.5V6h3.5M7.5 10h5M7.5 13h5" />
        </svg>
        <p className="banner-text">
          <strong>
            Our privacy policy {past ? 'changed' : 'changes'} on {formatDate(notice.effectiveAt)}.
          </strong>{' '}
          It brings {kindsOfChange(notice.changes)}.{' '}
          <a href={notice.url} target="_blank" rel="noopener noreferrer" className="banner-link">
            Read the new version<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
        <button type="button" className="banner-close" onClick={() => void dismiss()} disabled={busy} aria-label="Dismiss the privacy policy notice">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="m4 4 8 8M12 4l-8 8" />
          </svg>
        </button>
      </div>
    </section>
  );
}
