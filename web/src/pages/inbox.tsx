// The inbox of a site: the messages visitors sent through its forms, in an
// Inbox and a Spam folder. A list and a reader side by side on wide screens,
// one after the other on phones. Search, read, reply, mark spam / not spam,
// mark unread, delete, export. Everything a visitor typed is rendered as text.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { api, ok, ApiError, sentence, type Folder, type SiteDetail, type Submission } from '../api';
import { ConfirmDialog } from '../dialog';
import { ago, displayHost, formatDateTime } from '../format';
import { href, Link } from '../router';
import { toast } from '../toast';
import { Alert, Button, Spinner, LoadFailed } from '../ui';
import { adjustUnread, refreshUnread, useUnread } from '../unread';
import { SiteFrame, type SiteContext } from './site-frame';

const PAGE_SIZE = 50;
const POLL_MS = 30_000;
const FOLDER_NAME: Record<Folder, string> = { inbox: 'Inbox', spam: 'Spam' };

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: Submission[]; next: string | null };

function errorMessage(e: unknown, fallback: string) {
  return e instanceof ApiError ? e.message : fallback;
}

/* ---------- What the site's forms say about their fields ---------- */

interface FieldInfo {
  label: string;
  type: string;
}

interface FormInfo {
  heading: string | null;
  fields: Map<string, FieldInfo>;
}

/** The form blocks of the draft, by id: field labels and types to show answers under. */
function formsOf(site: SiteDetail): Map<string, FormInfo> {
  const forms = new Map<string, FormInfo>();
  for (const page of site.document.pages ?? [])
    for (const block of page.blocks ?? []) {
      if (block.type !== 'form') continue;
      const p = block.props as { id?: unknown; heading?: unknown; fields?: unknown };
      if (typeof p.id !== 'string' || forms.has(p.id)) continue;
      const fields = new Map<string, FieldInfo>();
      if (Array.isArray(p.fields))
        for (const f of p.fields as { name?: unknown; label?: unknown; type?: unknown }[])
          if (typeof f?.name === 'string' && typeof f.label === 'string') fields.set(f.name, { label: f.label, type: String(f.type) });
      forms.set(p.id, { heading: typeof p.heading === 'string' && p.heading.trim() ? p.heading.trim() : null, fields });
    }
  return forms;
}

/** "first_name" -> "First name" */
const humanize = (key: string) => (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');

const text = (s: Submission, key: string) => {
  const v = s.data[key];
  return typeof v === 'string' ? v.trim() : '';
};

/** Who wrote: a name field if the form had one, else the email address. */
function senderOf(s: Submission): string {
  const name = text(s, 'name') || text(s, 'full_name') || text(s, 'your_name') || `${text(s, 'first_name')} ${text(s, 'last_name')}`.trim();
  return name || s.email || 'Anonymous visitor';
}

/** A line or two of what they wrote: the message first, then the other answers. */
function snippetOf(s: Submission, form: FormInfo | undefined): string {
  const skip = new Set(['name', 'full_name', 'your_name', 'first_name', 'last_name', 'email']);
  const answers = Object.entries(s.data).filter(([k, v]) => {
    const type = form?.fields.get(k)?.type;
    return typeof v === 'string' && v.trim() !== '' && !skip.has(k) && type !== 'email' && type !== 'consent';
  });
  const main = answers.find(([k]) => form?.fields.get(k)?.type === 'textarea') ?? answers.find(([k]) => k === 'message');
  const ordered = main ? [main, ...answers.filter((a) => a !== main)] : answers;
  return ordered
    .map(([, v]) => String(v).replace(/\s+/g, ' ').trim())
    .join(' · ')
    .slice(0, 300);
}

interface Row {
  key: string;
  label: string;
  value: string | boolean;
  long: boolean;
}

/** The answers in the order of the form's fields; answers to fields the form no longer has come last, under their names. */
function rowsOf(s: Submission, form: FormInfo | undefined): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const [key, f] of form?.fields ?? []) {
    if (!(key in s.data)) continue;
    seen.add(key);
    if (f.type === 'consent' && s.consentText) continue; // shown with its wording below
    const value = s.data[key]!;
    rows.push({ key, label: f.label, value, long: f.type === 'textarea' || (typeof value === 'string' && value.length > 90) });
  }
  for (const [key, value] of Object.entries(s.data)) {
    if (seen.has(key)) continue;
    if (typeof value === 'boolean' && s.consentText && /consent|agree/.test(key)) continue;
    rows.push({ key, label: humanize(key), value, long: typeof value === 'string' && (value.length > 90 || value.includes('\n')) });
  }
  return rows;
}

function initials(name: string) {
  const parts = name
    .replace(/@.*/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** A stable colour per sender, from a few that keep white initials readable. */
function hueClass(name: string) {
  let h = 0;
  for (const c of name.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `sender-c${h % 6}`;
}

const timeOnly = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const dayMonthYear = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' });

/** "2:05 PM" today, "Mar 4" this year, "Mar 4, 2025" before. */
function listTime(iso: string, now = new Date()) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  if (d.toDateString() === now.toDateString()) return timeOnly.format(d);
  return d.getFullYear() === now.getFullYear() ? dayMonth.format(d) : dayMonthYear.format(d);
}

function mailto(s: Submission, form: FormInfo | undefined, siteName: string) {
  const subject = `Re: ${form?.heading ?? `Your message to ${siteName}`}`;
  return `mailto:${encodeURIComponent(s.email ?? '')}?subject=${encodeURIComponent(subject)}`;
}

function useWide() {
  const query = '(min-width: 761px)';
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return wide;
}

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && !!t.closest('input, textarea, select, [contenteditable="true"]');

/* ---------- Icons ---------- */

function Icon({ d, className = 'btn-icon' }: { d: string; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className={className}>
      <path d={d} />
    </svg>
  );
}

const ICONS = {
  reply: 'M6.5 4 2.5 8l4 4M2.8 8h6.7a4 4 0 0 1 4 4v.5',
  unread: 'M14 7v4.5c0 .8-.7 1.5-1.5 1.5h-9C2.7 13 2 12.3 2 11.5v-7C2 3.7 2.7 3 3.5 3H9M2.3 4.2 8 8.3l2.2-1.6M13 5.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z',
  spam: 'M5.6 2h4.8L14 5.6v4.8L10.4 14H5.6L2 10.4V5.6ZM8 5v3.5M8 10.8v.2',
  inbox: 'M2 9h3.2l1 2h3.6l1-2H14M3.6 3.5h8.8L14 9v3.5c0 .6-.4 1-1 1H3c-.6 0-1-.4-1-1V9Z',
  trash: 'M3 4.5h10M6.5 4.5V3c0-.3.2-.5.5-.5h2c.3 0 .5.2.5.5v1.5M4.5 4.5l.6 8.6c0 .5.5.9 1 .9h3.8c.5 0 1-.4 1-.9l.6-8.6',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10ZM10.7 10.7 14 14',
  download: 'M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10',
  back: 'M10 3.5 5.5 8l4.5 4.5',
  page: 'M4 2h5.5L12 4.5V14H4ZM9.5 2v2.5H12',
  check: 'm3.5 8.5 3 3 6-7',
  shield: 'M8 1.8 13 3.7v3.8c0 3-2.1 5.6-5 6.7-2.9-1.1-5-3.7-5-6.7V3.7Zm-2.3 6.4 1.6 1.6 3-3.2',
};

/* ---------- The list ---------- */

function MessageItem({
  s,
  form,
  selected,
  tabbable,
  now,
  onOpen,
  onKeyDown,
}: {
  s: Submission;
  form: FormInfo | undefined;
  selected: boolean;
  tabbable: boolean;
  now: Date;
  onOpen: () => void;
  onKeyDown: (e: ReactKeyboardEvent<HTMLButtonElement>) => void;
}) {
  const sender = senderOf(s);
  const snippet = snippetOf(s, form);
  const unread = !s.read;
  return (
    <li>
      <button
        type="button"
        className={`msg${unread ? ' is-unread' : ''}${selected ? ' is-selected' : ''}`}
        data-id={s.id}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={onOpen}
        onKeyDown={onKeyDown}
      >
        <span className="msg-top">
          <span className="msg-dot" aria-hidden="true" />
          <span className="msg-from">
            {unread && <span className="visually-hidden">Unread: </span>}
            {sender}
          </span>
          <time className="msg-time" dateTime={s.createdAt}>
            {listTime(s.createdAt, now)}
          </time>
        </span>
        <span className={`msg-snippet${snippet ? '' : ' is-empty'}`}>{snippet || 'No message text'}</span>
        <span className="msg-meta">
          <span className="msg-page">{s.page}</span>
          {s.status === 'spam' && s.spamReasons.length > 0 ? (
            <span className="msg-spam">{sentence(s.spamReasons[0]!).replace(/\.$/, '')}</span>
          ) : (
            form?.heading && <span className="msg-form">{form.heading}</span>
          )}
        </span>
      </button>
    </li>
  );
}

function ListSkeleton() {
  return (
    <ul className="msg-list" aria-hidden="true">
      {[0, 1, 2, 3].map((i) => (
        <li key={i} className="msg msg-skeleton">
          <span className="skeleton-line w40" />
          <span className="skeleton-line" />
          <span className="skeleton-line w60" />
        </li>
      ))}
    </ul>
  );
}

/* ---------- The reader ---------- */

function Reader({
  s,
  site,
  form,
  busy,
  error,
  loadError,
  showBack,
  headingRef,
  onBack,
  onToggleRead,
  onMove,
  onDelete,
  onRetry,
}: {
  s: Submission;
  site: SiteDetail;
  form: FormInfo | undefined;
  busy: string | null;
  error: string | null;
  loadError: string | null;
  showBack: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onToggleRead: () => void;
  onMove: (to: Folder) => void;
  onDelete: () => void;
  onRetry: () => void;
}) {
  const sender = senderOf(s);
  const rows = rowsOf(s, form);
  const live = site.status !== 'draft';
  const pageUrl = live ? new URL(s.page, site.url).toString() : null;
  return (
    <article className="reader" aria-labelledby="reader-title">
      {showBack && (
        <button type="button" className="reader-back" onClick={onBack}>
          <Icon d={ICONS.back} />
          All messages
        </button>
      )}
      <header className="reader-head">
        <span className={`sender-avatar ${hueClass(sender)}`} aria-hidden="true">
          {initials(sender)}
        </span>
        <div className="reader-who">
          <h2 id="reader-title" ref={headingRef} tabIndex={-1} className="reader-title">
            {sender}
          </h2>
          {s.email && (
            <p className="reader-email">
              <a href={mailto(s, form, site.name)}>{s.email}</a>
            </p>
          )}
        </div>
        <p className="reader-time">
          <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
          <span className="reader-ago">{ago(s.createdAt)}</span>
        </p>
      </header>

      {/* Marking read/unread shows no spinner: a busy button is disabled, which would take the keyboard focus away from it. */}
      <div className="reader-actions" aria-label="Message actions" role="group">
        {s.email && (
          <a className="btn btn-secondary btn-sm" href={mailto(s, form, site.name)} aria-keyshortcuts="r" data-reply="">
            <Icon d={ICONS.reply} />
            <span>Reply</span>
          </a>
        )}
        {s.status === 'inbox' ? (
          <Button variant="ghost" size="sm" busy={busy === 'spam'} onClick={() => onMove('spam')} aria-keyshortcuts="!" title="Mark as spam (!)">
            <Icon d={ICONS.spam} />
            Mark as spam
          </Button>
        ) : (
          <Button variant="secondary" size="sm" busy={busy === 'inbox'} onClick={() => onMove('inbox')} aria-keyshortcuts="!" title="Not spam (!)">
            <Icon d={ICONS.inbox} />
            Not spam
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={onToggleRead} aria-keyshortcuts="u" title={`Mark ${s.read ? 'unread' : 'read'} (U)`}>
          <Icon d={s.read ? ICONS.unread : ICONS.check} />
          {s.read ? 'Mark unread' : 'Mark read'}
        </Button>
        <Button variant="ghost" size="sm" className="reader-delete" onClick={onDelete} aria-keyshortcuts="#" title="Delete (#)">
          <Icon d={ICONS.trash} />
          Delete
        </Button>
      </div>

      {error && (
        <div className="reader-alert">
          <Alert>{error}</Alert>
        </div>
      )}
      {loadError && (
        <div className="reader-alert">
          <Alert title="The full message could not be loaded">
            {loadError}{' '}
            <button type="button" className="link-btn" onClick={onRetry}>
              Try again
            </button>
          </Alert>
        </div>
      )}

      {s.status === 'spam' && (
        <div className="reader-spam">
          <Icon d={ICONS.spam} className="reader-spam-icon" />
          <div>
            <p className="reader-spam-title">{s.spamReasons.length > 0 ? 'Atrium put this message in Spam' : 'Marked as spam'}</p>
            {s.spamReasons.length > 0 && (
              <ul className="reader-spam-reasons" aria-label="Reasons">
                {s.spamReasons.map((r) => (
                  <li key={r}>{sentence(r).replace(/\.$/, '')}</li>
                ))}
              </ul>
            )}
            <p className="reader-spam-text">
              {s.spamReasons.length > 0
                ? 'It was not emailed to you or sent to your webhooks. If it is genuine, mark it “Not spam”.'
                : 'Someone moved it here from the inbox. Mark it “Not spam” to move it back.'}
            </p>
          </div>
        </div>
      )}

      {rows.length > 0 ? (
        <dl className="reader-fields">
          {rows.map((r) => (
            <div key={r.key} className={`reader-field${r.long ? ' is-long' : ''}`}>
              <dt>{r.label}</dt>
              <dd>
                {typeof r.value === 'boolean' ? (
                  <span className={`reader-bool${r.value ? ' is-yes' : ''}`}>{r.value ? 'Yes' : 'No'}</span>
                ) : r.value.trim() === '' ? (
                  <span className="reader-blank">Left empty</span>
                ) : (
                  r.value
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="reader-blank reader-no-fields">This message has no answers.</p>
      )}

      {s.consentText && (
        <section className="reader-consent" aria-labelledby="reader-consent-h">
          <h3 id="reader-consent-h" className="reader-consent-title">
            <Icon d={ICONS.shield} />
            Consent the visitor gave
          </h3>
          <blockquote className="reader-consent-text">{s.consentText}</blockquote>
          <p className="reader-consent-note">
            They ticked this box before sending. Atrium keeps the exact wording with the message, as your record of what they agreed to.
          </p>
        </section>
      )}

      <footer className="reader-foot">
        <span className="reader-foot-item">
          <Icon d={ICONS.page} />
          Sent from{' '}
          {pageUrl ? (
            <a href={pageUrl} target="_blank" rel="noopener noreferrer">
              {displayHost(site.url)}
              {s.page === '/' ? '' : s.page}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <span>{s.page}</span>
          )}
          {form?.heading && <> · {form.heading}</>}
        </span>
        <span className="reader-foot-item reader-foot-id" title="Form version and message ID, as in exports and webhooks">
          Form version <code>{s.formVersion}</code> · <code>{s.id}</code>
        </span>
      </footer>
    </article>
  );
}

function ReaderEmpty({ count, folder, regionName }: { count: number; folder: Folder; regionName: string | null }) {
  return (
    <div className="reader-empty">
      <span className="reader-empty-icon" aria-hidden="true">
        <Icon d={ICONS.inbox} className="" />
      </span>
      <p className="reader-empty-title">{count > 0 ? 'Select a message to read it' : 'Nothing selected'}</p>
      <p className="reader-empty-text">
        {folder === 'spam'
          ? 'Spam is kept, never silently dropped: check it now and then for genuine messages.'
          : `Stored only in ${regionName ?? 'this site’s region'}, on your behalf.`}
      </p>
      <p className="kbd-hints">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> move
        </span>
        <span>
          <kbd>U</kbd> unread
        </span>
        <span>
          <kbd>!</kbd> spam
        </span>
        <span>
          <kbd>#</kbd> delete
        </span>
        <span>
          <kbd>/</kbd> search
        </span>
      </p>
    </div>
  );
}

/* ---------- Empty folders ---------- */

function EmptyFolder({ site, folder, hasForm }: { site: SiteDetail; folder: Folder; hasForm: boolean }) {
  let title: string;
  let body: ReactNode;
  let action: ReactNode = null;
  if (folder === 'spam') {
    title = 'No spam';
    body =
      'Messages that look automated (a filled-in hidden field, many links, known spam phrases) land here instead of your inbox. They are kept, never dropped, so you can rescue a genuine one.';
  } else if (!hasForm) {
    title = 'No messages yet';
    body = 'Add a Form block to a page in the editor and publish, then messages people send through it appear here.';
    action = (
      <Link to={`/sites/${site.id}/edit`} className="btn btn-primary btn-md">
        <span>Open the editor</span>
      </Link>
    );
  } else if (site.status === 'draft') {
    title = 'Publish to start receiving messages';
    body = 'Your draft has a form. Publish the site, then messages people send through it appear here.';
    action = (
      <Link to={`/sites/${site.id}/releases`} className="btn btn-primary btn-md">
        <span>Go to Releases to publish</span>
      </Link>
    );
  } else {
    title = 'No messages yet';
    body = (
      <>
        When someone sends a form on <strong>{displayHost(site.url)}</strong>, it appears here within seconds. Add a Form block in the editor and publish if the
        live site has none yet.
      </>
    );
    action = (
      <a href={site.url} target="_blank" rel="noopener noreferrer" className="btn btn-secondary btn-md">
        <span>View the live site</span>
        <svg viewBox="0 0 16 16" aria-hidden="true" className="external">
          <path d="M6 3h7v7M13 3 4 12" />
        </svg>
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    );
  }
  return (
    <div className="empty empty-compact inbox-empty">
      <div className="empty-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24">
          {folder === 'spam' ? (
            <path d="M8.4 3h7.2L21 8.4v7.2L15.6 21H8.4L3 15.6V8.4ZM8.5 12.5l2.3 2.3 4.7-5" />
          ) : (
            <path d="M3 13.5h4.8l1.5 3h5.4l1.5-3H21M5.4 5.3h13.2L21 13.5v5.2c0 .9-.6 1.5-1.5 1.5h-15c-.9 0-1.5-.6-1.5-1.5v-5.2Z" />
          )}
        </svg>
      </div>
      <h2 className="empty-title">{title}</h2>
      <p className="empty-text">{body}</p>
      {action}
    </div>
  );
}

/* ---------- The inbox ---------- */

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
