// Per-site dashboard routes other than the editor: /sites/:id/inbox, /sites/:id/consent, /sites/:id/releases,
// /sites/:id/releases/:releaseId (a release's preview), /sites/:id/settings, and /sites/:id/privacy-requests[/:requestId].
import { ConsentPage } from './consent';
import { SitePrivacyRequestPage, SitePrivacyRequestsPage } from './privacy-requests/site-pages';
import { InboxPage } from './inbox';
import { ReleasePreviewPage } from './release-preview';
import { ReleasesPage } from './releases';
import { SiteSettingsPage } from './site-settings';

const SITE_ROUTE = /^\/sites\/([A-Za-z0-9_-]+)\/(inbox|consent|privacy-requests|releases|settings)$/;
const REQUEST_ROUTE = /^\/sites\/([A-Za-z0-9_-]+)\/privacy-requests\/([A-Za-z0-9_-]+)$/;
const RELEASE_ROUTE = /^\/sites\/([A-Za-z0-9_-]+)\/releases\/([A-Za-z0-9_-]+)$/;

/** The page for a per-site path, if it is one (an element, so re-renders keep its state). */
export function sitePageFor(path: string): React.JSX.Element | undefined {
  const release = RELEASE_ROUTE.exec(path);
  if (release) return <ReleasePreviewPage key={release[1]} siteId={release[1]!} releaseId={release[2]!} />;
  const request = REQUEST_ROUTE.exec(path);
  if (request) return <SitePrivacyRequestPage key={request[2]} siteId={request[1]!} requestId={request[2]!} />;
  const m = SITE_ROUTE.exec(path);
  if (!m) return undefined;
  const siteId = m[1]!;
  if (m[2] === 'inbox') return <InboxPage key={siteId} siteId={siteId} />;
  if (m[2] === 'consent') return <ConsentPage key={siteId} siteId={siteId} />;
  if (m[2] === 'privacy-requests') return <SitePrivacyRequestsPage key={siteId} siteId={siteId} />;
  return m[2] === 'releases' ? <ReleasesPage key={siteId} siteId={siteId} /> : <SiteSettingsPage key={siteId} siteId={siteId} />;
}
