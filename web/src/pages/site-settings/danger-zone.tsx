// Site settings: unpublish and delete, each confirmed.
import { useState } from 'react';
import { api, ok, errorMessage } from '../../api';
import { ConfirmDialog } from '../../dialog';
import { displayHost } from '../../format';
import { navigate } from '../../router';
import { toast } from '../../toast';
import { Button, Field } from '../../ui';
import { type SiteContext } from '../site-frame';

export function DangerZone({ site, reload }: SiteContext) {
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
