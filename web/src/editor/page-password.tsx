// Page settings: the page's own password. Set, changed or removed through the
// API (never in the draft: passwords are not part of a release), live at once
// on the published site. A page with its own password asks only for it, even
// when the whole site has a password.
import { useEffect, useId, useState } from 'react';
import { api, errorMessage, ok, type FieldIssue, type Protection } from '../api';
import { formatDate } from '../format';
import { useEditorEnv } from './env';
import { Section } from './section';

export function PagePassword() {
  const { siteId, page, saveNow } = useEditorEnv();
  const [protection, setProtection] = useState<Protection | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'set' | 'remove' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    ok(api.GET('/api/sites/{siteId}/protection', { params: { path: { siteId } } })).then(setProtection, () => setProtection(null));
  }, [siteId]);
  useEffect(() => {
    setPassword('');
    setError(null);
    setNote(null);
  }, [page.id]);

  const own = protection?.pages.find((p) => p.pageId === page.id);
  const params = { params: { path: { siteId, pageId: page.id } } };

  const run = async (kind: 'set' | 'remove', call: () => Promise<Protection>, done: string) => {
    setBusy(kind);
    setError(null);
    setNote(null);
    try {
      setProtection(await call());
      setPassword('');
      setNote(done);
    } catch (e) {
      const issue = (e as { issues?: FieldIssue[] }).issues?.find((i) => i.path === 'password');
      setError(issue ? `Password ${issue.message}.` : errorMessage(e, 'Atrium could not be reached. Check your connection and try again.'));
    } finally {
      setBusy(null);
    }
  };

  const submit = () => {
    if (!password || busy) return;
    void run(
      'set',
      async () => {
        // A page added since the last save must exist on the server before it can have a password.
        await saveNow();
        return ok(api.PUT('/api/sites/{siteId}/pages/{pageId}/password', { ...params, body: { password } }));
      },
      own ? 'Password changed. Visitors are asked for the new one.' : 'This page now asks for its password.',
    );
  };

  const status = own
    ? `Visitors need this page’s password (set ${formatDate(own.updatedAt)}).`
    : protection?.site.protected
      ? 'Visitors need the site password. Give this page its own to ask for that one instead.'
      : 'Anyone can open this page.';

  return (
    <Section title="Password">
      {/* Not a <form>: the page settings sit inside Puck's own form. Enter in the field sets the password. */}
      <div>
        <p className={`ed-protect-status${own ? ' is-on' : ''}`}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d={own ? 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v7h-9z' : 'M4.5 7V5a3.5 3.5 0 0 1 6.8-1.2M3.5 7h9v7h-9z'} />
          </svg>
          <span>{status}</span>
        </p>
        <div className="ed-field">
          <label htmlFor={id} className="ed-label">
            {own ? 'New password' : 'Page password'}
          </label>
          <input
            id={id}
            className="ed-input"
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-${error ? 'error' : 'hint'}`}
            onChange={(e) => {
              setPassword(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              submit();
            }}
          />
          {error ? (
            <p id={`${id}-error`} className="ed-error" role="alert">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="ed-hint">
              At least 6 characters. Live at once, without publishing.
            </p>
          )}
        </div>
        <div className="ed-protect-actions">
          <button type="button" className="ed-btn ed-btn-primary ed-btn-sm" disabled={!password || busy !== null} onClick={submit}>
            {busy === 'set' ? 'Saving…' : own ? 'Change password' : 'Set password'}
          </button>
          {own && (
            <button
              type="button"
              className="ed-btn ed-btn-ghost ed-btn-sm"
              disabled={busy !== null}
              onClick={() =>
                void run('remove', () => ok(api.DELETE('/api/sites/{siteId}/pages/{pageId}/password', params)), 'Password removed from this page.')
              }
            >
              {busy === 'remove' ? 'Removing…' : 'Remove'}
            </button>
          )}
        </div>
        {note && (
          <p className="ed-hint ed-protect-note" role="status">
            {note}
          </p>
        )}
      </div>
    </Section>
  );
}
