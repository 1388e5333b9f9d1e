// Page settings: custom code for this page only (after the site-wide code
// from site settings). Added and edited in a dialog with the same form as
// site settings; the dialog saves the draft at once and stays open with the
// server's message next to the field it names until the code is accepted.
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { SnippetForm } from '../pages/site-settings/snippet-form';
import {
  checkDraft,
  fromDraft,
  hasIssues,
  issueErrors,
  toDraft,
  type Snippet,
  type SnippetDraft,
  type SnippetErrors,
} from '../pages/site-settings/snippet-model';
import { SnippetSummary } from '../pages/site-settings/snippet-summary';
import { useEditorEnv } from './env';
import type { Doc } from './model';

interface Editing {
  id: string | null;
  /** Opened to add a snippet: it keeps its title and button even once a refused save put it in the draft. */
  fresh: boolean;
  draft: SnippetDraft;
  errors: SnippetErrors;
}

/** Puts a snippet on a page (replacing the one with its id) and answers the document and the snippet's index. */
function withSnippet(doc: Doc, pageId: string, snippet: Snippet): [Doc, number] {
  let index = -1;
  const pages = doc.pages.map((p) => {
    if (p.id !== pageId) return p;
    const list = [...p.snippets];
    index = list.findIndex((s) => s.id === snippet.id);
    if (index < 0) index = list.push(snippet) - 1;
    else list[index] = snippet;
    return { ...p, snippets: list };
  });
  return [{ ...doc, pages }, index];
}

function SnippetDialog({ editing, setEditing, onClose }: { editing: Editing; setEditing(e: Editing): void; onClose(): void }) {
  const { doc, page, updateDoc, saveNow } = useEditorEnv();
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const errorCount = Object.keys(editing.errors).length;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  useEffect(() => {
    if (errorCount) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .alert')?.focus();
  }, [errorCount, editing.errors]);

  const save = async () => {
    const found = checkDraft(editing.draft);
    if (Object.keys(found).length) return setEditing({ ...editing, errors: found });
    const snippet = fromDraft(editing.draft);
    let index = -1;
    updateDoc((d) => {
      const [next, i] = withSnippet(d, page.id, snippet);
      index = i;
      return next;
    });
    setBusy(true);
    const issues = await saveNow();
    setBusy(false);
    const pageIndex = doc.pages.findIndex((p) => p.id === page.id);
    const errors = issueErrors(issues, `document.pages.${pageIndex}.snippets.${index}.`, snippet);
    if (Object.keys(errors).length) setEditing({ ...editing, id: snippet.id, errors });
    else onClose();
  };

  // Portalled to the body: Puck's fields panel is a <form>, and forms do not nest.
  return createPortal(
    <dialog
      ref={ref}
      className="ed-dialog ed-snippet-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          void save();
        }}
      >
        <h2 id={titleId} className="ed-dialog-title">
          {editing.fresh ? 'Custom code for this page' : 'Edit custom code'}
        </h2>
        <p className="ed-dialog-text">
          Runs on “{page.path === '/' ? 'Home' : page.title}” only, after the site’s own custom code. It goes live the next time you publish.
        </p>
        <SnippetForm value={editing.draft} errors={editing.errors} onChange={(draft) => setEditing({ ...editing, draft })} />
        <div className="ed-dialog-actions ed-snippet-actions">
          <button type="button" className="ed-btn ed-btn-ghost ed-btn-md" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="ed-btn ed-btn-primary ed-btn-md" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Saving…' : editing.fresh ? 'Add code' : 'Save code'}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}

export function PageSnippets() {
  const { doc, page, updateDoc, saveIssues, publishIssues } = useEditorEnv();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const headId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const pageIndex = doc.pages.findIndex((p) => p.id === page.id);
  const siteWide = doc.snippets.length;

  const open = (s: Snippet | null, index?: number) =>
    setEditing({
      id: s?.id ?? null,
      fresh: !s,
      draft: toDraft(s ?? undefined),
      errors: s && index !== undefined ? issueErrors([...saveIssues, ...publishIssues], `document.pages.${pageIndex}.snippets.${index}.`, s) : {},
    });
  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => addRef.current?.focus());
  };
  const remove = (id: string) => {
    updateDoc((d) => ({ ...d, pages: d.pages.map((p) => (p.id === page.id ? { ...p, snippets: p.snippets.filter((s) => s.id !== id) } : p)) }));
    setConfirming(null);
    requestAnimationFrame(() => addRef.current?.focus());
  };

  return (
    <section className="ed-section" aria-labelledby={headId}>
      <div className="ed-section-head">
        <h2 id={headId} className="ed-section-title">
          Custom code
        </h2>
        <button ref={addRef} type="button" className="ed-btn ed-btn-secondary ed-btn-xs" onClick={() => open(null)}>
          + Add code
        </button>
      </div>
      <p className="ed-hint ed-snippets-hint">
        Code for this page only, like a conversion tag.{' '}
        {siteWide > 0
          ? `${siteWide === 1 ? 'One snippet' : `${siteWide} snippets`} from Site settings → Custom code also run${siteWide === 1 ? 's' : ''} here.`
          : 'Code for every page is in Site settings → Custom code.'}
      </p>
      {page.snippets.length > 0 && (
        <ul className="ed-snippets" aria-label="Custom code on this page">
          {page.snippets.map((s, j) => {
            const prefix = `document.pages.${pageIndex}.snippets.${j}.`;
            const refused = hasIssues(saveIssues, prefix);
            const unpublishable = publishIssues.find((i) => i.path.startsWith(prefix));
            return (
              <li key={s.id} className={`ed-snippet${refused || unpublishable ? ' is-refused' : ''}`}>
                <SnippetSummary snippet={s} />
                {refused && <p className="ed-error">Not saved: open it to see what to fix.</p>}
                {unpublishable && !refused && <p className="ed-error">{unpublishable.message}</p>}
                {confirming === s.id ? (
                  <div className="ed-snippet-row-actions" role="group" aria-label={`Remove ${s.name}?`}>
                    <button type="button" className="ed-btn ed-btn-danger ed-btn-xs" onClick={() => remove(s.id)}>
                      Remove
                    </button>
                    <button type="button" className="ed-btn ed-btn-ghost ed-btn-xs" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </div>
                ) : (
                  <div className="ed-snippet-row-actions">
                    <button type="button" className="ed-btn ed-btn-secondary ed-btn-xs" onClick={() => open(s, j)}>
                      Edit<span className="visually-hidden"> {s.name}</span>
                    </button>
                    <button type="button" className="ed-btn ed-btn-ghost ed-btn-xs" onClick={() => setConfirming(s.id)}>
                      Remove<span className="visually-hidden"> {s.name}</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing && <SnippetDialog editing={editing} setEditing={setEditing} onClose={close} />}
    </section>
  );
}
