// A table of top values for one of a few related dimensions (tabs), with a
// bar per row for the eye. Choosing a row filters the whole view by it; the
// table downloads as CSV with every row.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api';
import { Icon, ICONS } from '../inbox/parts';
import { count, DIMENSION_NAMES, percent, type BreakdownRow, type Dimension, type Filters } from './model';
import type { AnalyticsSource } from './source';

export interface Column {
  name: string;
  value: (row: BreakdownRow) => string;
}

export interface Tab {
  dimension: Dimension;
  label: string;
  /** The columns after Visitors. */
  columns: Column[];
  /** How a row reads, when not the API's label. */
  rowLabel?: (row: BreakdownRow) => string;
  /** Leave out the row of visits without a value (no campaign tag, say). */
  hideUnknown?: boolean;
  /** Said instead of an empty table when nothing is there. */
  empty?: ReactNode;
}

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; rows: BreakdownRow[]; limit: number; dimension: Dimension };

const PAGE = 10;

export function BreakdownCard({
  title,
  tabs,
  source,
  query,
  filters,
  onFilter,
  footnote,
  wide,
}: {
  title: string;
  tabs: Tab[];
  source: AnalyticsSource;
  query: Record<string, string>;
  filters: Filters;
  onFilter: (d: Dimension, value: string) => void;
  footnote?: ReactNode;
  wide?: boolean;
}) {
  const [active, setActive] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [pending, setPending] = useState(true);
  const id = useId();
  const tab = tabs[active]!;
  const key = JSON.stringify(query);
  const request = useRef(0);

  useEffect(() => setLimit(PAGE), [key, active]);
  useEffect(() => {
    const mine = ++request.current;
    // Another view of the same table keeps its rows (dimmed) until the new ones come; another table starts afresh.
    setLoad((l) => (l.status === 'ready' && l.dimension === tab.dimension ? l : { status: 'loading' }));
    setPending(true);
    source
      .breakdown(query, tab.dimension, limit)
      .then(
        (rows) => mine === request.current && setLoad({ status: 'ready', rows, limit, dimension: tab.dimension }),
        (e: unknown) => mine === request.current && setLoad({ status: 'error', message: errorMessage(e, 'These figures could not be loaded.') }),
      )
      .finally(() => mine === request.current && setPending(false));
  }, [source, key, tab.dimension, limit]); // query is read through its key

  // Rows of another table (the tab just changed, its effect not run yet) are never shown under this tab's heading.
  const shown: Load = load.status === 'ready' && load.dimension !== tab.dimension ? { status: 'loading' } : load;
  const rows = shown.status === 'ready' ? shown.rows.filter((r) => !(tab.hideUnknown && r.value === '')) : [];
  const top = Math.max(1, ...rows.map((r) => r.visitors));
  const busy = pending && shown.status === 'ready';
  const exportUrl = source.exportUrl?.(query, tab.dimension);

  return (
    <section className={`an-card${wide ? ' is-wide' : ''}`} aria-labelledby={`${id}-h`} data-card={title}>
      <div className="an-card-head">
        <h2 id={`${id}-h`} className="an-card-title">
          {title}
        </h2>
        {tabs.length > 1 && (
          <div className="an-tabs" role="group" aria-label={`${title}: show`}>
            {tabs.map((t, i) => (
              <button key={t.dimension} type="button" className="an-tab" aria-pressed={i === active} onClick={() => setActive(i)}>
                {t.label}
              </button>
            ))}
          </div>
        )}
      </div>
      {shown.status === 'error' ? (
        <p className="an-card-error" role="alert">
          {shown.message}
        </p>
      ) : shown.status === 'loading' ? (
        <div className="an-card-loading" aria-busy="true">
          <span className="skeleton-line w60" />
          <span className="skeleton-line w40" />
          <span className="skeleton-line w60" />
          <span className="visually-hidden" role="status">
            Loading {tab.label.toLowerCase()}…
          </span>
        </div>
      ) : rows.length === 0 ? (
        <p className="an-card-empty">{tab.empty ?? 'Nothing in this period.'}</p>
      ) : (
        <table className="an-table" aria-busy={busy || undefined} data-dimension={tab.dimension}>
          <caption className="visually-hidden">{tab.label}: choose a row to filter the whole view by it</caption>
          <thead>
            <tr>
              <th scope="col">{DIMENSION_NAMES[tab.dimension]}</th>
              <th scope="col" className="an-num">
                Visitors
              </th>
              {tab.columns.map((c) => (
                <th key={c.name} scope="col" className="an-num">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = tab.rowLabel?.(r) ?? r.label;
              const on = filters[tab.dimension] === r.value;
              return (
                <tr key={r.value} className={on ? 'is-filtered' : undefined}>
                  <th scope="row" className="an-row-name">
                    <span className="an-bar" style={{ width: `${(r.visitors / top) * 100}%` }} aria-hidden="true" />
                    <button
                      type="button"
                      className="an-row-button"
                      onClick={() => onFilter(tab.dimension, r.value)}
                      aria-pressed={on}
                      title={`Filter by ${DIMENSION_NAMES[tab.dimension].toLowerCase()}: ${label}`}
                    >
                      {label}
                    </button>
                  </th>
                  <td className="an-num">{count(r.visitors)}</td>
                  {tab.columns.map((c) => (
                    <td key={c.name} className="an-num">
                      {c.value(r)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="an-card-foot">
        {shown.status === 'ready' && shown.rows.length === limit && limit < 100 && (
          <button type="button" className="link-button" onClick={() => setLimit(100)}>
            Show more<span className="visually-hidden"> {tab.label.toLowerCase()}</span>
          </button>
        )}
        {footnote && <span className="an-card-note">{footnote}</span>}
        {exportUrl && shown.status === 'ready' && rows.length > 0 && (
          <a className="an-export" href={exportUrl} download>
            <Icon d={ICONS.download} />
            CSV<span className="visually-hidden"> of {tab.label.toLowerCase()}</span>
          </a>
        )}
      </div>
    </section>
  );
}

/** Second columns the cards use. */
export const COLUMNS = {
  pageviews: { name: 'Pageviews', value: (r) => count(r.pageviews) },
  entrances: { name: 'Entrances', value: (r) => count(r.visits) },
  exits: { name: 'Exits', value: (r) => count(r.visits) },
  visits: { name: 'Visits', value: (r) => count(r.visits) },
  conversions: { name: 'Total', value: (r) => count(r.events) },
} satisfies Record<string, Column>;

/** The share of the period's visitors a row has. */
export const shareOf = (total: number): Column => ({ name: 'Share', value: (r) => (total ? percent(r.visitors / total) : '–') });
