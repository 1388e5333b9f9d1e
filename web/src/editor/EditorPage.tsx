// The visual editor (lazy-loaded as its own chunk): Puck edits the blocks of
// one page; the pages, theme, navigation and footer are edited beside it.
// Every change is autosaved to the draft with the revision check, and
// Publish renders the draft to the live site.
import { blocksPlugin, createUsePuck, outlinePlugin, Puck, type Data, type Overrides, type Plugin, type PuckAction } from '@puckeditor/core';
import '@puckeditor/core/no-external.css';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ok, ApiError, rawBody, type FieldIssue, type SiteDetail, type SiteStatus } from '../api';
import { withDefaults } from '../document-defaults';
import { useDpaGate } from '../dpa-dialog';
import { displayHost } from '../format';
import { fixedInSettings, rememberPublishIssues } from '../publish-issues';
import { StatusBadge } from '../pages/sites';
import { Link } from '../router';
import { Alert, Button, Logo, Spinner, usePage } from '../ui';
import { usePuckNavA11y } from './a11y';
import { useAutosave, type SaveState } from './autosave';
import { CanvasViewControls, initialView, InsideActionBar, storeView, viewportUi, viewRootProps, VIEWPORTS, type CanvasView } from './canvas-view';
import { BLOCK_LABELS, puckConfig } from './config';
import { EditorEnvContext, type EditorEnv, type UploadedImage } from './env';
import { GalleryItem, revealBlock } from './gallery';
import { historyKeys, useDocHistory, type Snapshot } from './history';
import { pageName, pageToPuck, puckToBlocks, type BlockType, type Doc } from './model';
import { PagesPanel, PageSettings, SitePanel, ThemePanel } from './panels';
import { PreviewFrame } from './preview';
import { LanguageSelect, TranslateView } from './translate';
import { missingTranslations } from '../../../src/site-document/translations';
import './styles/index';

const usePuckSelect = createUsePuck();
const NO_ISSUES: readonly FieldIssue[] = [];

/** The site as GET /api/sites/{siteId} answers it, with the document as the editor's model types it. */
type SiteResponse = Omit<SiteDetail, 'document'> & { document: Doc };

/** A block publishing refused (e.g. an Image block without an image), to show it to the person. */
interface BlockRef {
  pageId: string;
  index: number;
  blockId: string;
}

type PublishState =
  | { kind: 'idle' }
  | { kind: 'busy'; step: string }
  | { kind: 'done'; url: string }
  | { kind: 'error'; message: string; unverified?: boolean; block?: BlockRef; codePage?: string; settings?: 'privacy' | 'custom-code' };

interface Chrome {
  site: SiteResponse;
  status: SiteStatus;
  save: SaveState;
  publish: PublishState;
  doPublish(): void;
  closePublish(): void;
  showBlock(block: BlockRef): void;
  /** Opens a page's settings, where its custom code is listed with what publishing refused. */
  showPageCode(pageId: string): void;
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  /** Lets the editor feed Puck the current page's blocks after an undo or redo. */
  puckDispatch: { current: ((action: PuckAction) => void) | null };
  view: CanvasView;
  setView(view: CanvasView): void;
}
const ChromeContext = createContext<Chrome | null>(null);
const useChrome = () => useContext(ChromeContext)!;

const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 20 20" aria-hidden="true" className="ed-icon">
    <path d={d} />
  </svg>
);

function SaveIndicator({ state }: { state: SaveState }) {
  const [text, tone] =
    state.kind === 'saved'
      ? ['Saved', 'ok']
      : state.kind === 'pending' || state.kind === 'saving'
        ? ['Saving…', 'busy']
        : state.kind === 'offline'
          ? ['Offline — will retry', 'warn']
          : state.kind === 'conflict'
            ? ['Conflict', 'bad']
            : state.kind === 'invalid'
              ? ['Not saved', 'bad']
              : ['Not saved', 'bad'];
  return (
    <span className={`ed-save ed-save-${tone}`} role="status" aria-live="polite" data-save-state={state.kind}>
      <span className="ed-save-dot" aria-hidden="true" />
      <span className="ed-save-text">{text}</span>
    </span>
  );
}

/** "document.pages.0.blocks.2.props.heading: must ..." -> "Hero (block 3) · Heading: must ..." */
function describeIssue(doc: Doc, issue: { path: string; message: string }) {
  const code = /^document\.(?:pages\.(\d+)\.)?snippets\.(\d+)\.(\w+)/.exec(issue.path);
  if (code) {
    const page = code[1] !== undefined ? doc.pages[Number(code[1])] : undefined;
    const snippet = (page ? page.snippets : doc.snippets)[Number(code[2])];
    const where = page ? ` on “${pageName(page)}”` : ' on every page';
    return `Custom code “${snippet?.name ?? Number(code[2]) + 1}”${where}, ${code[3]!.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${issue.message}`;
  }
  const m = /^document\.pages\.(\d+)(?:\.blocks\.(\d+)\.props\.(.+)|\.(\w+))?/.exec(issue.path);
  if (!m) return `${issue.path.replace(/^document\./, '')}: ${issue.message}`;
  const page = doc.pages[Number(m[1])];
  const where = page ? `“${pageName(page)}”` : 'a page';
  if (m[2] !== undefined) {
    const block = page?.blocks[Number(m[2])];
    const field = m[3]!.split('.').map((s) => (/^\d+$/.test(s) ? `#${Number(s) + 1}` : s.replace(/([A-Z])/g, ' $1').toLowerCase()));
    return `${block ? BLOCK_LABELS[block.type as BlockType] : 'A block'} on ${where}, ${field.join(' ')}: ${issue.message}`;
  }
  return `${where} ${m[4] ?? ''}: ${issue.message}`;
}

function PublishPanel() {
  const { publish, closePublish, showBlock, showPageCode, site } = useChrome();
  const [resent, setResent] = useState(false);
  if (publish.kind === 'idle' || publish.kind === 'busy') return null;
  return (
    <div className="ed-popover" role="dialog" aria-label={publish.kind === 'done' ? 'Published' : 'Publishing failed'}>
      {publish.kind === 'done' ? (
        <>
          <p className="ed-popover-title">
            <span className="ed-live-dot" aria-hidden="true" /> Your site is live
          </p>
          <a className="ed-live-link" href={publish.url} target="_blank" rel="noopener noreferrer">
            {displayHost(publish.url)}
            <span className="visually-hidden"> (opens in a new tab)</span>
            <svg viewBox="0 0 16 16" aria-hidden="true" className="ed-ext">
              <path d="M6 3h7v7M13 3 4 12" />
            </svg>
          </a>
        </>
      ) : (
        <>
          <p className="ed-popover-title">{publish.unverified ? 'Confirm your email to publish' : 'Publishing failed'}</p>
          <p className="ed-popover-text">
            {publish.unverified ? 'We sent a link when you signed up. Your draft is saved; publish again once confirmed.' : publish.message}
          </p>
          {publish.block && (
            <button type="button" className="ed-btn ed-btn-secondary ed-btn-sm" onClick={() => showBlock(publish.block!)}>
              Show the block
            </button>
          )}
          {publish.codePage && (
            <button type="button" className="ed-btn ed-btn-secondary ed-btn-sm" onClick={() => showPageCode(publish.codePage!)}>
              Show the page’s code
            </button>
          )}
          {publish.settings && (
            <Link to={`/sites/${site.id}/settings#${publish.settings}`} className="ed-btn ed-btn-secondary ed-btn-sm">
              {publish.settings === 'privacy' ? 'Open Privacy & cookies' : 'Open Custom code'}
            </Link>
          )}
          {publish.unverified && (
            <button
              type="button"
              className="ed-btn ed-btn-secondary ed-btn-sm"
              disabled={resent}
              onClick={() =>
                void ok(api.POST('/api/auth/resend-verification')).then(
                  () => setResent(true),
                  () => setResent(false),
                )
              }
            >
              {resent ? 'Email sent' : 'Resend email'}
            </button>
          )}
        </>
      )}
      <button type="button" className="ed-popover-close" onClick={closePublish} aria-label="Close">
        ×
      </button>
      <span className="visually-hidden">{site.name}</span>
    </div>
  );
}

function EditorHeader() {
  const { site, status, save, publish, doPublish, canUndo, canRedo, undo, redo, puckDispatch, view, setView } = useChrome();
  const { doc, page, switchPage, lang, setLang } = useContext(EditorEnvContext)!;
  const translating = lang !== doc.defaultLanguage;
  const busy = publish.kind === 'busy';
  const selection = usePuckSelect((s) => s.appState.ui.itemSelector);
  const dispatch = usePuckSelect((s) => s.dispatch);
  useEffect(() => {
    puckDispatch.current = dispatch;
    return () => {
      if (puckDispatch.current === dispatch) puckDispatch.current = null;
    };
  }, [dispatch, puckDispatch]);
  // On phones the fields share the bottom panel with the other tools: selecting a block opens them.
  useEffect(() => {
    if (selection && window.matchMedia('(max-width: 637px)').matches)
      dispatch({ type: 'setUi', ui: { plugin: { current: 'fields' }, leftSideBarVisible: true } });
  }, [selection, dispatch]);
  return (
    <header className="ed-header">
      <div className="ed-header-left">
        <Link to="/" className="ed-back" aria-label="Back to your sites">
          <svg viewBox="0 0 16 16" aria-hidden="true" className="ed-back-arrow">
            <path d="M10 3 5 8l5 5" />
          </svg>
          <Logo withName={false} />
        </Link>
        <div className="ed-site">
          <h1 className="ed-site-name">{site.name}</h1>
          <StatusBadge status={status} />
        </div>
      </div>
      <div className="ed-header-center">
        <label htmlFor="ed-page-select" className="visually-hidden">
          Page
        </label>
        <div className="ed-page-select-wrap">
          <select id="ed-page-select" className="ed-page-select" value={page.id} onChange={(e) => switchPage(e.target.value)}>
            {doc.pages.map((p) => (
              <option key={p.id} value={p.id}>
                {pageName(p)} — {p.path}
                {translating ? ` · ${missingTranslations(p, lang) || 'no'} missing` : ''}
              </option>
            ))}
          </select>
        </div>
        <LanguageSelect lang={lang} onChange={setLang} />
        {!translating && <CanvasViewControls view={view} onChange={setView} />}
      </div>
      <div className="ed-header-right">
        <div className="ed-history" role="group" aria-label="History">
          <button type="button" className="ed-icon-btn ed-icon-btn-lg" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
            <Icon d="M7.5 5 3.5 9l4 4M4 9h8a4.5 4.5 0 0 1 0 9h-2" />
          </button>
          <button type="button" className="ed-icon-btn ed-icon-btn-lg" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
            <Icon d="M12.5 5l4 4-4 4M16 9H8a4.5 4.5 0 0 0 0 9h2" />
          </button>
        </div>
        <SaveIndicator state={save} />
        {status !== 'draft' && (
          <a className="ed-btn ed-btn-ghost ed-btn-sm ed-view" href={site.url} target="_blank" rel="noopener noreferrer">
            View site<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
        <div className="ed-publish-wrap">
          <button type="button" className="ed-btn ed-btn-primary ed-btn-md ed-publish" onClick={doPublish} disabled={busy} aria-busy={busy || undefined}>
            {busy && <Spinner />}
            <span>{busy ? publish.step : status === 'live' ? 'Published' : 'Publish'}</span>
          </button>
          <PublishPanel />
        </div>
      </div>
    </header>
  );
}

function FieldsPanel({
  children,
  itemSelector,
  isLoading,
}: {
  children: ReactNode;
  itemSelector?: { index: number; zone?: string } | null;
  isLoading: boolean;
}) {
  const selected = usePuckSelect((s) => s.selectedItem);
  if (!itemSelector || !selected) return <PageSettings />;
  return (
    <div className="ed-fields" aria-busy={isLoading || undefined}>
      {children}
    </div>
  );
}

function ConflictDialog({ onTheirs, onMine }: { onTheirs(): void; onMine(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="ed-dialog" aria-labelledby="conflict-title" aria-describedby="conflict-text" onCancel={(e) => e.preventDefault()}>
      <h2 id="conflict-title" className="ed-dialog-title">
        This site was changed somewhere else
      </h2>
      <p id="conflict-text" className="ed-dialog-text">
        Another tab or person saved a newer version of this site while you were editing here. Your changes in this tab are kept until you choose which version
        to continue with.
      </p>
      <div className="ed-dialog-actions">
        <button type="button" className="ed-btn ed-btn-secondary ed-btn-md" onClick={onTheirs}>
          Load their version
        </button>
        <button type="button" className="ed-btn ed-btn-primary ed-btn-md" onClick={onMine}>
          Keep my version
        </button>
      </div>
      <p className="ed-hint">“Keep my version” saves this tab’s page over theirs. “Load their version” discards the edits made in this tab.</p>
    </dialog>
  );
}

const plugins: Plugin[] = [
  blocksPlugin({ label: 'Add' }),
  // The block outline needs room; phones reorder by dragging on the canvas instead.
  { ...outlinePlugin({ label: 'Layers' }), desktopOnly: true } as Plugin,
  {
    name: 'pages',
    label: 'Pages',
    icon: <Icon d="M5 2.5h6.5L15 6v11.5H5zM11.5 2.5V6H15" />,
    render: PagesPanel,
  },
  {
    name: 'theme',
    label: 'Theme',
    icon: (
      <Icon d="M10 2.5a7.5 7.5 0 1 0 0 15c1 0 1.5-.6 1.5-1.4 0-1.2-1-1.4-1-2.4 0-.8.6-1.2 1.4-1.2H14a3.5 3.5 0 0 0 3.5-3.5C17.5 5.5 14.2 2.5 10 2.5ZM6 9.5h.01M8.5 6h.01M12.5 6h.01" />
    ),
    render: ThemePanel,
  },
  {
    name: 'site',
    label: 'Site',
    icon: <Icon d="M3 3.5h14v13H3zM3 7h14M3 13h14" />,
    render: SitePanel,
  },
];

const overrides: Partial<Overrides> = {
  header: () => <EditorHeader />,
  drawerItem: GalleryItem,
  iframe: PreviewFrame,
  fields: FieldsPanel,
  actionBar: InsideActionBar,
};

function Editor({ initial }: { initial: SiteResponse }) {
  const [doc, setDoc] = useState<Doc>(initial.document);
  const docRef = useRef(doc);
  const [pageId, setPageId] = useState(() => (initial.document.pages.find((p) => p.path === '/') ?? initial.document.pages[0]!).id);
  const [lang, setLang] = useState(initial.document.defaultLanguage);
  // A language removed from the site (Site panel, undo) is no longer translated here.
  const editing = lang === doc.defaultLanguage || doc.languages.includes(lang) ? lang : doc.defaultLanguage;
  const [generation, setGeneration] = useState(0); // remounts Puck when the document is replaced from outside
  const [status, setStatus] = useState<SiteStatus>(initial.status);
  const [publish, setPublish] = useState<PublishState>({ kind: 'idle' });
  // What publishing would refuse about custom code on pages (said by the last refused publish, or by the last save), shown in their page settings until the next edit.
  const [publishIssues, setPublishIssues] = useState<readonly FieldIssue[]>(NO_ISSUES);
  const autosave = useAutosave(initial.id, initial.revision, (warnings, current) => {
    setStatus((s) => (s === 'draft' ? 'draft' : 'live_with_changes'));
    const code = warnings.filter((w) => /^document\.pages\.\d+\.snippets\./.test(w.path));
    if (current && code.length) setPublishIssues(code);
  });
  const page = doc.pages.find((p) => p.id === pageId) ?? doc.pages[0]!;
  const pageIdRef = useRef(page.id);
  pageIdRef.current = page.id;
  const puckDispatch = useRef<((action: PuckAction) => void) | null>(null);
  const history = useDocHistory();
  const [view, setViewState] = useState(initialView);
  const setView = useCallback((next: CanvasView) => {
    setViewState(next);
    storeView(next);
  }, []);
  usePuckNavA11y();

  const apply = useCallback(
    (next: Doc) => {
      docRef.current = next;
      setDoc(next);
      autosave.change(next);
    },
    [autosave.change],
  );

  /** Every edit, from Puck or the panels, goes through here and into the one history. */
  const commit = useCallback(
    (next: Doc) => {
      history.record({ doc: docRef.current, pageId: pageIdRef.current }, next);
      apply(next);
      setPublishIssues(NO_ISSUES);
    },
    [history.record, apply],
  );

  /** Undo/redo: the document as it was, on the page it was edited on; Puck gets that page's blocks. */
  const restore = useCallback(
    (s: Snapshot | null) => {
      if (!s) return;
      const target = s.doc.pages.find((p) => p.id === s.pageId) ?? s.doc.pages.find((p) => p.id === pageIdRef.current) ?? s.doc.pages[0]!;
      const shown = docRef.current.pages.find((p) => p.id === pageIdRef.current);
      apply(s.doc);
      if (target.id !== pageIdRef.current) {
        pageIdRef.current = target.id;
        setPageId(target.id); // Puck remounts with the page's blocks
      } else if (JSON.stringify(shown?.blocks) !== JSON.stringify(target.blocks)) {
        if (puckDispatch.current) puckDispatch.current({ type: 'setData', data: pageToPuck(target) });
        else setGeneration((g) => g + 1);
      }
    },
    [apply],
  );
  const undo = useCallback(() => restore(history.undo({ doc: docRef.current, pageId: pageIdRef.current })), [history.undo, restore]);
  const redo = useCallback(() => restore(history.redo({ doc: docRef.current, pageId: pageIdRef.current })), [history.redo, restore]);

  useEffect(() => {
    const onKey = historyKeys(undo, redo);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [undo, redo]);

  const updateDoc = useCallback((fn: (d: Doc) => Doc) => commit(fn(docRef.current)), [commit]);

  const onPuckChange = useCallback(
    (data: Data) => {
      const current = docRef.current;
      const blocks = puckToBlocks(data);
      const idx = current.pages.findIndex((p) => p.id === pageId);
      if (idx < 0 || JSON.stringify(current.pages[idx]!.blocks) === JSON.stringify(blocks)) return; // loading is not editing
      const pages = [...current.pages];
      pages[idx] = { ...pages[idx]!, blocks };
      commit({ ...current, pages });
    },
    [pageId, commit],
  );

  const uploadImage = useCallback(
    async (file: File): Promise<UploadedImage> => {
      return ok(api.POST('/api/sites/{siteId}/assets', { params: { path: { siteId: initial.id } }, ...rawBody(file) }));
    },
    [initial.id],
  );

  const saveIssues = autosave.state.kind === 'invalid' ? autosave.state.issues : NO_ISSUES;
  const env: EditorEnv = useMemo(
    () => ({
      siteId: initial.id,
      siteName: initial.name,
      doc,
      page,
      updateDoc,
      switchPage: setPageId,
      lang: editing,
      setLang,
      uploadImage,
      saveIssues,
      publishIssues,
      saveNow: autosave.saveNow,
      undo,
      redo,
    }),
    [initial.id, initial.name, doc, page, editing, updateDoc, uploadImage, saveIssues, publishIssues, autosave.saveNow, undo, redo],
  );

  /** Selects a block and scrolls to it; on another page, that page opens with the block selected. */
  const selectOnMount = useRef<{ pageId: string; index: number } | null>(null);
  const showBlock = useCallback((block: BlockRef) => {
    setPublish({ kind: 'idle' });
    if (block.pageId === pageIdRef.current && puckDispatch.current) {
      puckDispatch.current({ type: 'setUi', ui: { itemSelector: { index: block.index, zone: 'root:default-zone' } } });
    } else {
      selectOnMount.current = { pageId: block.pageId, index: block.index };
      setPageId(block.pageId);
    }
    revealBlock(block.blockId);
  }, []);

  /** The page's settings (shown while no block is selected), with its custom code. */
  const showPageCode = useCallback((pageId: string) => {
    setPublish({ kind: 'idle' });
    if (pageId !== pageIdRef.current) setPageId(pageId);
    else puckDispatch.current?.({ type: 'setUi', ui: { itemSelector: null } });
    requestAnimationFrame(() => document.querySelector('.ed-snippets')?.scrollIntoView({ block: 'nearest' }));
  }, []);

  // A site with forms or analytics waits for the data processing agreement: its dialog publishes again once accepted.
  const dpa = useDpaGate();
  const publishAgain = useRef<() => Promise<void>>(async () => undefined);
  const doPublish = useCallback(async () => {
    setPublish({ kind: 'busy', step: 'Saving…' });
    const saved = await autosave.flush();
    if (!saved) {
      setPublish({ kind: 'error', message: 'The draft could not be saved, so nothing was published. Check the message next to “Not saved”.' });
      return;
    }
    setPublish({ kind: 'busy', step: 'Publishing…' });
    try {
      const r = await ok(api.POST('/api/sites/{siteId}/publish', { params: { path: { siteId: initial.id } } }));
      setStatus('live');
      setPublish({ kind: 'done', url: r.siteUrl ?? initial.url });
    } catch (e) {
      if (await dpa.intercept(e, () => publishAgain.current()).catch(() => false)) {
        setPublish({ kind: 'idle' });
        return;
      }
      const err = e instanceof ApiError ? e : null;
      const issues = err?.issues ?? [];
      const at = /^document\.pages\.(\d+)\.blocks\.(\d+)\./.exec(issues[0]?.path ?? '');
      const page = at ? docRef.current.pages[Number(at[1])] : undefined;
      const blockId = page?.blocks[Number(at![2])]?.props.id;
      const code = /^document\.pages\.(\d+)\.snippets\./.exec(issues[0]?.path ?? '');
      rememberPublishIssues(initial.id, issues);
      setPublishIssues(issues.length ? issues : NO_ISSUES);
      setPublish({
        kind: 'error',
        message: err?.message ?? 'Publishing failed. Try again.',
        unverified: err?.code === 'email_not_verified',
        block: page && blockId ? { pageId: page.id, index: Number(at![2]), blockId } : undefined,
        codePage: code ? docRef.current.pages[Number(code[1])]?.id : undefined,
        settings: at || code || !fixedInSettings(issues) ? undefined : /^document\.snippets\./.test(issues[0]?.path ?? '') ? 'custom-code' : 'privacy',
      });
    }
  }, [autosave, initial.id, initial.url, dpa.intercept]);
  publishAgain.current = doPublish;

  const chrome: Chrome = useMemo(
    () => ({
      site: initial,
      status,
      save: autosave.state,
      publish,
      doPublish: () => void doPublish(),
      closePublish: () => setPublish({ kind: 'idle' }),
      showBlock,
      showPageCode,
      canUndo: history.canUndo,
      canRedo: history.canRedo,
      undo,
      redo,
      puckDispatch,
      view,
      setView,
    }),
    [initial, status, autosave.state, publish, doPublish, showBlock, showPageCode, history.canUndo, history.canRedo, undo, redo, view, setView],
  );

  // What block resolvers may read, e.g. the site name for a new form's consent wording.
  const puckMetadata = useMemo(() => ({ siteName: initial.name }), [initial.name]);
  // Puck reads data once per mount (keyed by page and generation); later edits flow out through onChange.
  const data = useMemo(() => pageToPuck(page), [page.id, generation]);
  // Read at each mount too: the device and size chosen stay when the page changes.
  const ui = useMemo(() => {
    const pending = selectOnMount.current?.pageId === page.id ? selectOnMount.current : null;
    return { plugin: { current: 'blocks' }, viewports: viewportUi(view), itemSelector: pending && { index: pending.index, zone: 'root:default-zone' } };
  }, [page.id, generation]);
  useEffect(() => {
    selectOnMount.current = null; // used by this mount
  }, [page.id, generation]);
  const rootView = viewRootProps(view);

  const save = autosave.state;
  return (
    <EditorEnvContext.Provider value={env}>
      <ChromeContext.Provider value={chrome}>
        <div className={`ed-root ${rootView.className}`} style={rootView.style}>
          {save.kind === 'invalid' && (
            <div className="ed-banner" role="alert">
              <strong>Not saved yet.</strong>{' '}
              {save.issues
                .slice(0, 2)
                .map((i) => describeIssue(doc, i))
                .join(' · ')}
            </div>
          )}
          {save.kind === 'error' && (
            <div className="ed-banner" role="alert">
              {save.message}
            </div>
          )}
          <Puck
            key={`${page.id}:${generation}`}
            config={puckConfig}
            data={data}
            metadata={puckMetadata}
            onChange={onPuckChange}
            plugins={plugins}
            overrides={overrides}
            viewports={VIEWPORTS}
            iframe={{ enabled: true, syncHostStyles: false, waitForStyles: false }}
            ui={ui}
            height="100%"
          />
          {editing !== doc.defaultLanguage && <TranslateView lang={editing} />}
          {save.kind === 'conflict' && (
            <ConflictDialog
              onTheirs={() => {
                autosave.acceptTheirs(save.theirRevision);
                history.reset(); // the steps led to this tab's version, not theirs
                const theirs = withDefaults(save.theirs);
                docRef.current = theirs;
                setDoc(theirs);
                if (!theirs.pages.some((p) => p.id === pageId)) setPageId(theirs.pages[0]!.id);
                setGeneration((g) => g + 1);
              }}
              onMine={() => void autosave.overwrite(save.theirRevision)}
            />
          )}
          {dpa.dialog}
        </div>
      </ChromeContext.Provider>
    </EditorEnvContext.Provider>
  );
}

export default function EditorPage({ siteId }: { siteId: string }) {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string; status: number } | { kind: 'ready'; site: SiteResponse }>({
    kind: 'loading',
  });
  const heading = usePage(state.kind === 'ready' ? `Editing ${state.site.name}` : 'Editor');
  useEffect(() => {
    let live = true;
    ok(api.GET('/api/sites/{siteId}', { params: { path: { siteId } } })).then(
      (site) => live && setState({ kind: 'ready', site: { ...site, document: withDefaults(site.document) } }),
      (e) =>
        live &&
        setState({ kind: 'error', message: e instanceof ApiError ? e.message : 'The site could not be loaded.', status: e instanceof ApiError ? e.status : 0 }),
    );
    return () => {
      live = false;
    };
  }, [siteId]);
  if (state.kind === 'loading')
    return (
      <div className="boot">
        <Logo withName={false} />
        <Spinner label="Opening the editor" />
      </div>
    );
  if (state.kind === 'error')
    return (
      <div className="boot">
        <div className="stack narrow">
          <h1 ref={heading} tabIndex={-1} className="page-title">
            {state.status === 404 ? 'Site not found' : 'The editor could not open'}
          </h1>
          <Alert title={state.status === 404 ? 'This site does not exist or belongs to another account.' : 'Something went wrong'}>{state.message}</Alert>
          <div>
            <Link to="/" className="btn btn-secondary btn-md">
              <span>Back to your sites</span>
            </Link>
          </div>
          <Button variant="ghost" onClick={() => location.reload()}>
            Try again
          </Button>
        </div>
      </div>
    );
  return <Editor initial={state.site} />;
}
