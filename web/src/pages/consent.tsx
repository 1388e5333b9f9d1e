// Consent: what visitors of the published site chose in its cookie banner.
// Accept and reject rates per category over a period, the share that came
// with Global Privacy Control, whether the chain of records is intact, a
// lookup of one record by the id a visitor reads on the site's cookie
// settings page, and exports of every record as proof.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ok, errorMessage, ApiError, type ConsentChainStatus, type ConsentRecordDetail, type ConsentStats } from '../api';
import { Alert, Button, LoadFailed } from '../ui';
import { Icon, ICONS } from './inbox/parts';
import { CategoryBars, ChainCheck, Figures, RecordCard } from './consent/parts';
import { SiteFrame, type SiteContext } from './site-frame';

const PERIODS = [
  ['7', '7 days'],
  ['30', '30 days'],
  ['90', '90 days'],
  ['all', 'All time'],
] as const;
type Period = (typeof PERIODS)[number][0];

type StatsLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; stats: ConsentStats };
type Lookup = { status: 'idle' } | { status: 'busy' } | { status: 'error'; message: string } | { status: 'ready'; record: ConsentRecordDetail };

const DAY = 86_400_000;

function Consent({ site }: SiteContext) {
  const [period, setPeriod] = useState<Period>('30');
  const [stats, setStats] = useState<StatsLoad>({ status: 'loading' });
  const [chain, setChain] = useState<ConsentChainStatus | null>(null);
  const [chainBusy, setChainBusy] = useState(false);
  const [chainError, setChainError] = useState<string | null>(null);
  const [recordId, setRecordId] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const request = useRef(0);
  const path = { siteId: site.id };

  const loadStats = useCallback(async () => {
    const mine = ++request.current;
    setStats({ status: 'loading' });
    const query = period === 'all' ? {} : { from: new Date(Date.now() - Number(period) * DAY).toISOString() };
    try {
      const s = await ok(api.GET('/api/sites/{siteId}/consent/stats', { params: { path: { siteId: site.id }, query } }));
      if (mine === request.current) setStats({ status: 'ready', stats: s });
    } catch (e) {
      if (mine === request.current) setStats({ status: 'error', message: errorMessage(e, 'The statistics could not be loaded.') });
    }
  }, [site.id, period]);

  const check = useCallback(async () => {
    setChainBusy(true);
    setChainError(null);
    try {
      setChain(await ok(api.GET('/api/sites/{siteId}/consent/verify', { params: { path: { siteId: site.id } } })));
    } catch (e) {
      setChainError(errorMessage(e, 'The records could not be checked.'));
    } finally {
      setChainBusy(false);
    }
  }, [site.id]);

  useEffect(() => {
    void loadStats();
  }, [loadStats]);
  useEffect(() => {
    void check();
  }, [check]);

  const open = async (id: string) => {
    const trimmed = id.trim();
    setRecordId(trimmed);
    if (!trimmed) return setLookup({ status: 'error', message: 'Enter a record id, like cr_… (the visitor finds it on the site’s cookie settings page).' });
    setLookup({ status: 'busy' });
    try {
      const record = await ok(api.GET('/api/sites/{siteId}/consent/records/{recordId}', { params: { path: { ...path, recordId: trimmed } } }));
      setLookup({ status: 'ready', record });
    } catch (e) {
      setLookup({
        status: 'error',
        message:
          e instanceof ApiError && e.status === 404
            ? 'No record of this site has this id. Check it was copied whole.'
            : errorMessage(e, 'The record could not be loaded.'),
      });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void open(recordId);
  };

  const exportUrl = (format: 'csv' | 'json') => `/api/sites/${site.id}/consent/export?format=${format}`;
  const empty = chain?.records === 0;

  return (
    <div className="consent-page">
      <ChainCheck chain={chain} busy={chainBusy} onCheck={() => void check()} />
      {chainError && (
        <div className="section-alert">
          <Alert title="The records could not be checked">{chainError}</Alert>
        </div>
      )}

      <section className="consent-section" aria-labelledby="rates-h">
        <div className="consent-section-head">
          <div>
            <h2 id="rates-h" className="section-title section-title-tight">
              Choices per category
            </h2>
            <p className="section-hint">What visitors answered where the banner offered each category.</p>
          </div>
          <div className="consent-periods" role="group" aria-label="Period: choices made in the last">
            {PERIODS.map(([value, label]) => (
              <button key={value} type="button" className="consent-period" aria-pressed={period === value} onClick={() => setPeriod(value)}>
                {label}
              </button>
            ))}
          </div>
        </div>
        {stats.status === 'loading' && (
          <div className="panel consent-stats" aria-busy="true">
            <p className="visually-hidden" role="status">
              Loading statistics…
            </p>
            <span className="skeleton-line w40" />
            <span className="skeleton-line w60" />
            <span className="skeleton-line w60" />
          </div>
        )}
        {stats.status === 'error' && <LoadFailed title="The statistics could not be loaded" message={stats.message} onRetry={loadStats} narrow />}
        {stats.status === 'ready' && (
          <div className="panel consent-stats">
            <Figures stats={stats.stats} />
            {stats.stats.total === 0 ? (
              <p className="consent-none">
                {empty
                  ? 'No visitor has answered the banner yet. Choices appear here once the site shows a banner (it does when the site has embeds or custom code that need consent) and visitors answer it.'
                  : 'No choices in this period.'}
              </p>
            ) : (
              <CategoryBars stats={stats.stats} />
            )}
          </div>
        )}
      </section>

      <div className="consent-columns">
        <section className="consent-section" aria-labelledby="lookup-h">
          <h2 id="lookup-h" className="section-title section-title-tight">
            Look up a record
          </h2>
          <p className="section-hint">Visitors find the id of their latest choice on the site’s cookie settings page.</p>
          <form className="consent-lookup" onSubmit={submit}>
            <label htmlFor="record-id" className="visually-hidden">
              Record id
            </label>
            <input
              id="record-id"
              className="input"
              value={recordId}
              onChange={(e) => setRecordId(e.target.value)}
              placeholder="cr_…"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={lookup.status === 'error' || undefined}
              aria-describedby={lookup.status === 'error' ? 'record-error' : undefined}
            />
            <Button type="submit" variant="secondary" busy={lookup.status === 'busy'}>
              Look up
            </Button>
          </form>
          {lookup.status === 'error' && (
            <p id="record-error" className="field-error consent-lookup-error" role="alert">
              {lookup.message}
            </p>
          )}
          {lookup.status === 'ready' && <RecordCard record={lookup.record} onOpen={(id) => void open(id)} />}
        </section>

        <section className="consent-section" aria-labelledby="export-h">
          <h2 id="export-h" className="section-title section-title-tight">
            Export as proof
          </h2>
          <p className="section-hint">Every record with its hashes, the exact banner texts visitors answered and the result of the chain check.</p>
          <div className="consent-export">
            <a className="btn btn-secondary btn-md" href={exportUrl('csv')} download>
              <Icon d={ICONS.download} />
              <span>
                Export CSV<span className="visually-hidden"> of every consent record</span>
              </span>
            </a>
            <a className="btn btn-secondary btn-md" href={exportUrl('json')} download>
              <Icon d={ICONS.download} />
              <span>
                Export JSON<span className="visually-hidden"> of every consent record</span>
              </span>
            </a>
          </div>
          <p className="consent-footnote">
            Records hold no IP address, user agent or anything else that identifies a visitor, and they stay in this site’s data region.
          </p>
        </section>
      </div>
    </div>
  );
}

export function ConsentPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} tab="consent" title="Consent">
      {(ctx) => <Consent {...ctx} />}
    </SiteFrame>
  );
}
