// The message reader: one submission with its fields, actions and keyboard shortcuts.
import { sentence, type Folder, type SiteDetail, type Submission } from '../../api';
import { ago, displayHost, formatDateTime } from '../../format';
import { Alert, Button } from '../../ui';
import { type FormInfo, senderOf, rowsOf, initials, hueClass, mailto } from './model';
import { Icon, ICONS } from './parts';

export function Reader({
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
