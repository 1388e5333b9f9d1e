// The view's controls: the period (today, 7 days, 30 days, 12 months or a
// custom range of days) and the filters in force, each a chip that removes it.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../ui';
import { DIMENSION_NAMES, DIMENSIONS, PERIODS, valueLabel, type Dimension, type Filters, type Period, type ViewQuery } from './model';

export function PeriodPicker({ view, today, onChange }: { view: ViewQuery; today: string; onChange: (v: Partial<ViewQuery>) => void }) {
  const [custom, setCustom] = useState(view.period === 'custom');
  const [from, setFrom] = useState(view.from ?? '');
  const [to, setTo] = useState(view.to ?? today);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    setCustom(view.period === 'custom');
    if (view.from) setFrom(view.from);
    if (view.to) setTo(view.to);
  }, [view.period, view.from, view.to]);

  const pick = (p: Period) => {
    setError(null);
    if (p === 'custom') return setCustom(true);
    setCustom(false);
    onChange({ period: p, from: undefined, to: undefined, date: undefined });
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to) return setError('Choose a first and a last day.');
    if (from > to) return setError('The first day must not come after the last.');
    setError(null);
    onChange({ period: 'custom', from, to, date: undefined });
  };

  return (
    <div className="an-period">
      <div className="an-segments" role="group" aria-label="Period">
        {PERIODS.map(([p, label]) => (
          <button key={p} type="button" className="an-segment" aria-pressed={p === 'custom' ? custom : !custom && view.period === p} onClick={() => pick(p)}>
            {label}
          </button>
        ))}
      </div>
      {custom && (
        <form className="an-custom" onSubmit={apply} noValidate aria-label="Custom range">
          <label className="an-date">
            <span>From</span>
            <input
              className="input"
              type="date"
              value={from}
              max={today}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={!!error || undefined}
              aria-describedby={error ? `${id}-e` : undefined}
            />
          </label>
          <label className="an-date">
            <span>To</span>
            <input className="input" type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} aria-invalid={!!error || undefined} />
          </label>
          <Button type="submit" variant="secondary" size="sm">
            Apply
          </Button>
          {error && (
            <p id={`${id}-e`} className="field-error an-custom-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

export function FilterChips({ filters, onRemove, onClear }: { filters: Filters; onRemove: (d: Dimension) => void; onClear: () => void }) {
  const set = DIMENSIONS.filter((d) => filters[d] !== undefined);
  if (!set.length) return null;
  return (
    <div className="an-filters" role="group" aria-label="Filters">
      <span className="an-filters-label">Filtered by</span>
      <ul>
        {set.map((d) => (
          <li key={d} className="an-chip">
            <span>
              {DIMENSION_NAMES[d]} <span className="an-chip-is">is</span> <strong>{valueLabel(d, filters[d]!)}</strong>
            </span>
            <button
              type="button"
              className="an-chip-remove"
              onClick={() => onRemove(d)}
              aria-label={`Remove the filter ${DIMENSION_NAMES[d]} is ${valueLabel(d, filters[d]!)}`}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m4.5 4.5 7 7M11.5 4.5l-7 7" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      {set.length > 1 && (
        <button type="button" className="link-button an-clear" onClick={onClear}>
          Clear all
        </button>
      )}
    </div>
  );
}
