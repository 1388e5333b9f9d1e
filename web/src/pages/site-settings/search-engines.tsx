// Site settings: "Search engines". Who is behind the site, as search engines
// read it from the home page (JSON-LD: the organisation's name, contact
// address and profiles elsewhere; the logo is the navigation's). Applies at
// the next publish.
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api';
import { toast } from '../../toast';
import { Alert, Button, Field } from '../../ui';
import { type SiteContext } from '../site-frame';
import { saveDraft, schemaDoc } from './draft';

export function SearchEngines(ctx: SiteContext) {
  const org = schemaDoc(ctx.site.document).organization ?? { sameAs: [] };
  const [name, setName] = useState(org.name ?? '');
  const [email, setEmail] = useState(org.email ?? '');
  const [profiles, setProfiles] = useState(org.sameAs.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const brand = ctx.site.document.navigation.brand || ctx.site.name;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    const sameAs = profiles
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      await saveDraft(ctx, (d) => ({
        ...d,
        organization: { ...(name.trim() ? { name: name.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}), sameAs },
      }));
      toast('Saved. Search engines see it once you publish.');
    } catch (err) {
      const issues = err instanceof ApiError ? err.issues.filter((i) => i.path.startsWith('document.organization.')) : [];
      if (issues.length) {
        const byField: Record<string, string> = {};
        for (const i of issues) {
          const [, , field, index] = i.path.split('.');
          byField[field!] ??= index !== undefined ? `${sameAs[Number(index)]}: ${i.message}` : i.message;
        }
        setErrors(byField);
      } else setFormError(errorMessage(err, 'Atrium could not be reached. Check your connection and try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="search-engines" className="form-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="section-title section-title-tight">
        Search engines
      </h2>
      <p className="section-hint">
        Your home page tells search engines who is behind the site, so they can show your name, logo and profiles. Page titles and descriptions are set per page
        in the editor; the sitemap and redirects are made for you.
      </p>
      <form className="settings-form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <Alert title="The settings were not saved">{formError}</Alert>}
        <div className="form-grid">
          <Field label="Organisation name" hint={`Leave empty to use ${brand}.`} error={errors.name}>
            {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="organization" />}
          </Field>
          <Field label="Public contact email" hint="Optional. Shown to search engines." error={errors.email}>
            {(p) => <input {...p} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}
          </Field>
        </div>
        <Field label="Profiles elsewhere" hint="One address per line: social networks, directories. Up to 10." error={errors.sameAs}>
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={3}
              value={profiles}
              onChange={(e) => setProfiles(e.target.value)}
              spellCheck={false}
              placeholder="https://www.linkedin.com/company/…"
            />
          )}
        </Field>
        <div className="section-actions">
          <Button type="submit" busy={busy}>
            Save
          </Button>
        </div>
      </form>
    </section>
  );
}
