// A release before rolling back to it: what it said, page by page, read-only,
// drawn from the document it was published from.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ok, ApiError, type ReleaseDetail } from '../api';
import { ago, formatDateTime, pageName } from '../format';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import type { SiteDocument } from '../../../src/site-document/schema';
import { Button, LoadFailed, Spinner } from '../ui';
import { releasedBy } from './releases';
import { RollbackDialog } from './rollback-dialog';
import { SiteFrame, type SiteContext } from './site-frame';

const ReleaseFrame = lazy(() => import('./release-frame'));

type Load = { status: 'loading' } | { status: 'error'; message: string; notFound: boolean } | { status: 'ready'; release: ReleaseDetail };

function Preview({ site, reload, releaseId }: SiteContext & { releaseId: string }) {
  const { state: session } = useSession();
  const me = session.status === 'ready' ? session.subscriber.id : null;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [path, setPath] = useState('/');
  const [confirming, setConfirming] = useState(false);

  const fetchRelease = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const release: ReleaseDetail = await ok(api.GET('/api/sites/{siteId}/releases/{releaseId}', { params: { path: { siteId: site.id, releaseId } } }));
      setLoad({ status: 'ready', release });
      setPath((p) => (release.document.pages?.some((page) => page.path === p) ? p : (release.document.pages?.[0]?.path ?? '/')));
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setLoad({ status: 'error', message: err?.message ?? 'The release could not be loaded.', notFound: err?.status === 404 });
    }
  }, [site.id, releaseId]);

  useEffect(() => {
    void fetchRelease();
  }, [fetchRelease]);

  const back = (
    <Link to={`/sites/${site.id}/releases`} className="back-link">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M10 3 5 8l5 5" />
      </svg>
      All releases
    </Link>
  );

  if (load.status === 'loading')
    return (
      <div className="release-preview">
        {back}
        <div className="center-status">
          <Spinner label="Loading the release" />
        </div>
      </div>
    );
  if (load.status === 'error')
    return (
      <div className="release-preview stack">
        {back}
        <LoadFailed
          title={load.notFound ? 'This release does not exist' : 'The release could not be loaded'}
          message={load.notFound ? 'It may belong to another site. Every release of this site is listed under Releases.' : load.message}
          onRetry={fetchRelease}
          narrow
        />
      </div>
    );

  const { release } = load;
  const doc = release.document as unknown as SiteDocument;
  const page = doc.pages.find((p) => p.path === path) ?? doc.pages[0]!;
  return (
    <div className="release-preview">
      {back}
      <div className="release-preview-head">
        <div>
          <h2 className="section-title section-title-tight">
            Release from <time dateTime={release.createdAt}>{formatDateTime(release.createdAt)}</time>
          </h2>
          <p className="section-hint">
            {release.restoredFrom ? 'Rolled back' : 'Published'} {ago(release.createdAt)} {releasedBy(release, me)} · {release.pageCount}{' '}
            {release.pageCount === 1 ? 'page' : 'pages'} · Read-only
          </p>
        </div>
        <div className="release-preview-actions">
          {release.live ? (
            <span className="badge badge-live">
              <span className="badge-dot" aria-hidden="true" />
              Live now
            </span>
          ) : (
            <Button onClick={() => setConfirming(true)}>Roll back to this</Button>
          )}
        </div>
      </div>
      <div className="release-toolbar">
        <label className="release-page-select">
          <span>Page</span>
          <select className="input select" value={page.path} onChange={(e) => setPath(e.target.value)}>
            {doc.pages.map((p) => (
              <option key={p.path} value={p.path}>
                {pageName(p)} ({p.path})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="release-frame-wrap">
        <Suspense
          fallback={
            <div className="center-status">
              <Spinner label="Drawing the page" />
            </div>
          }
        >
          <ReleaseFrame doc={doc} path={page.path} siteName={site.name} title={`Preview: ${pageName(page)}`} onOpenPage={setPath} />
        </Suspense>
      </div>
      <RollbackDialog
        siteId={site.id}
        siteUrl={site.url}
        target={confirming ? release : null}
        onClose={() => setConfirming(false)}
        onDone={async () => {
          setConfirming(false);
          await reload();
          navigate(`/sites/${site.id}/releases`);
        }}
      />
    </div>
  );
}

export function ReleasePreviewPage({ siteId, releaseId }: { siteId: string; releaseId: string }) {
  return (
    <SiteFrame siteId={siteId} tab="releases" title="Release preview">
      {(ctx) => <Preview {...ctx} releaseId={releaseId} />}
    </SiteFrame>
  );
}
