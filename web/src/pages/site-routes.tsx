// Per-site dashboard routes other than the editor: /sites/:id/analytics, /sites/:id/inbox, /sites/:id/consent,
// /sites/:id/releases, /sites/:id/releases/:releaseId (a release's preview) and /sites/:id/settings.
import { lazy, Suspense } from 'react';
import { ConsentPage } from './consent';
import { InboxPage } from './inbox';
import { ReleasePreviewPage } from './release-preview';
import { ReleasesPage } from './releases';
import { SiteSettingsPage } from './site-settings';

const SITE_ROUTE = /^\/sites\/([A-Za-z0-9_-]+)\/(analytics|inbox|consent|releases|settings)$/;

// Analytics is its own chunk (with the chart library): the rest of the dashboard never downloads it.
const AnalyticsPage = lazy(() => import('./analytics/site-page'));

function Loading({ label }: { label: string }) {
  return (
    <div className="container site-page" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
    </div>
  );
}
const RELEASE_ROUTE = /^\/sites\/([A-Za-z0-9_-]+)\/releases\/([A-Za-z0-9_-]+)$/;

/** The page for a per-site path, if it is one (an element, so re-renders keep its state). */
export function sitePageFor(path: string): React.JSX.Element | undefined {
  const release = RELEASE_ROUTE.exec(path);
  if (release) return <ReleasePreviewPage key={release[1]} siteId={release[1]!} releaseId={release[2]!} />;
  const m = SITE_ROUTE.exec(path);
  if (!m) return undefined;
  const siteId = m[1]!;
  if (m[2] === 'analytics')
    return (
      <Suspense key={siteId} fallback={<Loading label="Loading analytics…" />}>
        <AnalyticsPage siteId={siteId} />
      </Suspense>
    );
  if (m[2] === 'inbox') return <InboxPage key={siteId} siteId={siteId} />;
  if (m[2] === 'consent') return <ConsentPage key={siteId} siteId={siteId} />;
  return m[2] === 'releases' ? <ReleasesPage key={siteId} siteId={siteId} /> : <SiteSettingsPage key={siteId} siteId={siteId} />;
}
