// Site settings: the site's name and address (slug).
import { useEffect, useState, type FormEvent } from 'react';
import { addressSuffix, api, ok, getMeta } from '../../api';
import { displayHost } from '../../format';
import { toast } from '../../toast';
import { Alert, Button, Field, useSubmit } from '../../ui';
import { type SiteContext } from '../site-frame';
import { slugify } from '../new-site';

export function NameAndAddress({ site, setSite }: SiteContext) {
  const [name, setName] = useState(site.name);
  const [slug, setSlug] = useState(site.slug);
  const [suffix, setSuffix] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(['name', 'slug']);

  useEffect(() => {
    getMeta().then(
      (m) => setSuffix(addressSuffix(m)),
      () => setSuffix(displayHost(site.url).slice(site.slug.length)),
    );
  }, []); // the address pattern does not change while the page is open

  const changed = name.trim() !== site.name || slug.trim() !== site.slug;
  const slugChanged = slug.trim() !== site.slug;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const body: { name?: string; slug?: string } = {};
      if (name.trim() !== site.name) body.name = name;
      if (slugChanged) body.slug = slug;
      const updated = await ok(api.PATCH('/api/sites/{siteId}', { params: { path: { siteId: site.id } }, body: body }));
      setSite(updated);
      setName(updated.name);
      setSlug(updated.slug);
      setSaved(true);
      toast(slugChanged && updated.status !== 'draft' ? `Saved. Your site now answers at ${displayHost(updated.url)}.` : 'Saved.');
    });
  };

  return (
    <section className="form-section" aria-labelledby="name-h">
      <h2 id="name-h" className="section-title">
        Name and address
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate className="settings-form">
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="form-grid">
          <Field label="Site name" hint="Shown in your dashboard and as the brand when the site has none." error={form.errors.name}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setSaved(false);
                  form.clearError('name');
                }}
                autoComplete="off"
                required
              />
            )}
          </Field>
          <Field
            label="Address"
            hint={
              slugChanged && site.status !== 'draft'
                ? `The live site moves to the new address at once; ${displayHost(site.url)} stops answering.`
                : '3–40 lowercase letters, digits or hyphens.'
            }
            error={form.errors.slug}
          >
            {(p) => (
              <div className="input-group">
                <input
                  {...p}
                  className="input"
                  value={slug}
                  onChange={(e) => {
                    setSlug(e.target.value.toLowerCase());
                    setSaved(false);
                    form.clearError('slug');
                  }}
                  onBlur={() => slug && slug !== slugify(slug) && setSlug(slugify(slug))}
                  autoComplete="off"
                  spellCheck={false}
                  autoCapitalize="none"
                  required
                />
                {suffix && <span className="input-suffix">{suffix}</span>}
              </div>
            )}
          </Field>
        </div>
        <div className="section-actions">
          {saved && !changed && (
            <p className="saved-note" role="status">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m3.5 8.5 3 3 6-7" />
              </svg>
              Saved
            </p>
          )}
          {changed && (
            <Button
              variant="ghost"
              onClick={() => {
                setName(site.name);
                setSlug(site.slug);
                form.clearError('name');
                form.clearError('slug');
                form.setFormError(null);
              }}
            >
              Discard
            </Button>
          )}
          <Button type="submit" busy={form.busy} disabled={!changed}>
            Save changes
          </Button>
        </div>
      </form>
    </section>
  );
}
