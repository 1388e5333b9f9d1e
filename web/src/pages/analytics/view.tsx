// The figures of a site for a period, as the Analytics tab and a public share
// link show them: the period and filters, the headline figures against the
// period before, the chart, realtime visitors, and the tables. Everything
// follows the view in the address; choosing a table row adds a filter.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api';
import { LoadFailed } from '../../ui';
import { BreakdownCard, COLUMNS, shareOf, type Tab } from './breakdown';
import { TimeChart } from './chart';
import { FilterChips, PeriodPicker } from './controls';
import { FigureCards } from './figures';
import {
  bucketLabel,
  count,
  languageLabel,
  METRICS,
  PERIODS,
  queryParams,
  rangeLabel,
  type Dimension,
  type Metric,
  type Overview,
  type ViewQuery,
} from './model';
import type { AnalyticsSource } from './source';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; overview: Overview };

const REALTIME_EVERY_MS = 30_000;

function compareLabel(v: ViewQuery, o: Overview): string {
  if (v.period === 'day') return 'previous day';
  if (v.period === '7d') return 'previous 7 days';
  if (v.period === '30d') return 'previous 30 days';
  if (v.period === '12mo') return 'previous 12 months';
  return `${o.series.length} ${o.range.interval}${o.series.length === 1 ? '' : 's'} before`;
}

export function AnalyticsView({
  source,
  view,
  onView,
  beaconOn,
  beaconHint,
  notice,
  after,
}: {
  source: AnalyticsSource;
  view: ViewQuery;
  onView: (v: ViewQuery) => void;
  /** Whether the site loads the beacon (screen sizes and most goals need it); unknown on a share link. */
  beaconOn?: boolean;
  /** Where to turn the beacon on, said where its figures are missing. */
  beaconHint?: ReactNode;
  /** Said above the figures (a site not published yet). */
  notice?: ReactNode;
  after?: ReactNode;
}) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [pending, setPending] = useState(false);
  const [metric, setMetric] = useState<Metric>('visitors');
  const [live, setLive] = useState<number | null>(null);
  const query = useMemo(() => queryParams(view), [view]);
  const key = JSON.stringify(query);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    setPending(true);
    try {
      const overview = await source.overview(query);
      if (mine !== request.current) return;
      setLoad({ status: 'ready', overview });
      setLive(overview.realtime);
    } catch (e) {
      if (mine === request.current) setLoad({ status: 'error', message: errorMessage(e, 'The figures could not be loaded.') });
    } finally {
      if (mine === request.current) setPending(false);
    }
  }, [source, key]); // query is read through its key

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!source.realtime) return;
    const poll = window.setInterval(() => {
      if (document.visibilityState === 'visible') source.realtime!().then(setLive, () => undefined);
    }, REALTIME_EVERY_MS);
    return () => window.clearInterval(poll);
  }, [source]);

  const overview = load.status === 'ready' ? load.overview : null;
  const series = useMemo(() => overview?.series.map((p) => ({ period: p.period, value: p[metric] })) ?? [], [overview, metric]);
  const previous = useMemo(() => overview?.previousSeries?.map((p) => ({ period: p.period, value: p[metric] })) ?? null, [overview, metric]);

  const set = (change: Partial<ViewQuery>) => onView({ ...view, ...change });
  const filter = (d: Dimension, value: string) => set({ filters: { ...view.filters, [d]: value } });
  const unfilter = (d: Dimension) => {
    const rest = { ...view.filters };
    delete rest[d];
    set({ filters: rest });
  };

  const today = overview?.range.to && view.period !== 'custom' ? overview.range.to : new Date().toISOString().slice(0, 10);
  const visitors = overview?.summary.visitors ?? 0;
  const share = shareOf(visitors);
  const noBeacon = beaconOn === false ? beaconHint : undefined;
  const cards: { title: string; tabs: Tab[]; footnote?: ReactNode; wide?: boolean }[] = [
    {
      title: 'Pages',
      tabs: [
        { dimension: 'page', label: 'Top pages', columns: [COLUMNS.pageviews] },
        { dimension: 'entry', label: 'Entry pages', columns: [COLUMNS.entrances] },
        { dimension: 'exit', label: 'Exit pages', columns: [COLUMNS.exits] },
      ],
    },
    {
      title: 'Sources',
      tabs: [
        { dimension: 'source', label: 'Sources', columns: [share] },
        { dimension: 'referrer', label: 'Referrers', columns: [share] },
      ],
    },
    {
      title: 'Campaigns',
      tabs: (
        [
          ['utm_campaign', 'Campaign'],
          ['utm_source', 'Source'],
          ['utm_medium', 'Medium'],
          ['utm_content', 'Content'],
          ['utm_term', 'Term'],
        ] as const
      ).map(([dimension, label]) => ({
        dimension,
        label,
        columns: [share],
        hideUnknown: true,
        empty: `No visits with a ${dimension} tag in this period.`,
      })),
    },
    {
      title: 'Locations',
      tabs: [
        { dimension: 'country', label: 'Countries', columns: [share] },
        { dimension: 'region', label: 'Regions', columns: [share] },
        { dimension: 'city', label: 'Cities', columns: [share] },
      ],
      footnote: overview && (
        <a href={overview.geoCredit.url} target="_blank" rel="noopener noreferrer">
          {overview.geoCredit.text}
        </a>
      ),
    },
    {
      title: 'Devices',
      tabs: [
        { dimension: 'device', label: 'Devices', columns: [share] },
        { dimension: 'browser', label: 'Browsers', columns: [share] },
        { dimension: 'os', label: 'Systems', columns: [share] },
        { dimension: 'screen', label: 'Screens', columns: [share], empty: noBeacon ?? 'No screen sizes in this period.' },
      ],
    },
    {
      title: 'Languages',
      tabs: [
        { dimension: 'language', label: 'Languages', columns: [share], rowLabel: (r) => languageLabel(r.value) },
        { dimension: 'returning', label: 'New or returning', columns: [share] },
      ],
    },
    {
      title: 'Goals',
      wide: true,
      tabs: [
        {
          dimension: 'goal',
          label: 'Goals',
          columns: [COLUMNS.conversions, { name: 'Rate', value: (r) => (visitors ? `${((r.visitors / visitors) * 100).toFixed(1)}%` : '–') }],
          empty: (
            <>
              No goals reached in this period. Every form sent on the site counts as one on its own
              {beaconOn === false ? '. ' : '; so do outbound links, file downloads and custom events. '}
              {noBeacon}
            </>
          ),
        },
      ],
    },
  ];

  if (load.status === 'error' && !overview) return <LoadFailed title="The figures could not be loaded" message={load.message} onRetry={reload} />;

  const m = METRICS.find((x) => x.key === metric)!;
  const periodName = PERIODS.find(([p]) => p === view.period)![1];
  return (
    <div className="an-page">
      <div className="an-toolbar">
        <PeriodPicker view={view} today={today} onChange={set} />
        <p className="an-live" role="status" aria-live="polite">
          <span className={`an-live-dot${live ? ' is-on' : ''}`} aria-hidden="true" />
          <strong>{live === null ? '–' : count(live)}</strong> {live === 1 ? 'visitor' : 'visitors'} in the last 5 minutes
        </p>
      </div>
      {notice}
      <FilterChips filters={view.filters} onRemove={unfilter} onClear={() => set({ filters: {} })} />
      {load.status === 'error' && (
        <div className="an-error">
          <LoadFailed title="These figures could not be loaded" message={load.message} onRetry={reload} />
        </div>
      )}
      <section className="panel an-summary" aria-labelledby="an-summary-h" aria-busy={pending || undefined}>
        <h2 id="an-summary-h" className="visually-hidden">
          Summary
        </h2>
        {overview ? (
          <>
            <FigureCards
              summary={overview.summary}
              previous={overview.previous}
              selected={metric}
              onSelect={setMetric}
              compareLabel={compareLabel(view, overview)}
            />
            <div className="an-chart-head">
              <p className="an-chart-title">
                <strong>{m.name}</strong> per {overview.range.interval} · {rangeLabel(overview.range.from, overview.range.to)}
                <span className="an-utc"> (UTC)</span>
              </p>
              <ul className="an-legend" aria-hidden="true">
                <li className="an-legend-now">{view.period === 'custom' ? 'This range' : periodName}</li>
                {overview.previousSeries && <li className="an-legend-prev">{compareLabel(view, overview).replace(/^./, (c) => c.toUpperCase())}</li>}
              </ul>
            </div>
            <TimeChart metric={metric} current={series} previous={previous} />
            <details className="an-series">
              <summary>The chart’s figures as a table</summary>
              <table className="an-table an-series-table">
                <thead>
                  <tr>
                    <th scope="col">{overview.range.interval === 'hour' ? 'Hour' : overview.range.interval === 'day' ? 'Day' : 'Month'}</th>
                    <th scope="col" className="an-num">
                      {m.name}
                    </th>
                    {previous && (
                      <th scope="col" className="an-num">
                        Before
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {series.map((p, i) => (
                    <tr key={p.period}>
                      <th scope="row">{bucketLabel(p.period)}</th>
                      <td className="an-num">{m.format(p.value)}</td>
                      {previous && <td className="an-num">{previous[i] ? m.format(previous[i]!.value) : '–'}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        ) : (
          <div className="an-summary-loading" aria-busy="true">
            <span className="visually-hidden" role="status">
              Loading the figures…
            </span>
            <div className="an-figures-skeleton">
              {METRICS.map((x) => (
                <span key={x.key} className="skeleton-line" />
              ))}
            </div>
            <div className="an-chart-skeleton" />
          </div>
        )}
      </section>
      <div className="an-grid">
        {cards.map((c) => (
          <BreakdownCard key={c.title} {...c} source={source} query={query} filters={view.filters} onFilter={filter} />
        ))}
      </div>
      {overview && (
        <p className="an-footnote">
          Not counted in this period: {count(overview.notCounted.bots)} {overview.notCounted.bots === 1 ? 'request' : 'requests'} from bots and crawlers,{' '}
          {count(overview.notCounted.refused)} page {overview.notCounted.refused === 1 ? 'request' : 'requests'} from visitors who refused analytics. Days are
          UTC days; over several days, visitors are the sum of each day’s unique visitors.
        </p>
      )}
      {after}
    </div>
  );
}
