// Pieces of the Consent screen: the chain check, the figures, the bars per
// category and a looked-up record.
import { sentence, type ConsentChainStatus, type ConsentRecordDetail, type ConsentStats } from '../../api';
import { formatDateTime } from '../../format';
import { Button } from '../../ui';

export const CATEGORY_NAME = { functional: 'Functional', analytics: 'Analytics', marketing: 'Marketing' } as const;
export const CATEGORY_HINT = {
  functional: 'Embedded videos, maps, calendars and forms that need it',
  analytics: 'Visit counting and statistics snippets',
  marketing: 'Advertising pixels and embeds that may follow visitors elsewhere',
} as const;

const pct = (n: number) => `${Math.round(n * 100)}%`;
const count = (n: number) => n.toLocaleString('en');

/** Whether the stored records still form an unbroken chain. */
export function ChainCheck({ chain, busy, onCheck }: { chain: ConsentChainStatus | null; busy: boolean; onCheck: () => void }) {
  const broken = chain && !chain.ok;
  return (
    <section className={`panel consent-chain${broken ? ' is-broken' : chain ? ' is-ok' : ''}`} aria-labelledby="chain-h">
      <span className="consent-chain-icon" aria-hidden="true">
        <svg viewBox="0 0 20 20">
          {broken ? <path d="M10 3v8M10 14.5v.5" /> : <path d="M10 2.2 16.2 4.6v4.6c0 3.7-2.6 6.8-6.2 8.1-3.6-1.3-6.2-4.4-6.2-8.1V4.6Zm-2.9 7.8 2 2 3.8-4" />}
        </svg>
      </span>
      <div className="consent-chain-text">
        <h2 id="chain-h" className="section-title section-title-tight">
          {!chain ? 'Checking the records…' : chain.ok ? 'Records intact' : 'The records were altered'}
        </h2>
        <p className="section-hint" role="status">
          {!chain
            ? 'Each record carries a hash of the one before it, so a change made later shows here.'
            : chain.ok
              ? chain.records === 0
                ? 'No records yet. Each record will carry a hash of the one before it, so a change made later shows here.'
                : `All ${count(chain.records)} ${chain.records === 1 ? 'record is' : 'records are'} as they were stored: each one’s hash matches its content and the record before it.`
              : `${sentence(chain.problem ?? 'a record does not match its hash')} ${count(chain.records)} records checked: export them now to keep a copy as they are.`}
        </p>
        {chain?.headHash && (
          <p className="consent-chain-head">
            Latest hash <code title={chain.headHash}>{chain.headHash.slice(0, 16)}…</code>
          </p>
        )}
      </div>
      <Button variant="secondary" size="sm" busy={busy} onClick={onCheck}>
        Check again
      </Button>
    </section>
  );
}

/** The three headline figures of the period. */
export function Figures({ stats }: { stats: ConsentStats }) {
  return (
    <dl className="consent-figures">
      <div className="consent-figure">
        <dt>Choices recorded</dt>
        <dd>{count(stats.total)}</dd>
      </div>
      <div className="consent-figure">
        <dt>Changed an earlier choice</dt>
        <dd>{count(stats.changes)}</dd>
      </div>
      <div className="consent-figure">
        <dt>Sent Global Privacy Control</dt>
        <dd>
          {stats.gpcShare === null ? '–' : pct(stats.gpcShare)}
          {stats.gpc > 0 && <span className="consent-figure-sub">{count(stats.gpc)} choices</span>}
        </dd>
      </div>
    </dl>
  );
}

/** Accepted against refused for each category the banner offered: a bar drawn for the eye, the numbers written for everyone. */
export function CategoryBars({ stats }: { stats: ConsentStats }) {
  return (
    <ul className="consent-bars">
      {stats.categories.map((c) => (
        <li key={c.category} className="consent-bar-row">
          <div className="consent-bar-head">
            <h3 className="consent-bar-name">{CATEGORY_NAME[c.category]}</h3>
            <p className="consent-bar-numbers">
              {c.acceptRate === null ? (
                'Not offered in this period'
              ) : (
                <>
                  <strong>{pct(c.acceptRate)} accepted</strong>
                  <span aria-hidden="true"> · </span>
                  <span>{pct(1 - c.acceptRate)} refused</span>
                  <span className="consent-bar-of">
                    {' '}
                    ({count(c.accepted)} of {count(c.offered)})
                  </span>
                </>
              )}
            </p>
          </div>
          <div className={`consent-bar${c.acceptRate === null ? ' is-empty' : ''}`} aria-hidden="true">
            {c.acceptRate !== null && (
              <>
                <span className="consent-bar-yes" style={{ width: `${c.acceptRate * 100}%` }} />
                <span className="consent-bar-no" style={{ width: `${(1 - c.acceptRate) * 100}%` }} />
              </>
            )}
          </div>
          <p className="consent-bar-hint">{CATEGORY_HINT[c.category]}</p>
        </li>
      ))}
    </ul>
  );
}

const languages = new Intl.DisplayNames('en', { type: 'language' });
/** "en" -> "English", "pt-BR" -> "Brazilian Portuguese". */
const languageName = (tag: string) => {
  try {
    return languages.of(tag) ?? tag;
  } catch {
    return tag;
  }
};

const PROVIDER_NAME: Record<string, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  'google-maps': 'Google Maps',
  calendly: 'Calendly',
  typeform: 'Typeform',
  loom: 'Loom',
  spotify: 'Spotify',
  iframe: 'Embedded pages',
};

/** One record, as proof: what the visitor chose, when, on which banner, and where it sits in the chain. */
export function RecordCard({ record, onOpen }: { record: ConsentRecordDetail; onOpen: (id: string) => void }) {
  const offered = record.banner.categories;
  return (
    <div className="consent-record">
      <dl className="consent-record-grid">
        <dt>Record</dt>
        <dd>
          <code>{record.id}</code>
          <span className="consent-record-seq">No. {record.seq} in the chain</span>
        </dd>
        <dt>Chosen</dt>
        <dd>
          <time dateTime={record.createdAt}>{formatDateTime(record.createdAt)}</time>
        </dd>
        <dt>Choices</dt>
        <dd>
          <ul className="consent-choices">
            <li className="consent-choice is-on">Necessary: always on</li>
            {offered.map((c) => (
              <li key={c} className={`consent-choice ${record.choices[c] ? 'is-on' : 'is-off'}`}>
                {CATEGORY_NAME[c]}: {record.choices[c] ? 'accepted' : 'refused'}
              </li>
            ))}
            {record.choices.providers.map((p) => (
              <li key={p} className="consent-choice is-on">
                Always allows {PROVIDER_NAME[p] ?? p}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Global Privacy Control</dt>
        <dd>{record.gpc ? 'Sent by the browser: marketing was refused without asking' : 'Not sent'}</dd>
        <dt>Banner shown</dt>
        <dd>
          {record.banner.mode === 'notice' ? 'Notice' : 'Choice of categories'} in {languageName(record.banner.lang)}, version{' '}
          <code title={record.bannerVersion}>{record.bannerVersion.slice(0, 12)}</code>
          <details className="consent-banner-text">
            <summary>The exact text</summary>
            <pre>{JSON.stringify(record.banner.strings, null, 2)}</pre>
          </details>
        </dd>
        {(record.replaces || record.replacedBy) && (
          <>
            <dt>Same visitor</dt>
            <dd className="consent-record-links">
              {record.replaces && (
                <button type="button" className="link-button" onClick={() => onOpen(record.replaces!)}>
                  Earlier choice
                </button>
              )}
              {record.replacedBy && (
                <button type="button" className="link-button" onClick={() => onOpen(record.replacedBy!)}>
                  Later choice
                </button>
              )}
            </dd>
          </>
        )}
        <dt>Hash</dt>
        <dd>
          <code className="consent-hash">{record.hash}</code>
        </dd>
      </dl>
    </div>
  );
}
