// The frame of a site's pages (releases, settings): breadcrumb, the site's
// name, status and address, and the per-site navigation
// (Editor · Analytics · Inbox · Consent · Releases · Settings · View live ↗). Loads the site once and hands
// it to the page, which can replace it after a change.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, ok, ApiError, type SiteDetail } from '../api';
import { displayHost } from '../format';
import { Link } from '../router';
import { Alert, Button, usePage } from '../ui';
import { useUnread } from '../unread';
import { StatusBadge } from './sites';

export type SiteTab = 'edit' | 'analytics' | 'inbox' | 'consent' | 'releases' | 'settings';

/** The per-site navigation; the editor may show it too. */
export function SiteNav({ site, current }: { site: { id: string; url: string; status: string }; current: SiteTab }) {
  const unread = useUnread(site.id);
  const tabs: [SiteTab, string][] = [
    ['edit', 'Editor'],
    ['analytics', 'Analytics'],
    ['inbox', 'Inbox'],
    ['consent', 'Consent'],
    ['releases', 'Releases'],
    ['settings', 'Settings'],
  ];
  return (
    <nav className="site-nav" aria-label="Site">
      <ul>
        {tabs.map(([tab, label]) => (
          <li key={tab}>
            <Link to={`/sites/${site.id}/${tab}`} aria-current={current === tab ? 'page' : undefined}>
              {label}
              {tab === 'inbox' && !!unread && (
                <span className="nav-count">
                  {unread}
                  <span className="visually-hidden"> unread</span>
                </span>
              )}
            </Link>
          </li>
        ))}
        <li className="site-nav-live">
          {site.status === 'draft' ? (
            <span className="site-nav-offline" title="Publish the site to get a live address">
              Not live yet
            </span>
          ) : (
            <a href={site.url} target="_blank" rel="noopener noreferrer">
              <span className="site-nav-live-text">View live</span>
              <svg viewBox="0 0 16 16" aria-hidden="true" className="external">
                <path d="M6 3h7v7M13 3 4 12" />
              </svg>
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}

export interface SiteContext {
  site: SiteDetail;
  /** Replaces the site after a change the page made (rename, publish...). */
  setSite(site: SiteDetail): void;
  /** Loads the site again from the server. */
  reload(): Promise<SiteDetail | null>;
}

type Load = { status: 'loading' } | { status: 'error'; message: string; notFound: boolean } | { status: 'ready'; site: SiteDetail };

export function SiteFrame({ siteId, tab, title, children }: { siteId: string; tab: SiteTab; title: string; children: (ctx: SiteContext) => ReactNode }) {
  const [state, setState] = useState<Load>({ status: 'loading' });
  const siteName = state.status === 'ready' ? state.site.name : null;
  const heading = usePage(siteName ? `${title} · ${siteName}` : title);

  const reload = useCallback(async () => {
    try {
      const site = await ok(api.GET('/api/sites/{siteId}', { params: { path: { siteId } } }));
      setState({ status: 'ready', site });
      return site;
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setState((prev) =>
        prev.status === 'ready' && err?.status !== 404
          ? prev
          : { status: 'error', message: err?.message ?? 'The site could not be loaded.', notFound: err?.status === 404 },
      );
      return null;
    }
  }, [siteId]);

  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);

  const setSite = useCallback((site: SiteDetail) => setState({ status: 'ready', site }), []);

  if (state.status === 'error')
    return (
      <div className="container site-page">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/">Sites</Link>
        </nav>
        <h1 ref={heading} tabIndex={-1} className="page-title">
          {state.notFound ? 'Site not found' : `${title} could not be loaded`}
        </h1>
        <div className="stack narrow form-top">
          <Alert title={state.notFound ? 'This site does not exist or belongs to another account.' : 'Something went wrong'}>
            {state.notFound ? 'It may have been deleted. Your sites are listed on the Sites page.' : state.message}
          </Alert>
          <div className="row-actions">
            {!state.notFound && (
              <Button
                variant="secondary"
                onClick={() => {
                  setState({ status: 'loading' });
                  void reload();
                }}
              >
                Try again
              </Button>
            )}
            <Link to="/" className="btn btn-ghost btn-md">
              <span>Go to your sites</span>
            </Link>
          </div>
        </div>
      </div>
    );

  const site = state.status === 'ready' ? state.site : null;
  return (
    <div className="container site-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Sites</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{site ? site.name : '…'}</span>
      </nav>
      <div className="site-head">
        <div className="site-head-text">
          <div className="site-head-title">
            <h1 ref={heading} tabIndex={-1} className="page-title">
              {site ? site.name : <span className="skeleton-line skeleton-title" aria-hidden="true" />}
              <span className="visually-hidden">{site ? `: ${title.toLowerCase()}` : `Loading ${title.toLowerCase()}…`}</span>
            </h1>
            {site && <StatusBadge status={site.status} />}
          </div>
          <p className="page-subtitle site-head-url">{site ? displayHost(site.url) : <span className="skeleton-line w40" aria-hidden="true" />}</p>
        </div>
      </div>
      {site ? (
        <SiteNav site={site} current={tab} />
      ) : (
        <div className="site-nav site-nav-skeleton" aria-hidden="true">
          <span className="skeleton-line" />
        </div>
      )}
      <div className="site-content" aria-busy={site ? undefined : true}>
        {site ? children({ site, setSite, reload }) : <p className="visually-hidden">Loading…</p>}
      </div>
    </div>
  );
}
