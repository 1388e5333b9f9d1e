// Releases: every publish is kept as an immutable release; the live one is
// marked, any earlier one can be previewed and made live again, and each
// rollback is recorded as a release of its own.
import { useCallback, useEffect, useState } from 'react';
import { api, ok, ApiError, type Release, type ReleaseReason } from '../api';
import { useDpaGate } from '../dpa-dialog';
import { ago, displayHost, formatBytes, formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { toast } from '../toast';
import { Alert, Button, LoadFailed } from '../ui';
import { RollbackDialog } from './rollback-dialog';
import { SiteFrame, type SiteContext } from './site-frame';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; releases: Release[] };

const REASON: Record<ReleaseReason, string> = {
  publish: 'Published',
  rollback: 'Rolled back',
  address_change: 'Address changed',
};

const REASON_HINT: Record<ReleaseReason, string> = {
  publish: '',
  rollback: 'An earlier release made live again',
  address_change: 'Rebuilt automatically for the new address',
};

/** "by you", "by a teammate" or "automatically". */
export function releasedBy(release: Release, me: string | null) {
  return release.publishedBy === null ? 'automatically' : release.publishedBy === me ? 'by you' : 'by a teammate';
}

/** Re-renders every half minute so "2 minutes ago" stays true. */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(t);
  }, []);
  return now;
}

function ReleaseIcon({ reason }: { reason: ReleaseReason }) {
  const d =
    reason === 'rollback'
      ? 'M4 7h7a3.5 3.5 0 0 1 0 7H8M4 7l3-3M4 7l3 3'
      : reason === 'address_change'
        ? 'M6.5 9.5a3 3 0 0 0 4.2 0l2-2a3 3 0 0 0-4.2-4.2l-.7.7M9.5 6.5a3 3 0 0 0-4.2 0l-2 2a3 3 0 0 0 4.2 4.2l.7-.7'
        : 'M8 13V4M4.5 7.5 8 4l3.5 3.5';
  return (
    <span className={`release-icon release-icon-${reason}`} aria-hidden="true">
      <svg viewBox="0 0 16 16">
        <path d={d} />
      </svg>
    </span>
  );
}

function ReleaseRow({
  siteId,
  release,
  now,
  me,
  onRollback,
}: {
  siteId: string;
  release: Release;
  now: number;
  me: string | null;
  onRollback: (r: Release) => void;
}) {
  const by = releasedBy(release, me);
  const origin = release.restoredFrom;
  const hint = origin ? (
    <>
      Rolled back to the{' '}
      <Link to={`/sites/${siteId}/releases/${origin.id}`}>
        release from <time dateTime={origin.createdAt}>{formatDateTime(origin.createdAt)}</time>
      </Link>
    </>
  ) : (
    REASON_HINT[release.reason]
  );
  return (
    <li className={`release${release.live ? ' is-live' : ''}`}>
      <ReleaseIcon reason={release.reason} />
      <div className="release-main">
        <div className="release-title-row">
          <h3 className="release-title">
            {REASON[release.reason]}{' '}
            <time dateTime={release.createdAt} title={formatDateTime(release.createdAt)}>
              {ago(release.createdAt, now)}
            </time>
          </h3>
          {release.live && (
            <span className="badge badge-live">
              <span className="badge-dot" aria-hidden="true" />
              Live
            </span>
          )}
        </div>
        <p className="release-meta">
          <span>{formatDateTime(release.createdAt)}</span>
          <span aria-hidden="true">·</span>
          <span>{by}</span>
          {hint && (
            <>
              <span aria-hidden="true">·</span>
              <span>{hint}</span>
            </>
          )}
        </p>
        <p className="release-meta">
          <span>
            {release.pageCount} {release.pageCount === 1 ? 'page' : 'pages'}
          </span>
          <span aria-hidden="true">·</span>
          <span>{formatBytes(release.totalBytes)}</span>
          <span aria-hidden="true">·</span>
          <span>Draft revision {release.draftRevision}</span>
          <span aria-hidden="true">·</span>
          <code className="release-hash" title={`Content hash ${release.contentHash}`}>
            {release.contentHash.slice(0, 8)}
          </code>
        </p>
      </div>
      <div className="release-actions">
        {release.live ? (
          <a href={release.siteUrl} target="_blank" rel="noopener noreferrer" className="btn btn-ghost btn-sm">
            <span>{displayHost(release.siteUrl)}</span>
            <svg viewBox="0 0 16 16" aria-hidden="true" className="external">
              <path d="M6 3h7v7M13 3 4 12" />
            </svg>
            <span className="visually-hidden"> (live site, opens in a new tab)</span>
          </a>
        ) : (
          <>
            <Link to={`/sites/${siteId}/releases/${release.id}`} className="btn btn-ghost btn-sm">
              <span>
                Preview<span className="visually-hidden"> the release from {formatDateTime(release.createdAt)}</span>
              </span>
            </Link>
            <Button variant="secondary" size="sm" onClick={() => onRollback(release)}>
              Roll back to this
              <span className="visually-hidden"> release from {formatDateTime(release.createdAt)}</span>
            </Button>
          </>
        )}
      </div>
    </li>
  );
}

function ReleasesSkeleton() {
  return (
    <ul className="release-list" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <li key={i} className="release release-skeleton">
          <span className="release-icon" />
          <div className="release-main">
            <span className="skeleton-line w40" />
            <span className="skeleton-line w60" />
          </div>
        </li>
      ))}
    </ul>
  );
}

function Releases({ site, reload }: SiteContext) {
  const { state: session } = useSession();
  const me = session.status === 'ready' ? session.subscriber : null;
  const now = useNow();
  const [list, setList] = useState<Load>({ status: 'loading' });
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<{ title: string; message: string } | null>(null);
  const [target, setTarget] = useState<Release | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await ok(api.GET('/api/sites/{siteId}/releases', { params: { path: { siteId: site.id } } }));
      setList({ status: 'ready', releases: r.releases });
    } catch (e) {
      setList({ status: 'error', message: e instanceof ApiError ? e.message : 'The releases could not be loaded.' });
    }
  }, [site.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const dpa = useDpaGate();
  const publish = async () => {
    setPublishing(true);
    setPublishError(null);
    try {
      const r = await ok(api.POST('/api/sites/{siteId}/publish', { params: { path: { siteId: site.id } } }));
      toast(`Published. Your site is live at ${displayHost(r.siteUrl)}.`);
      await Promise.all([load(), reload()]);
    } catch (e) {
      // Forms or analytics wait for the data processing agreement: its dialog publishes again once accepted.
      if (await dpa.intercept(e, publish).catch(() => false)) return;
      const err = e instanceof ApiError ? e : null;
      if (err?.code === 'email_not_verified')
        setPublishError({
          title: 'Confirm your email to publish',
          message: `We sent a link to ${me?.email ?? 'your address'}. Open it, then publish again; “Resend email” in the banner above sends a new one.`,
        });
      else setPublishError({ title: 'The site was not published', message: err?.message ?? 'Something went wrong. Try again.' });
    } finally {
      setPublishing(false);
    }
  };

  const releases = list.status === 'ready' ? list.releases : [];
  const offline = list.status === 'ready' && releases.length > 0 && site.status === 'draft';
  const publishLabel = site.status === 'draft' && releases.length === 0 ? 'Publish site' : site.status === 'draft' ? 'Publish again' : 'Publish changes';

  return (
    <>
      <section className="panel" aria-labelledby="publish-h">
        <div className="panel-row">
          <div className="panel-row-text">
            <h2 id="publish-h" className="section-title section-title-tight">
              {site.status === 'live_with_changes'
                ? 'Your draft has unpublished changes'
                : site.status === 'live'
                  ? 'The live site matches your draft'
                  : 'Publish'}
            </h2>
            <p className="section-hint">
              {site.status === 'live_with_changes'
                ? `Publish to put the draft live at ${displayHost(site.url)}. The current release stays here, so you can roll back.`
                : site.status === 'live'
                  ? `Edit in the editor, then publish here or there. Every publish is kept for rollback.`
                  : `Publishing makes the draft public at ${displayHost(site.url)}.`}
            </p>
          </div>
          {site.status === 'live' ? (
            <Link to={`/sites/${site.id}/edit`} className="btn btn-secondary btn-md">
              <span>Open the editor</span>
            </Link>
          ) : (
            <Button busy={publishing} onClick={() => void publish()}>
              {publishing ? 'Publishing…' : publishLabel}
            </Button>
          )}
        </div>
        {publishError && (
          <div className="panel-alert">
            <Alert title={publishError.title}>{publishError.message}</Alert>
          </div>
        )}
      </section>

      <section className="releases-section" aria-labelledby="history-h">
        <div className="section-head">
          <h2 id="history-h" className="section-title">
            History
          </h2>
          {list.status === 'ready' && releases.length > 0 && (
            <p className="section-count">
              {releases.length} {releases.length === 1 ? 'release' : 'releases'}
            </p>
          )}
        </div>
        {offline && (
          <div className="section-alert">
            <Alert tone="info" title="The site is offline">
              It was unpublished, so nothing answers at {displayHost(site.url)}. Publish, or roll back to a release below.
            </Alert>
          </div>
        )}
        {list.status === 'loading' && (
          <>
            <p className="visually-hidden" role="status">
              Loading releases…
            </p>
            <ReleasesSkeleton />
          </>
        )}
        {list.status === 'error' && <LoadFailed title="The releases could not be loaded" message={list.message} onRetry={load} narrow />}
        {list.status === 'ready' && releases.length === 0 && (
          <div className="empty empty-compact">
            <div className="empty-icon" aria-hidden="true">
              <svg viewBox="0 0 24 24">
                <path d="M12 16V5M7.5 9.5 12 5l4.5 4.5M5 19h14" />
              </svg>
            </div>
            <h3 className="empty-title">Not published yet</h3>
            <p className="empty-text">Each time you publish, the exact version that went live is kept here, so you can roll back to it in one click.</p>
            <Link to={`/sites/${site.id}/edit`} className="btn btn-secondary btn-md">
              <span>Open the editor</span>
            </Link>
          </div>
        )}
        {list.status === 'ready' && releases.length > 0 && (
          <ul className="release-list" aria-label="Releases, newest first">
            {releases.map((r) => (
              <ReleaseRow key={r.id} siteId={site.id} release={r} now={now} me={me?.id ?? null} onRollback={setTarget} />
            ))}
          </ul>
        )}
      </section>

      {dpa.dialog}
      <RollbackDialog
        siteId={site.id}
        siteUrl={site.url}
        target={target}
        onClose={() => setTarget(null)}
        onDone={async () => {
          setTarget(null);
          await Promise.all([load(), reload()]);
        }}
      />
    </>
  );
}

export function ReleasesPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} tab="releases" title="Releases">
      {(ctx) => <Releases {...ctx} />}
    </SiteFrame>
  );
}
