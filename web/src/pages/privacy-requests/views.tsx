// The two views of privacy requests, for whoever answers them (a site's team,
// or platform staff in the operator console): the list, waiting ones first by
// due date, and one request with its deadline, answer actions and timeline.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError, errorMessage, type PrivacyRequest, type PrivacyRequestStep } from '../../api';
import { Link } from '../../router';
import { useSession } from '../../session';
import { LoadFailed, Spinner } from '../../ui';
import { Icon, ICONS } from '../inbox/parts';
import { AnswerPanel, type AnswerApi } from './answer';
import { isActive, TYPE_NAMES } from './model';
import { RequestList, RequestStatus, RequestSummary, Timeline } from './parts';

type Load<T> = { status: 'loading' } | { status: 'error'; message: string; notFound?: boolean } | { status: 'ready'; data: T };

const FILTERS = [
  ['waiting', 'Waiting for an answer'],
  ['answered', 'Answered'],
] as const;
type Filter = (typeof FILTERS)[number][0];

export function RequestsView({
  load,
  linkTo,
  empty,
  caption,
}: {
  load: () => Promise<PrivacyRequest[]>;
  linkTo: (r: PrivacyRequest) => string;
  empty: ReactNode;
  caption: string;
}) {
  const [state, setState] = useState<Load<PrivacyRequest[]>>({ status: 'loading' });
  const [filter, setFilter] = useState<Filter>('waiting');
  const fetch = useCallback(async () => {
    try {
      setState({ status: 'ready', data: await load() });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e, 'The requests could not be loaded.') });
    }
  }, [load]);
  useEffect(() => {
    void fetch();
  }, [fetch]);

  if (state.status === 'loading')
    return (
      <div className="center-status">
        <Spinner label="Loading privacy requests" />
      </div>
    );
  if (state.status === 'error') return <LoadFailed title="The requests could not be loaded" message={state.message} onRetry={fetch} narrow />;
  const all = state.data;
  if (all.length === 0) return <div className="rq-empty-state">{empty}</div>;
  const waiting = all.filter(isActive);
  const shown = filter === 'waiting' ? waiting : all.filter((r) => !isActive(r));
  const overdue = waiting.filter((r) => r.overdue).length;
  return (
    <>
      <div className="rq-toolbar">
        <div className="rq-filters" role="group" aria-label="Show">
          {FILTERS.map(([value, label]) => (
            <button key={value} type="button" className="consent-period" aria-pressed={filter === value} onClick={() => setFilter(value)}>
              {label}
              <span className="rq-filter-count">{value === 'waiting' ? waiting.length : all.length - waiting.length}</span>
            </button>
          ))}
        </div>
        {overdue > 0 && (
          <p className="rq-overdue-note">
            {overdue} overdue: answer {overdue === 1 ? 'it' : 'them'} first
          </p>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="rq-empty">{filter === 'waiting' ? 'Every request is answered. Nothing is waiting.' : 'No request has been answered yet.'}</p>
      ) : (
        <RequestList requests={shown} linkTo={linkTo} caption={caption} />
      )}
    </>
  );
}

export interface Detail {
  request: PrivacyRequest;
  log: PrivacyRequestStep[];
}

export function RequestDetailView({
  load,
  answer,
  back,
  onAnswered,
  children,
}: {
  load: () => Promise<Detail>;
  answer: AnswerApi;
  back: { to: string; label: string };
  onAnswered?: () => void;
  /** Extra sections under the request (a site's visitor data), with a way to reload the timeline. */
  children?: (request: PrivacyRequest, reload: () => void) => ReactNode;
}) {
  const { state: session } = useSession();
  const me = session.status === 'ready' ? session.subscriber.id : undefined;
  const [state, setState] = useState<Load<Detail>>({ status: 'loading' });
  const fetch = useCallback(async () => {
    try {
      setState({ status: 'ready', data: await load() });
    } catch (e) {
      setState((prev) =>
        prev.status === 'ready'
          ? prev
          : { status: 'error', message: errorMessage(e, 'The request could not be loaded.'), notFound: e instanceof ApiError && e.status === 404 },
      );
    }
  }, [load]);
  useEffect(() => {
    void fetch();
  }, [fetch]);

  const backLink = (
    <Link to={back.to} className="rq-back">
      <Icon d={ICONS.back} />
      {back.label}
    </Link>
  );
  if (state.status === 'loading')
    return (
      <>
        {backLink}
        <div className="center-status">
          <Spinner label="Loading the request" />
        </div>
      </>
    );
  if (state.status === 'error')
    return (
      <>
        {backLink}
        <LoadFailed
          title={state.notFound ? 'No such request' : 'The request could not be loaded'}
          message={state.notFound ? 'It does not exist here, or was filed but never confirmed by its requester.' : state.message}
          onRetry={fetch}
          narrow
        />
      </>
    );
  const { request, log } = state.data;
  return (
    <div className="rq-detail">
      {backLink}
      <div className="rq-detail-head">
        <h2 className="rq-detail-title">{TYPE_NAMES[request.type]} request</h2>
        <RequestStatus request={request} />
        <span className="rq-detail-from">from {request.name || request.email}</span>
      </div>
      <div className="rq-detail-grid">
        <div className="rq-main">
          <RequestSummary request={request} />
          {children?.(request, () => void fetch())}
          <Timeline log={log} me={me} />
        </div>
        <AnswerPanel
          request={request}
          api={answer}
          onChanged={() => {
            void fetch();
            onAnswered?.();
          }}
        />
      </div>
    </div>
  );
}
