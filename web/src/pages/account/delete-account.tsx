// Deleting the account (the right to erasure, self-service): a dialog that
// says exactly what is erased and what is kept, confirmed with the password;
// afterwards the goodbye screen shows what the server erased and kept.
import { useEffect, useState } from 'react';
import { api, ok, ApiError, errorMessage, forgetCsrf, type AccountDeleted } from '../../api';
import { ConfirmDialog } from '../../dialog';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Button, Field, PasswordInput } from '../../ui';

/** What the last deletion answered, for the goodbye screen (kept in memory only). */
let lastDeletion: AccountDeleted | null = null;
export const takeDeletion = () => lastDeletion;

export function DeleteAccount({ email }: { email: string }) {
  const { refresh } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [sites, setSites] = useState<string[] | null>(null);

  useEffect(() => {
    if (!open) return;
    ok(api.GET('/api/sites')).then(
      (r) => setSites(r.sites.map((s) => s.name)),
      () => setSites(null),
    );
  }, [open]);

  const remove = async () => {
    setBusy(true);
    setError(null);
    setPasswordError(undefined);
    try {
      lastDeletion = await ok(api.DELETE('/api/account', { body: { password } }));
      forgetCsrf();
      navigate('/goodbye', { replace: true });
      await refresh();
    } catch (e) {
      const issue = e instanceof ApiError ? e.issues.find((i) => i.path === 'password') : undefined;
      if (issue) setPasswordError(issue.message);
      else setError(errorMessage(e, 'Your account could not be deleted. Nothing was erased; try again.'));
      setBusy(false);
    }
  };

  return (
    <div className="danger-row">
      <div>
        <h3 className="danger-title">Delete my account</h3>
        <p className="danger-text">Erases your account and every site in it, with what their visitors sent. Download your data first if you want a copy.</p>
      </div>
      <Button
        variant="secondary"
        className="btn-danger-outline"
        onClick={() => {
          setPassword('');
          setError(null);
          setPasswordError(undefined);
          setOpen(true);
        }}
      >
        Delete my account…
      </Button>
      <ConfirmDialog
        open={open}
        title="Delete your account?"
        confirmLabel="Delete my account for good"
        tone="danger"
        busy={busy}
        error={error}
        confirmDisabled={!password}
        onConfirm={() => void remove()}
        onClose={() => setOpen(false)}
      >
        <p className="rq-dialog-label">Erased at once, for good:</p>
        <ul className="rq-dialog-list">
          <li>
            {sites === null
              ? 'every site of your account, taken offline, with their pages, releases, images and domains'
              : sites.length === 0
                ? 'your workspace (it has no sites)'
                : sites.length === 1
                  ? `your site ${sites[0]}, taken offline, with its pages, releases, images and domains`
                  : `your ${sites.length} sites (${sites.join(', ')}), taken offline, with their pages, releases, images and domains`}
          </li>
          <li>what visitors sent or left there: form messages, cookie choices and visitor statistics</li>
          <li>your name, {email}, your password, your sessions and any mail still queued to you</li>
        </ul>
        <p className="rq-dialog-label">Kept:</p>
        <ul className="rq-dialog-list">
          <li>
            if you ever filed a formal privacy request with Atrium, its record, for 3 years after we answered it: the law asks us to prove how we handled it
          </li>
        </ul>
        <p>Nothing else stays, in any database or file. This can’t be undone.</p>
        <Field label="Your password" hint="To make sure it’s you." error={passwordError}>
          {(p) => (
            <PasswordInput
              {...p}
              value={password}
              onChange={(v) => {
                setPassword(v);
                setPasswordError(undefined);
              }}
              autoComplete="current-password"
              autoFocus
            />
          )}
        </Field>
      </ConfirmDialog>
    </div>
  );
}
