// The period's headline figures, each against the period before; choosing one
// shows its time series in the chart.
import { change, METRICS, type Figures, type Metric } from './model';

/** Figures that are an average over visits: none without visits. */
const averaged = (m: Metric) => m === 'bounceRate' || m === 'visitDuration';

export function FigureCards({
  summary,
  previous,
  selected,
  onSelect,
  compareLabel,
}: {
  summary: Figures;
  previous: Figures | null;
  selected: Metric;
  onSelect: (m: Metric) => void;
  compareLabel: string;
}) {
  return (
    <ul className="an-figures" aria-label="Figures of the period">
      {METRICS.map((m) => {
        const c = change(m.key, summary[m.key], previous?.[m.key], previous?.visits);
        const noVisitsBefore = previous?.visits === 0 && averaged(m.key);
        return (
          <li key={m.key}>
            <button type="button" className="an-figure" aria-pressed={selected === m.key} onClick={() => onSelect(m.key)} data-metric={m.key}>
              <span className="an-figure-name">{m.name}</span>
              <span className="an-figure-value">{summary.visits === 0 && averaged(m.key) ? '–' : m.format(summary[m.key])}</span>
              <span className="an-figure-change">
                {c ? (
                  <>
                    <span className={`an-delta${c.good === null ? '' : c.good ? ' is-good' : ' is-bad'}`}>{c.text}</span>
                    <span className="an-figure-was">
                      {' '}
                      vs {m.format(previous![m.key])}
                      <span className="visually-hidden"> in the {compareLabel}</span>
                    </span>
                  </>
                ) : (
                  <span className="an-figure-was">
                    {noVisitsBefore ? (
                      <>
                        No visits before<span className="visually-hidden"> in the {compareLabel}</span>
                      </>
                    ) : previous ? (
                      `vs ${m.format(previous[m.key])}`
                    ) : (
                      'No comparison'
                    )}
                  </span>
                )}
              </span>
              <span className="visually-hidden">{selected === m.key ? ' (shown in the chart)' : ' (show in the chart)'}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
