// Pieces shared by a site's Privacy requests screen and the operator console:
// the status badge, the deadline, the list of requests, the request itself and
// its timeline with the full text of every mail sent.
import type { PrivacyRequest, PrivacyRequestStep } from '../../api';
import { formatDate, formatDateTime } from '../../format';
import { Link } from '../../router';
import { actorName, dueOf, STATUS_NAMES, stepName, stepTone, TYPE_ASKS, TYPE_NAMES, whereFrom } from './model';

const STATUS_TONES: Record<PrivacyRequest['status'], string> = {
  unverified: 'neutral',
  open: 'neutral',
  extended: 'changes',
  completed: 'live',
  refused: 'failing',
};

export function RequestStatus({ request }: { request: PrivacyRequest }) {
  return (
    <span className={`badge badge-${STATUS_TONES[request.status]}`}>
      <span className="badge-dot" aria-hidden="true" />
      {STATUS_NAMES[request.status]}
    </span>
  );
}

/** The deadline: red when overdue, amber within a week, plain otherwise. */
export function Due({ request }: { request: PrivacyRequest }) {
  const due = dueOf(request);
  return (
    <span className={`rq-due is-${due.tone}`}>
      {(due.tone === 'overdue' || due.tone === 'soon') && (
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 4.5V8l2.2 1.4M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8Z" />
        </svg>
      )}
      <span>{due.label}</span>
      {due.date && (due.tone === 'overdue' || due.tone === 'soon') && <span className="rq-due-date">{formatDate(due.date)}</span>}
    </span>
  );
}

/** Requests as a table (cards on small screens); each row opens the request. */
export function RequestList({ requests, linkTo, caption }: { requests: PrivacyRequest[]; linkTo: (r: PrivacyRequest) => string; caption: string }) {
  return (
    <table className="rq-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Requester</th>
          <th scope="col">Received</th>
          <th scope="col">Deadline</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => {
          const due = dueOf(r);
          return (
            <tr key={r.id} className={`rq-row is-${due.tone}`}>
              <td className="rq-type">
                <Link to={linkTo(r)} className="rq-link">
                  {TYPE_NAMES[r.type]}
                  <span className="visually-hidden"> request from {r.name || r.email}</span>
                </Link>
              </td>
              <td className="rq-who">
                <span className="rq-name">{r.name || r.email}</span>
                {r.name && <span className="rq-email">{r.email}</span>}
              </td>
              <td className="rq-received" data-label="Received">
                {r.receivedAt ? <time dateTime={r.receivedAt}>{formatDate(r.receivedAt)}</time> : '—'}
              </td>
              <td className="rq-deadline" data-label="Deadline">
                <Due request={r} />
              </td>
              <td className="rq-status">
                <RequestStatus request={r} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Who asked, from where (which law's deadlines apply), when, and in their words. */
export function RequestSummary({ request }: { request: PrivacyRequest }) {
  return (
    <section className="panel rq-card" aria-labelledby="rq-summary-h">
      <h3 id="rq-summary-h" className="rq-card-title">
        The request
      </h3>
      <p className="rq-asks">{TYPE_ASKS[request.type]}</p>
      <dl className="rq-facts">
        <div>
          <dt>From</dt>
          <dd>
            {request.name && <span className="rq-fact-strong">{request.name}</span>}
            <a href={`mailto:${request.email}`}>{request.email}</a>
            <span className="rq-fact-note">Address confirmed by the requester</span>
          </dd>
        </div>
        <div>
          <dt>Lives in</dt>
          <dd>
            {whereFrom(request)}
            <span className="rq-fact-note">{request.regimeName}</span>
          </dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{request.receivedAt ? formatDateTime(request.receivedAt) : 'Not confirmed yet'}</dd>
        </div>
        <div>
          <dt>Reference</dt>
          <dd>
            <code className="rq-ref">{request.id}</code>
          </dd>
        </div>
      </dl>
      <h4 className="rq-subtitle">In their words</h4>
      <blockquote className="rq-details">{request.details}</blockquote>
    </section>
  );
}

function MailCard({ mail }: { mail: NonNullable<PrivacyRequestStep['mail']> }) {
  return (
    <details className="rq-mail">
      <summary>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 4h11v8h-11ZM2.8 4.3 8 8.5l5.2-4.2" />
        </svg>
        <span className="rq-mail-subject">{mail.subject}</span>
        <span className="rq-mail-to">to {mail.to}</span>
      </summary>
      <pre className="rq-mail-text">{mail.text}</pre>
    </details>
  );
}

/** Consecutive lookups of the data by the same person read as one step ("3 times"), at the latest time. */
function grouped(log: PrivacyRequestStep[]): { step: PrivacyRequestStep; times: number }[] {
  const out: { step: PrivacyRequestStep; times: number }[] = [];
  for (const step of log) {
    const last = out.at(-1);
    if (last && step.action === 'data_viewed' && last.step.action === 'data_viewed' && last.step.actorId === step.actorId)
      out[out.length - 1] = { step, times: last.times + 1 };
    else out.push({ step, times: 1 });
  }
  return out;
}

/** Every step, oldest first: who did what, when, and the mail it sent. */
export function Timeline({ log, me }: { log: PrivacyRequestStep[]; me: string | undefined }) {
  return (
    <section className="panel rq-card" aria-labelledby="rq-timeline-h">
      <h3 id="rq-timeline-h" className="rq-card-title">
        Timeline
      </h3>
      <p className="rq-card-hint">
        Every step is kept with the request, with the full text of each mail the requester received, as proof of how it was answered.
      </p>
      <ol className="rq-timeline">
        {grouped(log).map(({ step, times }, i) => (
          <li key={i} className={`rq-step is-${stepTone(step.action)}`}>
            <span className="rq-step-dot" aria-hidden="true" />
            <div className="rq-step-body">
              <p className="rq-step-head">
                <span className="rq-step-name">
                  {stepName(step.action)}
                  {times > 1 ? ` (${times} times)` : ''}
                </span>
                <span className="rq-step-meta">
                  {actorName(step, me)} · <time dateTime={step.at}>{formatDateTime(step.at)}</time>
                </span>
              </p>
              {step.note && <p className="rq-step-note">{step.note}</p>}
              {step.mail && <MailCard mail={step.mail} />}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
