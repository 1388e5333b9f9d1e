// The Analytics tab of a site (/sites/:id/analytics): its own chunk, with the
// chart library and the screen's styles, loaded when the tab is opened. The
// view (period and filters) lives in the address.
import { useMemo } from 'react';
import { Link, navigate, useLocation } from '../../router';
import { Alert } from '../../ui';
import { SiteFrame, type SiteContext } from '../site-frame';
import { readQuery, search, type ViewQuery } from './model';
import { SharePanel } from './share';
import { siteSource } from './source';
import { AnalyticsView } from './view';
import '../../styles/analytics.css';

function SiteAnalytics({ site }: SiteContext) {
  const { query } = useLocation();
  const q = query.toString();
  const view = useMemo(() => readQuery(new URLSearchParams(q)), [q]);
  const source = useMemo(() => siteSource(site.id), [site.id]);
  const beaconOn = (site.document as { analytics?: { beacon?: boolean } }).analytics?.beacon === true;
  const go = (v: ViewQuery) => {
    navigate(`/sites/${site.id}/analytics?${search(v)}`, { keepScroll: true });
  };
  return (
    <AnalyticsView
      source={source}
      view={view}
      onView={go}
      beaconOn={beaconOn}
      beaconHint={
        <>
          These come from the optional beacon script, which is off for this site.{' '}
          <Link to={`/sites/${site.id}/settings#analytics`}>Turn it on in Settings</Link>.
        </>
      }
      notice={
        site.status === 'draft' ? (
          <Alert tone="info" title="This site is not live yet">
            Visits are counted from the moment it is published. <Link to={`/sites/${site.id}/edit`}>Open the editor</Link> to publish it.
          </Alert>
        ) : undefined
      }
      after={<SharePanel siteId={site.id} />}
    />
  );
}

export default function AnalyticsPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} tab="analytics" title="Analytics">
      {(ctx) => <SiteAnalytics {...ctx} />}
    </SiteFrame>
  );
}
