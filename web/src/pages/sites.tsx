// The sites list: a card per site with a drawn thumbnail, its status, its address, its visitors of the last
// 7 days (a sparkline) and its new messages.
import { useCallback, useEffect, useState } from 'react';
import { api, ok, ApiError, type SiteStatus, type SiteListItem, type SiteVisitors } from '../api';
import { ago, displayHost } from '../format';
import { Link } from '../router';
import { Sparkline } from '../sparkline';
import { SiteThumb, thumbFromDocument, type ThumbModel } from '../thumb';
import { Alert, Button, usePage } from '../ui';
import { setUnreadCounts, useUnread } from '../unread';

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

const STATUS: Record<SiteStatus, { label: string; tone: string; hint: string }> = {
  draft: { label: 'Draft', tone: 'neutral', hint: 'Not published yet' },
  live: { label: 'Live', tone: 'live', hint: 'Live site matches the draft' },
  live_with_changes: { label: 'Unpublished changes', tone: 'changes', hint: 'Live, with draft changes not yet published' },
};

export function StatusBadge({ status }: { status: SiteStatus }) {
  const s = STATUS[status];
  return (
    <span className={`badge badge-${s.tone}`} title={s.hint}>
      <span className="badge-dot" aria-hidden="true" />
      {s.label}
    </span>
  );
}

const integer = new Intl.NumberFormat('en');

/** The last 7 days' visitors, drawn and counted, with the change from the 7 days before; a link to the Analytics tab. */
function VisitorStats({ site, stats }: { site: SiteListItem; stats: SiteVisitors }) {
  const delta = stats.previous ? Math.round(((stats.total - stats.previous) / stats.previous) * 100) : null;
  return (
    <Link to={`/sites/${site.id}/analytics?period=7d`} className="site-card-stats">
      <Sparkline values={stats.visitors} label={`Visitors per day over the last 7 days: ${stats.visitors.join(', ')}`} />
      <span className="site-card-visitors">
        <strong>{integer.format(stats.total)}</strong> {stats.total === 1 ? 'visitor' : 'visitors'} in 7 days
        <span className="visually-hidden"> — open the analytics of {site.name}</span>
      </span>
      {delta !== null && delta !== 0 && (
        <span className={`site-card-delta${delta > 0 ? ' is-up' : ' is-down'}`}>
          {delta > 0 ? '+' : '−'}
          {Math.abs(delta)}%<span className="visually-hidden"> on the 7 days before</span>
        </span>
      )}
    </Link>
  );
}

function SiteCard({ site, thumb, regionName, stats }: { site: SiteListItem; thumb: ThumbModel | undefined; regionName: string; stats?: SiteVisitors }) {
  const host = displayHost(site.url);
  const live = site.status !== 'draft';
  const unread = useUnread(site.id) ?? site.newSubmissions ?? 0;
  return (
    <li className="site-card">
      <div className="site-thumb-frame">{thumb ? <SiteThumb model={thumb} /> : <div className="thumb thumb-skeleton" aria-hidden="true" />}</div>
      <div className="site-card-body">
        <div className="site-card-top">
          <h2 className="site-name">
            <Link to={`/sites/${site.id}/edit`} className="site-name-link">
              {site.name}
              <span className="visually-hidden"> — open in the editor</span>
            </Link>
          </h2>
          <StatusBadge status={site.status} />
        </div>
        <p className="site-url">
          {live ? (
            <a href={site.url} target="_blank" rel="noopener noreferrer">
              {host}
              <svg viewBox="0 0 16 16" aria-hidden="true" className="external">
                <path d="M6 3h7v7M13 3 4 12" />
              </svg>
              <span className="visually-hidden"> (live site, opens in a new tab)</span>
            </a>
          ) : (
            <span>
              {host}
              <span className="visually-hidden"> (not published yet)</span>
            </span>
          )}
        </p>
        {live && stats && <VisitorStats site={site} stats={stats} />}
        <p className="site-meta">
          <span>Edited {ago(site.draftUpdatedAt)}</span>
          <span aria-hidden="true">·</span>
          <span>{regionName}</span>
          <span className="site-card-links">
            <Link to={`/sites/${site.id}/inbox`} className={`site-card-inbox${unread ? ' has-new' : ''}`}>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M2 9h3.2l1 2h3.6l1-2H14M3.6 3.5h8.8L14 9v3.5c0 .6-.4 1-1 1H3c-.6 0-1-.4-1-1V9Z" />
              </svg>
              {unread ? (
                <>
                  <span className="site-card-count">{unread}</span> new
                  <span className="visually-hidden">
                    {' '}
                    {unread === 1 ? 'message' : 'messages'} in the inbox of {site.name}
                  </span>
                </>
              ) : (
                <>
                  Inbox<span className="visually-hidden"> of {site.name}</span>
                </>
              )}
            </Link>
            <Link to={`/sites/${site.id}/settings`} className="site-card-settings">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4Z" />
                <path d="M6.7 1.8h2.6l.4 1.7 1.2.7 1.7-.5 1.3 2.2-1.3 1.2v1.4l1.3 1.2-1.3 2.2-1.7-.5-1.2.7-.4 1.7H6.7l-.4-1.7-1.2-.7-1.7.5-1.3-2.2 1.3-1.2V7.3L2.1 6.1l1.3-2.2 1.7.5 1.2-.7Z" />
              </svg>
              Settings<span className="visually-hidden"> of {site.name}</span>
            </Link>
          </span>
        </p>
      </div>
    </li>
  );
}

function SkeletonGrid() {
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading your sites…
      </p>
      <ul className="site-grid" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="site-card site-card-skeleton">
            <div className="site-thumb-frame">
              <div className="thumb thumb-skeleton" />
            </div>
            <div className="site-card-body">
              <span className="skeleton-line w60" />
              <span className="skeleton-line w40" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function EmptyState() {
  return (
    <div className="empty">
      <div className="empty-art" aria-hidden="true">
        <span className="empty-card empty-card-back" />
        <span className="empty-card empty-card-front">
          <i />
          <i />
          <i />
        </span>
        <span className="empty-plus">+</span>
      </div>
      <h2 className="empty-title">Create your first site</h2>
      <p className="empty-text">Pick a template, give it a name and an address. You can change every word and colour afterwards, then publish in one click.</p>
      <Link to="/sites/new" className="btn btn-primary btn-md">
        <span>New site</span>
      </Link>
    </div>
  );
}

export function SitesPage() {
  const heading = usePage('Sites');
  const [sites, setSites] = useState<Load<SiteListItem[]>>({ status: 'loading' });
  const [regions, setRegions] = useState<Record<string, string>>({});
  const [thumbs, setThumbs] = useState<Record<string, ThumbModel>>({});
  const [visitors, setVisitors] = useState<Record<string, SiteVisitors>>({});

  const load = useCallback(async () => {
    setSites({ status: 'loading' });
    try {
      const r = await ok(api.GET('/api/sites'));
      setUnreadCounts(r.sites);
      setSites({ status: 'ready', data: r.sites });
    } catch (e) {
      setSites({ status: 'error', message: e instanceof ApiError ? e.message : 'Your sites could not be loaded.' });
    }
  }, []);

  useEffect(() => {
    void load();
    // Every site's visitors in one call (one query per data region), drawn as each card's sparkline.
    ok(api.GET('/api/analytics/sites')).then(
      (r) => setVisitors(Object.fromEntries(r.sites.map((s) => [s.siteId, s]))),
      () => undefined,
    );
    ok(api.GET('/api/regions')).then(
      (rs) => setRegions(Object.fromEntries(rs.map((r) => [r.id, r.name]))),
      () => undefined,
    );
  }, [load]);

  // The list answer carries a trimmed document (preview) for each thumbnail; an older server's answer does not, so fetch those sites once.
  useEffect(() => {
    if (sites.status !== 'ready') return;
    let live = true;
    for (const site of sites.data) {
      if (thumbs[site.id] || site.preview) continue;
      ok(api.GET('/api/sites/{siteId}', { params: { path: { siteId: site.id } } })).then(
        (d) => live && setThumbs((t) => ({ ...t, [site.id]: thumbFromDocument(d.document, d.name) })),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [sites]); // thumbs is a cache this effect fills, not an input

  const count = sites.status === 'ready' ? sites.data.length : 0;

  return (
    <div className="container">
      <div className="page-head">
        <div>
          <h1 ref={heading} tabIndex={-1} className="page-title">
            Sites
          </h1>
          <p className="page-subtitle">
            {sites.status === 'ready' && count > 0 ? `${count} ${count === 1 ? 'site' : 'sites'} in your workspace` : 'Everything you publish with Atrium'}
          </p>
        </div>
        {sites.status === 'ready' && count > 0 && (
          <Link to="/sites/new" className="btn btn-primary btn-md">
            <svg viewBox="0 0 16 16" aria-hidden="true" className="btn-icon">
              <path d="M8 3v10M3 8h10" />
            </svg>
            <span>New site</span>
          </Link>
        )}
      </div>
      {sites.status === 'loading' && <SkeletonGrid />}
      {sites.status === 'error' && (
        <div className="stack narrow">
          <Alert title="Your sites could not be loaded">{sites.message}</Alert>
          <div>
            <Button variant="secondary" onClick={() => void load()}>
              Try again
            </Button>
          </div>
        </div>
      )}
      {sites.status === 'ready' && count === 0 && <EmptyState />}
      {sites.status === 'ready' && count > 0 && (
        <ul className="site-grid" aria-label="Your sites">
          {sites.data.map((s) => (
            <SiteCard
              key={s.id}
              site={s}
              thumb={s.preview ? thumbFromDocument(s.preview, s.name) : thumbs[s.id]}
              regionName={regions[s.region] ?? s.region}
              stats={visitors[s.id]}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
