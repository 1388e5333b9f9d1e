// Small pieces of the inbox screen: icons, message rows, skeleton and empty states.
import { type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { sentence, type Folder, type SiteDetail, type Submission } from '../../api';
import { displayHost } from '../../format';
import { Link } from '../../router';
import { type FormInfo, senderOf, snippetOf, listTime } from './model';

export function Icon({ d, className = 'btn-icon' }: { d: string; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className={className}>
      <path d={d} />
    </svg>
  );
}

export const ICONS = {
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

export function MessageItem({
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

export function ListSkeleton() {
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

export function ReaderEmpty({ count, folder, regionName }: { count: number; folder: Folder; regionName: string | null }) {
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

export function EmptyFolder({ site, folder, hasForm }: { site: SiteDetail; folder: Folder; hasForm: boolean }) {
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
