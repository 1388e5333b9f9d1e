// Site settings: custom code on every page (an analytics tag, a chat widget).
// List, add, edit and remove site-wide snippets; each is saved to the draft
// with its consent category and goes live at the next publish. Code for one
// page is edited in the editor's page settings.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { ConfirmDialog } from '../../dialog';
import { forgetPublishIssues, publishIssues, rememberPublishIssues } from '../../publish-issues';
import { pageName } from '../../format';
import { Link } from '../../router';
import { toast } from '../../toast';
import { Button } from '../../ui';
import { type SiteContext } from '../site-frame';
import { saveDraft, schemaDoc } from './draft';
import { SnippetForm } from './snippet-form';
import { checkDraft, fromDraft, hasIssues, issueErrors, toDraft, type Snippet, type SnippetDraft, type SnippetErrors } from './snippet-model';
import { SnippetSummary } from './snippet-summary';

interface Editing {
  /** The snippet being changed, or null for a new one. */
  id: string | null;
  draft: SnippetDraft;
  errors: SnippetErrors;
}

function EditCard({
  editing,
  busy,
  onChange,
  onSave,
  onCancel,
}: {
  editing: Editing;
  busy: boolean;
  onChange(d: SnippetDraft): void;
  onSave(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const errorCount = Object.keys(editing.errors).length;
  useEffect(() => {
    if (errorCount) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], .alert')?.focus();
  }, [errorCount, editing.errors]);
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  return (
    <form
      ref={ref}
      className="snippet-edit"
      noValidate
      aria-label={editing.id ? `Edit ${editing.draft.name || 'custom code'}` : 'New custom code'}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3 className="snippet-edit-title">{editing.id ? 'Edit custom code' : 'New custom code'}</h3>
      <SnippetForm value={editing.draft} errors={editing.errors} onChange={onChange} />
      <div className="section-actions">
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {editing.id ? 'Save code' : 'Add code'}
        </Button>
      </div>
    </form>
  );
}

export function CustomCode(ctx: SiteContext) {
  const { site } = ctx;
  const doc = schemaDoc(site.document);
  const snippets = doc.snippets;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Snippet | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const perPage = doc.pages.filter((p) => p.snippets.length > 0);
  // What the last publish (in the editor) refused about this code, until it changes.
  const [refused, setRefused] = useState(() => publishIssues(site.id));
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (location.hash === '#custom-code') sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);
  /** Once the code changed, the old messages may no longer hold; what the save says publishing would still refuse about it replaces them. */
  const changedCode = (warnings: { path: string; message: string }[]) => {
    const code = warnings.filter((w) => w.path.startsWith('document.snippets.'));
    forgetPublishIssues(site.id);
    rememberPublishIssues(site.id, code);
    setRefused(code);
  };

  const save = async () => {
    if (!editing) return;
    const found = checkDraft(editing.draft);
    if (Object.keys(found).length) {
      setEditing({ ...editing, errors: found });
      return;
    }
    const snippet = fromDraft(editing.draft);
    let index = -1;
    setBusy(true);
    try {
      const { warnings } = await saveDraft(ctx, (doc) => {
        const list = [...doc.snippets];
        index = list.findIndex((s) => s.id === snippet.id);
        if (index < 0) index = list.push(snippet) - 1;
        else list[index] = snippet;
        return { ...doc, snippets: list };
      });
      setEditing(null);
      changedCode(warnings);
      toast(editing.id ? `“${snippet.name}” saved to the draft. Publish to put it live.` : `“${snippet.name}” added to the draft. Publish to put it live.`);
      requestAnimationFrame(() => addRef.current?.focus());
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      const errors = err ? issueErrors(err.issues, `document.snippets.${index}.`, snippet) : {};
      if (!Object.keys(errors).length) errors.form = err?.message ?? 'Atrium could not be reached. Check your connection and try again.';
      setEditing((cur) => cur && { ...cur, errors });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    try {
      const { warnings } = await saveDraft(ctx, (doc) => ({ ...doc, snippets: doc.snippets.filter((s) => s.id !== removing.id) }));
      changedCode(warnings);
      toast(`“${removing.name}” removed from the draft. Publish to take it off the live site.`);
      setRemoving(null);
      requestAnimationFrame(() => addRef.current?.focus());
    } catch (e) {
      setRemoveError(e instanceof ApiError ? e.message : 'Atrium could not be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  const edit = (s: Snippet | null, index?: number) =>
    setEditing({ id: s?.id ?? null, draft: toDraft(s ?? undefined), errors: s ? issueErrors(refused, `document.snippets.${index}.`, s) : {} });
  const card = editing && (
    <EditCard
      editing={editing}
      busy={busy}
      onChange={(draft) => setEditing({ ...editing, draft })}
      onSave={() => void save()}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <section ref={sectionRef} id="custom-code" className="form-section" aria-labelledby="custom-code-h">
      <div className="section-head-row">
        <div>
          <h2 id="custom-code-h" className="section-title section-title-tight">
            Custom code
          </h2>
          <p className="section-hint">
            Code on every page, such as an analytics tag or a chat widget. It waits for the visitor’s consent unless you mark it necessary. Saved to the draft;
            it goes live the next time you publish.
          </p>
        </div>
        {!editing && (
          <button ref={addRef} type="button" className="btn btn-secondary btn-sm" onClick={() => edit(null)}>
            <span>+ Add code</span>
          </button>
        )}
      </div>

      {snippets.length === 0 && !editing && <p className="inline-empty">No custom code yet.</p>}
      {snippets.length > 0 && (
        <ul className="snippet-list" aria-label="Custom code on every page">
          {snippets.map((s, i) =>
            editing?.id === s.id ? (
              <li key={s.id} className="snippet-item is-editing">
                {card}
              </li>
            ) : (
              <li key={s.id} className={`snippet-item${hasIssues(refused, `document.snippets.${i}.`) ? ' is-refused' : ''}`}>
                <div className="snippet-main">
                  <SnippetSummary snippet={s} />
                  {refused
                    .filter((issue) => issue.path.startsWith(`document.snippets.${i}.`))
                    .slice(0, 1)
                    .map((issue) => (
                      <p key={issue.path} className="field-error snippet-refused">
                        {issue.message}
                      </p>
                    ))}
                </div>
                {!editing && (
                  <div className="snippet-actions">
                    <Button variant="ghost" size="sm" onClick={() => edit(s, i)}>
                      Edit<span className="visually-hidden"> {s.name}</span>
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setRemoving(s)}>
                      Remove<span className="visually-hidden"> {s.name}</span>
                    </Button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {editing && editing.id === null && <div className="snippet-new">{card}</div>}

      <p className="section-hint section-hint-after">
        {perPage.length > 0 ? (
          <>
            Code for one page only is on {perPage.map((p) => `“${pageName(p)}”`).join(', ')}; change it in the <Link to={`/sites/${site.id}/edit`}>editor</Link>
            , in that page’s settings.
          </>
        ) : (
          <>
            Code for one page only is added in the <Link to={`/sites/${site.id}/edit`}>editor</Link>, in that page’s settings.
          </>
        )}
      </p>

      <ConfirmDialog
        open={removing !== null}
        title={`Remove “${removing?.name ?? ''}”?`}
        confirmLabel="Remove code"
        tone="danger"
        busy={busy}
        error={removeError}
        onConfirm={() => void remove()}
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      >
        <p>The code leaves the draft now and the live site at the next publish.</p>
      </ConfirmDialog>
    </section>
  );
}
