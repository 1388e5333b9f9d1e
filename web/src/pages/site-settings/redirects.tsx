// Site settings: "Redirects". Old addresses that answer with a permanent
// redirect (301) once published: made by Atrium when a page's path changes in
// the editor, and added or removed here (to a page of the site or to another
// site). A redirect never hides a page: the server refuses one that would.
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api';
import { toast } from '../../toast';
import { Alert, Button, Field } from '../../ui';
import { type SiteContext } from '../site-frame';
import { saveDraft, schemaDoc } from './draft';

interface Redirect {
  from: string;
  to: string;
}

/** "/old" for "old" or " /old/ ": what people type, as the schema wants it. */
const asPath = (v: string) => {
  const t = v.trim();
  return t && !t.startsWith('/') && !/^https?:\/\//i.test(t) ? `/${t}` : t;
};

export function Redirects(ctx: SiteContext) {
  const redirects: Redirect[] = schemaDoc(ctx.site.document).redirects ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string; form?: string }>({});
  const [busy, setBusy] = useState<string | null>(null);
  const id = useId();

  const save = async (next: Redirect[], done: string, key: string) => {
    setBusy(key);
    setErrors({});
    try {
      await saveDraft(ctx, (d) => ({ ...d, redirects: next }));
      toast(done);
      return true;
    } catch (e) {
      const issue = (field: 'from' | 'to') =>
        e instanceof ApiError ? e.issues.find((i) => i.path === `document.redirects.${next.length - 1}.${field}`)?.message : undefined;
      const fieldErrors = { from: issue('from'), to: issue('to') };
      setErrors(
        fieldErrors.from || fieldErrors.to ? fieldErrors : { form: errorMessage(e, 'Atrium could not be reached. Check your connection and try again.') },
      );
      return false;
    } finally {
      setBusy(null);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = { from: asPath(from), to: asPath(to) };
    if (!r.from || !r.to) return setErrors({ from: r.from ? undefined : 'Enter the old path.', to: r.to ? undefined : 'Enter where it should lead.' });
    if (await save([...redirects, r], `Saved. ${r.from} leads to ${r.to} once you publish.`, 'add')) {
      setFrom('');
      setTo('');
    }
  };

  return (
    <section id="redirects" className="form-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="section-title section-title-tight">
        Redirects
      </h2>
      <p className="section-hint">
        Old addresses that send visitors and search engines on to a new one, permanently (301). Atrium adds one whenever you change a page’s path, so links to
        the old address keep working. Changes apply at your next publish.
      </p>
      {redirects.length ? (
        <ul className="redirect-list" aria-label="Redirects">
          {redirects.map((r) => (
            <li key={r.from} className="redirect">
              <code className="redirect-from">{r.from}</code>
              <span className="redirect-arrow" aria-hidden="true">
                →
              </span>
              <span className="visually-hidden">leads to</span>
              <code className="redirect-to">{r.to}</code>
              <Button
                variant="ghost"
                size="sm"
                busy={busy === r.from}
                onClick={() =>
                  void save(
                    redirects.filter((x) => x.from !== r.from),
                    `Removed. ${r.from} stops redirecting once you publish.`,
                    r.from,
                  )
                }
              >
                Remove<span className="visually-hidden"> the redirect from {r.from}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="redirect-empty">No redirects yet.</p>
      )}
      <form className="settings-form" noValidate onSubmit={(e) => void add(e)}>
        {errors.form && <Alert title="The redirect was not saved">{errors.form}</Alert>}
        <div className="form-grid">
          <Field label="Old path" hint="Like /old-pricing" error={errors.from}>
            {(p) => <input {...p} className="input" value={from} onChange={(e) => setFrom(e.target.value)} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label="Leads to" hint="A page, like /pricing, or a full address" error={errors.to}>
            {(p) => <input {...p} className="input" value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off" spellCheck={false} />}
          </Field>
        </div>
        <div className="section-actions">
          <Button type="submit" busy={busy === 'add'}>
            Add redirect
          </Button>
        </div>
      </form>
    </section>
  );
}
