// Site settings: "Password protection". A password for the whole site, set,
// changed or removed here and live at once (no publish: passwords are kept
// apart from releases). Pages with their own password (set in the editor's
// page settings) are listed; they ask only for theirs.
import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage, ok, type Protection } from '../../api';
import { formatDate, pageName } from '../../format';
import { Link } from '../../router';
import { toast } from '../../toast';
import { Alert, Button, Field, PasswordInput, useSubmit } from '../../ui';
import { type SiteContext } from '../site-frame';

export function SiteProtection({ site }: SiteContext) {
  const [protection, setProtection] = useState<Protection | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [removing, setRemoving] = useState(false);
  const form = useSubmit(['password']);
  const path = { params: { path: { siteId: site.id } } };

  useEffect(() => {
    ok(api.GET('/api/sites/{siteId}/protection', path)).then(setProtection, (e: unknown) =>
      setLoadError(errorMessage(e, 'Atrium could not be reached. Reload the page to try again.')),
    );
  }, [site.id]);

  const isOn = protection?.site.protected ?? false;
  const pages = (protection?.pages ?? []).flatMap((p) => site.document.pages.filter((d) => d.id === p.pageId));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      setProtection(await ok(api.PUT('/api/sites/{siteId}/password', { ...path, body: { password } })));
      setPassword('');
      toast(isOn ? 'Password changed. Visitors are asked for the new one from now on.' : 'Your site now asks visitors for the password.');
    });
  };

  const remove = async () => {
    setRemoving(true);
    form.setFormError(null);
    try {
      setProtection(await ok(api.DELETE('/api/sites/{siteId}/password', path)));
      toast('Password removed. Anyone can visit your site again.');
    } catch (e) {
      form.setFormError(errorMessage(e, 'Atrium could not be reached. Check your connection and try again.'));
    } finally {
      setRemoving(false);
    }
  };

  return (
    <section id="protection" className="form-section" aria-labelledby="protection-h">
      <h2 id="protection-h" className="section-title section-title-tight">
        Password protection
      </h2>
      <p className="section-hint">
        Ask visitors for a password before they see anything of the site: pages, images, forms, or its entries in search engines. Changes are live at once,
        without publishing, and anyone who entered an earlier password is asked for the new one.
      </p>
      {loadError ? (
        <Alert title="The password setting could not be loaded">{loadError}</Alert>
      ) : !protection ? (
        <p className="protection-status" aria-busy="true">
          Loading…
        </p>
      ) : (
        <form ref={form.formRef} onSubmit={submit} noValidate className="settings-form">
          <p className={`protection-status${isOn ? ' is-on' : ''}`} role="status">
            <svg viewBox="0 0 20 20" aria-hidden="true">
              {isOn ? <path d="M5.5 9V6.5a4.5 4.5 0 0 1 9 0V9M4.5 9h11v8h-11z" /> : <path d="M5.5 9V6.5a4.5 4.5 0 0 1 8.7-1.6M4.5 9h11v8h-11z" />}
            </svg>
            <span>
              <strong>{isOn ? 'Visitors need a password' : 'Anyone can visit this site'}</strong>
              {isOn && protection.site.updatedAt && <span className="protection-since"> · set {formatDate(protection.site.updatedAt)}</span>}
            </span>
          </p>
          {form.formError && <Alert>{form.formError}</Alert>}
          <Field
            label={isOn ? 'New password' : 'Site password'}
            hint="At least 6 characters. Share it with the people who should see the site; they enter it once per browser."
            error={form.errors.password}
          >
            {(p) => (
              <PasswordInput
                {...p}
                value={password}
                onChange={(v) => {
                  setPassword(v);
                  form.clearError('password');
                }}
                autoComplete="new-password"
              />
            )}
          </Field>
          {pages.length > 0 && (
            <div className="protection-pages">
              <p className="protection-pages-title">Pages with their own password</p>
              <ul>
                {pages.map((p) => (
                  <li key={p.id}>
                    <Link to={`/sites/${site.id}/edit`}>{pageName(p)}</Link> <code>{p.path}</code>
                  </li>
                ))}
              </ul>
              <p className="field-hint">These ask only for their own password, even when the site has one. Change them in the editor’s page settings.</p>
            </div>
          )}
          <div className="section-actions">
            {isOn && (
              <Button variant="ghost" busy={removing} onClick={() => void remove()}>
                Remove password
              </Button>
            )}
            <Button type="submit" busy={form.busy} disabled={!password}>
              {isOn ? 'Change password' : 'Protect the site'}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
