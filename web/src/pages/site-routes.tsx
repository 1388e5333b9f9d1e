// Per-site dashboard routes other than the editor: /sites/:id/inbox, /sites/:id/releases and /sites/:id/settings.
import { InboxPage } from './inbox';
import { ReleasesPage } from './releases';
import { SiteSettingsPage } from './site-settings';

const SITE_ROUTE = /^\/sites\/([A-Za-z0-9_-]+)\/(inbox|releases|settings)$/;

/** The page for a per-site path, if it is one (an element, so re-renders keep its state). */
export function sitePageFor(path: string): React.JSX.Element | undefined {
  const m = SITE_ROUTE.exec(path);
  if (!m) return undefined;
  const siteId = m[1]!;
  if (m[2] === 'inbox') return <InboxPage key={siteId} siteId={siteId} />;
  return m[2] === 'releases' ? <ReleasesPage key={siteId} siteId={siteId} /> : <SiteSettingsPage key={siteId} siteId={siteId} />;
}
