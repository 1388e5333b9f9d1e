// The inbox of a site: the messages visitors sent through its forms, in an
// Inbox and a Spam folder. A list and a reader side by side on wide screens,
// one after the other on phones. Search, read, reply, mark spam / not spam,
// mark unread, delete, export. Everything a visitor typed is rendered as text.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { api, ok, ApiError, errorMessage, type Folder, type Submission } from '../api';
import { ConfirmDialog } from '../dialog';
import { formatDateTime } from '../format';
import { href, Link } from '../router';
import { toast } from '../toast';
import { Alert, Button, Spinner, LoadFailed } from '../ui';
import { adjustUnread, refreshUnread, useUnread } from '../unread';
import { SiteFrame, type SiteContext } from './site-frame';
import { PAGE_SIZE, POLL_MS, FOLDER_NAME, type ListState, formsOf, senderOf, useWide, isTyping } from './inbox/model';
import { Icon, ICONS, MessageItem, ListSkeleton, ReaderEmpty, EmptyFolder } from './inbox/parts';
import { Reader } from './inbox/reader';

function Inbox({ site }: SiteContext) {
  const initial = useMemo(() => new URLSearchParams(window.location.search), []);
  const [folder, setFolder] = useState<Folder>(initial.get('folder') === 'spam' ? 'spam' : 'inbox');
  const [search, setSearch] = useState(initial.get('q') ?? '');
  const [query, setQuery] = useState((initial.get('q') ?? '').trim());
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [selectedId, setSelectedId] = useState<string | null>(initial.get('m'));
  const [detail, setDetail] = useState<Submission | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ busy: boolean; error: string | null } | null>(null);
  const [regionName, setRegionName] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const unread = useUnread(site.id);
  const wide = useWide();
  const forms = useMemo(() => formsOf(site), [site]);

  const listRef = useRef<HTMLUListElement>(null);
  const listPane = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const readerHeading = useRef<HTMLHeadingElement>(null);
  const folderButtons = useRef<Record<Folder, HTMLButtonElement | null>>({ inbox: null, spam: null });
  const request = useRef(0);
  const opened = useRef<string | null>(null);
  const restored = useRef(false);

  const base = `/api/sites/${site.id}/submissions`;
  const items = list.status === 'ready' ? list.items : [];
  const selected = (selectedId && (items.find((s) => s.id === selectedId) ?? (detail?.id === selectedId ? detail : null))) || null;
  const shown = selected && detail?.id === selected.id ? { ...selected, ...detail, read: selected.read } : selected;

  const listPage = useCallback(
    (before?: string) =>
      ok(
        api.GET('/api/sites/{siteId}/submissions', {
          params: { path: { siteId: site.id }, query: { status: folder, limit: PAGE_SIZE, ...(query ? { q: query } : {}), ...(before ? { before } : {}) } },
        }),
      ),
    [site.id, folder, query],
  );

  const load = useCallback(async () => {
    const mine = ++request.current;
    setList({ status: 'loading' });
    setMore({ busy: false, error: null });
    try {
      const r = await listPage();
      if (mine === request.current) setList({ status: 'ready', items: r.submissions, next: r.next });
    } catch (e) {
      if (mine === request.current) setList({ status: 'error', message: errorMessage(e, 'The messages could not be loaded.') });
    }
  }, [listPage]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    ok(api.GET('/api/regions')).then(
      (rs) => setRegionName(rs.find((r) => r.id === site.region)?.name ?? null),
      () => undefined,
    );
  }, [site.region]);

  // The search applies a moment after typing stops.
  useEffect(() => {
    const t = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(t);
  }, [search]);

  // The folder, search and open message are kept in the address, so a reload or a shared link shows the same view.
  useEffect(() => {
    const p = new URLSearchParams();
    if (folder === 'spam') p.set('folder', 'spam');
    if (query) p.set('q', query);
    if (selectedId) p.set('m', selectedId);
    const next = href(`/sites/${site.id}/inbox`) + (p.size ? `?${p}` : '');
    if (window.location.pathname + window.location.search !== next) history.replaceState(history.state, '', next);
  }, [folder, query, selectedId, site.id]);

  // New messages appear without a reload: every half minute the newest page is fetched and new ones are put on top.
  useEffect(() => {
    const t = window.setInterval(() => {
      setNow(new Date());
      if (document.visibilityState !== 'visible') return;
      const mine = request.current;
      listPage().then(
        (r) => {
          if (mine !== request.current) return;
          setList((l) => {
            if (l.status !== 'ready') return l;
            const known = new Set(l.items.map((s) => s.id));
            const fresh = r.submissions.filter((s) => !known.has(s.id) && s.createdAt >= (l.items[0]?.createdAt ?? ''));
            return fresh.length ? { ...l, items: [...fresh, ...l.items] } : l;
          });
          void refreshUnread();
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => window.clearInterval(t);
  }, [listPage]);

  const replaceItem = useCallback((s: Submission) => {
    setList((l) => (l.status === 'ready' ? { ...l, items: l.items.map((x) => (x.id === s.id ? s : x)) } : l));
  }, []);

  const focusItem = (id: string) => {
    const el = listRef.current?.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(id)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  };

  /** Opens a message: shown at once from the list, then loaded in full (which marks it read). */
  const open = useCallback(
    async (id: string, known?: Submission) => {
      opened.current = id;
      setSelectedId(id);
      setActionError(null);
      setLoadError(null);
      setDetail(known ?? null);
      if (known && !known.read) {
        replaceItem({ ...known, read: true });
        if (known.status === 'inbox') adjustUnread(site.id, -1);
      }
      try {
        const full = await ok(api.GET('/api/sites/{siteId}/submissions/{submissionId}', { params: { path: { siteId: site.id, submissionId: id } } }));
        if (opened.current !== id) return;
        setDetail(full);
        replaceItem(full);
        if (!known && full.status !== folder) setFolder(full.status); // a link to a message in the other folder
      } catch (e) {
        if (opened.current !== id) return;
        if (e instanceof ApiError && e.status === 404) {
          setSelectedId(null);
          setDetail(null);
          setList((l) => (l.status === 'ready' ? { ...l, items: l.items.filter((x) => x.id !== id) } : l));
          toast('That message was deleted.');
        } else setLoadError(errorMessage(e, 'Try again in a moment.'));
      }
    },
    [base, folder, replaceItem, site.id],
  );

  // A message named in the address opens once the list is there.
  useEffect(() => {
    if (restored.current || list.status !== 'ready') return;
    restored.current = true;
    if (selectedId)
      void open(
        selectedId,
        items.find((s) => s.id === selectedId),
      );
  }, [list.status]); // only the first time the list is ready

  const openFromList = (s: Submission, focus: 'item' | 'reader') => {
    void open(s.id, s);
    if (focus === 'reader') window.requestAnimationFrame(() => readerHeading.current?.focus({ preventScroll: !wide ? false : true }));
  };

  const back = () => {
    const id = selectedId;
    opened.current = null;
    setSelectedId(null);
    setDetail(null);
    if (id) window.requestAnimationFrame(() => focusItem(id));
  };

  const switchFolder = (f: Folder) => {
    if (f === folder) return;
    opened.current = null;
    setSelectedId(null);
    setDetail(null);
    setFolder(f);
  };

  /** Takes a message out of the list (moved or deleted) and moves on to the next one, as mail apps do on wide screens. */
  const removeAndAdvance = (id: string) => {
    const idx = items.findIndex((s) => s.id === id);
    const rest = items.filter((s) => s.id !== id);
    setList((l) => (l.status === 'ready' ? { ...l, items: l.items.filter((x) => x.id !== id) } : l));
    const next = rest[idx] ?? rest[idx - 1];
    if (wide && next) {
      void open(next.id, next);
      window.requestAnimationFrame(() => {
        if (!document.activeElement || document.activeElement === document.body) focusItem(next.id);
      });
    } else {
      opened.current = null;
      setSelectedId(null);
      setDetail(null);
      window.requestAnimationFrame(() => {
        if (next) focusItem(next.id);
        else folderButtons.current[folder]?.focus();
      });
    }
  };

  const toggleRead = async () => {
    if (!shown || busy) return;
    const read = !shown.read;
    setBusy('read');
    setActionError(null);
    try {
      const s = await ok(
        api.PATCH('/api/sites/{siteId}/submissions/{submissionId}', { params: { path: { siteId: site.id, submissionId: shown.id } }, body: { read } }),
      );
      replaceItem(s);
      setDetail(s);
      if (s.status === 'inbox') adjustUnread(site.id, read ? -1 : 1);
    } catch (e) {
      setActionError(errorMessage(e, `The message could not be marked ${read ? 'read' : 'unread'}. Try again.`));
    } finally {
      setBusy(null);
    }
  };

  const move = async (to: Folder) => {
    if (!shown || busy || shown.status === to) return;
    setBusy(to);
    setActionError(null);
    try {
      const s = await ok(
        api.PATCH('/api/sites/{siteId}/submissions/{submissionId}', { params: { path: { siteId: site.id, submissionId: shown.id } }, body: { status: to } }),
      );
      if (!s.read) adjustUnread(site.id, to === 'spam' ? -1 : 1);
      removeAndAdvance(s.id);
      toast(to === 'spam' ? `Moved the message from ${senderOf(s)} to Spam.` : `Moved the message from ${senderOf(s)} to the inbox.`);
    } catch (e) {
      setActionError(errorMessage(e, 'The message could not be moved. Try again.'));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (!shown) return;
    setDeleting({ busy: true, error: null });
    try {
      await ok(api.DELETE('/api/sites/{siteId}/submissions/{submissionId}', { params: { path: { siteId: site.id, submissionId: shown.id } } }));
      if (!shown.read && shown.status === 'inbox') adjustUnread(site.id, -1);
      setDeleting(null);
      removeAndAdvance(shown.id);
      toast(`Deleted the message from ${senderOf(shown)}.`);
    } catch (e) {
      setDeleting({ busy: false, error: errorMessage(e, 'The message could not be deleted. Try again.') });
    }
  };

  const loadMore = async () => {
    if (list.status !== 'ready' || !list.next) return;
    const mine = request.current;
    setMore({ busy: true, error: null });
    try {
      const r = await listPage(list.next);
      if (mine !== request.current) return;
      setList((l) => {
        if (l.status !== 'ready') return l;
        const known = new Set(l.items.map((s) => s.id));
        return { status: 'ready', items: [...l.items, ...r.submissions.filter((s) => !known.has(s.id))], next: r.next };
      });
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorMessage(e, 'Older messages could not be loaded. Try again.') });
    }
  };

  const onItemKey = (e: ReactKeyboardEvent<HTMLButtonElement>, i: number) => {
    const n = items.length;
    const j = e.key === 'ArrowDown' ? Math.min(i + 1, n - 1) : e.key === 'ArrowUp' ? Math.max(i - 1, 0) : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (j === null) return;
    e.preventDefault();
    const s = items[j]!;
    focusItem(s.id);
    if (wide) void open(s.id, s);
  };

  // Shortcuts of mail apps, while no field has focus: J/K next/previous, U unread, ! spam, # delete, R reply, / search.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]')) return;
    const idx = shown ? items.findIndex((s) => s.id === shown.id) : -1;
    const go = (j: number) => {
      const s = items[j];
      if (!s) return;
      void open(s.id, s);
      window.requestAnimationFrame(() => focusItem(s.id));
    };
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
    } else if (e.key === 'j') go(idx + 1);
    else if (e.key === 'k') go(idx < 0 ? 0 : idx - 1);
    else if (!shown) return;
    else if (e.key === 'u') void toggleRead();
    else if (e.key === '!') void move(shown.status === 'spam' ? 'inbox' : 'spam');
    else if (e.key === '#') setDeleting({ busy: false, error: null });
    else if (e.key === 'r') document.querySelector<HTMLAnchorElement>('.reader [data-reply]')?.click();
    else if (e.key === 'Escape' && !wide) back();
  };
  useEffect(() => {
    const on = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', on);
    return () => document.removeEventListener('keydown', on);
  }, []);

  const exportUrl = (format: 'csv' | 'json') => `${base}/export?format=${format}&status=${folder}`;
  const emptyFolder = list.status === 'ready' && items.length === 0 && !query;
  const tabbableId = selected && items.some((s) => s.id === selected.id) ? selected.id : items[0]?.id;
  const stacked = !wide && !!shown;
  const listLabel = `${FOLDER_NAME[folder]}${query ? `, messages matching “${query}”` : ''}`;

  return (
    <div className="inbox">
      <div className="inbox-toolbar">
        <div className="inbox-folders" role="group" aria-label="Folders">
          {(['inbox', 'spam'] as const).map((f) => (
            <button
              key={f}
              ref={(el) => {
                folderButtons.current[f] = el;
              }}
              type="button"
              className="inbox-folder"
              aria-pressed={folder === f}
              onClick={() => switchFolder(f)}
            >
              <Icon d={f === 'inbox' ? ICONS.inbox : ICONS.spam} />
              {FOLDER_NAME[f]}
              {f === 'inbox' && !!unread && (
                <span className="folder-count">
                  {unread}
                  <span className="visually-hidden"> unread</span>
                </span>
              )}
            </button>
          ))}
        </div>
        <form
          role="search"
          className="inbox-search"
          hidden={emptyFolder}
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(search.trim());
          }}
        >
          <label htmlFor="inbox-search" className="visually-hidden">
            Search {folder === 'spam' ? 'spam' : 'messages'}
          </label>
          <Icon d={ICONS.search} className="inbox-search-icon" />
          <input
            ref={searchRef}
            id="inbox-search"
            className="input"
            type="search"
            value={search}
            placeholder={folder === 'spam' ? 'Search spam' : 'Search messages'}
            autoComplete="off"
            spellCheck={false}
            aria-keyshortcuts="/"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && search) {
                e.preventDefault();
                setSearch('');
                setQuery('');
              }
            }}
          />
          <kbd className="inbox-search-kbd" aria-hidden="true">
            /
          </kbd>
        </form>
        <div className="inbox-export" role="group" aria-labelledby="inbox-export-label" hidden={emptyFolder}>
          <span id="inbox-export-label" className="inbox-export-label">
            Export
          </span>
          <a className="btn btn-ghost btn-sm" href={exportUrl('csv')} download aria-label={`Export ${FOLDER_NAME[folder]} as CSV`}>
            <Icon d={ICONS.download} />
            <span>CSV</span>
          </a>
          <a className="btn btn-ghost btn-sm" href={exportUrl('json')} download aria-label={`Export ${FOLDER_NAME[folder]} as JSON`}>
            <Icon d={ICONS.download} />
            <span>JSON</span>
          </a>
        </div>
      </div>

      <p className="visually-hidden" role="status">
        {list.status === 'ready' ? `${items.length}${list.next ? '+' : ''} ${items.length === 1 ? 'message' : 'messages'} in ${listLabel}` : ''}
      </p>

      {list.status === 'error' && <LoadFailed title="The messages could not be loaded" message={list.message} onRetry={load} narrow />}

      {emptyFolder && <EmptyFolder site={site} folder={folder} hasForm={forms.size > 0} />}

      {(list.status === 'loading' || (list.status === 'ready' && !emptyFolder)) && (
        <div className={`inbox-panes${stacked ? ' is-reading' : ''}`}>
          <div className="inbox-list-pane" ref={listPane} aria-busy={list.status === 'loading' || undefined}>
            {list.status === 'loading' && <ListSkeleton />}
            {list.status === 'ready' && items.length === 0 && (
              <div className="inbox-no-results">
                <p>
                  No messages in {FOLDER_NAME[folder]} match <strong>“{query}”</strong>.
                </p>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    setSearch('');
                    setQuery('');
                    searchRef.current?.focus();
                  }}
                >
                  Clear search
                </Button>
              </div>
            )}
            {list.status === 'ready' && items.length > 0 && (
              <ul className="msg-list" ref={listRef} aria-label={listLabel}>
                {items.map((s, i) => (
                  <MessageItem
                    key={s.id}
                    s={s}
                    form={forms.get(s.formId)}
                    selected={s.id === shown?.id}
                    tabbable={s.id === tabbableId}
                    now={now}
                    onOpen={() => openFromList(s, wide ? 'item' : 'reader')}
                    onKeyDown={(e) => onItemKey(e, i)}
                  />
                ))}
              </ul>
            )}
            {list.status === 'ready' && list.next && (
              <div className="inbox-more">
                {more.error && <Alert>{more.error}</Alert>}
                <Button variant="secondary" size="sm" className="btn-block" busy={more.busy} onClick={() => void loadMore()}>
                  Load older messages
                </Button>
              </div>
            )}
          </div>
          <div className="inbox-reader-pane">
            {shown ? (
              <Reader
                s={shown}
                site={site}
                form={forms.get(shown.formId)}
                busy={busy}
                error={actionError}
                loadError={loadError}
                showBack={!wide}
                headingRef={readerHeading}
                onBack={back}
                onToggleRead={() => void toggleRead()}
                onMove={(to) => void move(to)}
                onDelete={() => setDeleting({ busy: false, error: null })}
                onRetry={() => void open(shown.id, shown)}
              />
            ) : selectedId && list.status === 'ready' ? (
              <div className="reader-empty">
                <Spinner label="Loading the message" />
              </div>
            ) : (
              <ReaderEmpty count={items.length} folder={folder} regionName={regionName} />
            )}
          </div>
        </div>
      )}

      <p className="inbox-foot">
        <Icon d={ICONS.shield} />
        <span>
          Messages are stored only in {regionName ?? site.region}, on your behalf, until you delete them.{' '}
          <Link to={`/sites/${site.id}/settings#webhooks`}>Send them to your own tools with webhooks</Link>.
        </span>
      </p>

      <ConfirmDialog
        open={deleting !== null && !!shown}
        title="Delete this message?"
        confirmLabel="Delete message"
        tone="danger"
        busy={deleting?.busy ?? false}
        error={deleting?.error ?? null}
        onConfirm={() => void remove()}
        onClose={() => setDeleting(null)}
      >
        {shown && (
          <p>
            The message from <strong>{senderOf(shown)}</strong> ({formatDateTime(shown.createdAt)}) is deleted for good, with any webhook deliveries still
            waiting for it. Exports made before keep their copy. This can't be undone.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

export function InboxPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} tab="inbox" title="Inbox">
      {(ctx) => <Inbox {...ctx} />}
    </SiteFrame>
  );
}
