// The public, read-only figures of a site behind its share link
// (/app/shared/<token>): no account and no dashboard around them, only the
// totals and tables. Its own chunk, like the Analytics tab.
import { useMemo, useState } from 'react';
import { ApiError } from '../../api';
import { navigate, useLocation } from '../../router';
import { Logo, usePage } from '../../ui';
import { readQuery, search, type ViewQuery } from './model';
import { sharedSource, type AnalyticsSource } from './source';
import { AnalyticsView } from './view';
import '../../styles/analytics.css';

export default function SharedAnalyticsPage({ token }: { token: string }) {
  const [name, setName] = useState<string | null>(null);
  const heading = usePage(name ? `${name} analytics` : 'Shared analytics');
  const { query } = useLocation();
  const q = query.toString();
  const view = useMemo(() => readQuery(new URLSearchParams(q)), [q]);
  const source = useMemo<AnalyticsSource>(() => {
    const base = sharedSource(token);
    return {
      ...base,
      overview: async (params) => {
        try {
          const o = await base.overview(params);
          setName(o.site.name);
          return o;
        } catch (e) {
          if (e instanceof ApiError && e.status === 404)
            throw new ApiError(404, e.code, 'This link does not open any figures: it was revoked by the site’s owner, or it was not copied whole.');
          throw e;
        }
      },
    };
  }, [token]);
  const go = (v: ViewQuery) => navigate(`/shared/${token}?${search(v)}`, { keepScroll: true });

  return (
    <div className="shell an-shared">
      <header className="topbar">
        <div className="topbar-inner">
          <Logo />
          <p className="an-shared-note">Read-only analytics</p>
        </div>
      </header>
      <main className="page" id="main" tabIndex={-1}>
        <div className="container site-page">
          <h1 ref={heading} tabIndex={-1} className="page-title">
            {name ?? 'Shared analytics'}
          </h1>
          <p className="page-subtitle">Visitor figures, shared by the site’s owner. No cookies and no single visits: totals only.</p>
          <div className="an-shared-body">
            <AnalyticsView source={source} view={view} onView={go} />
          </div>
        </div>
      </main>
    </div>
  );
}
