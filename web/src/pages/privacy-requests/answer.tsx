// The deadline of a request and the three ways to answer it: extend (once,
// before the deadline, with reasons), complete (what was done) or refuse (the
// reasons; the mail names where to complain). Each mails the requester the
// text written here, and the step joins the timeline.
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage, type CloseOutcome, type PrivacyRequest } from '../../api';
import { ConfirmDialog } from '../../dialog';
import { formatDate, formatDateTime } from '../../format';
import { toast } from '../../toast';
import { Button, Field } from '../../ui';
import { Due } from './parts';
import { isActive, whyNoExtension } from './model';

export interface AnswerApi {
  extend(reason: string): Promise<PrivacyRequest>;
  close(outcome: CloseOutcome): Promise<PrivacyRequest>;
}

type Kind = 'extend' | 'complete' | 'refuse';

const MIN = 10;

function TextDialog({
  open,
  title,
  label,
  hint,
  confirmLabel,
  tone,
  field,
  intro,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  hint: ReactNode;
  confirmLabel: string;
  tone?: 'danger';
  field: string;
  intro: ReactNode;
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = async () => {
    if (text.trim().length < MIN) return setFieldError(`Write at least ${MIN} characters: the requester receives this text.`);
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch (e) {
      const issue = e instanceof ApiError ? e.issues.find((i) => i.path === field) : undefined;
      if (issue) setFieldError(issue.message);
      else setError(errorMessage(e, 'It could not be saved. Try again.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      tone={tone}
      busy={busy}
      error={error}
      onConfirm={() => void submit()}
      onClose={() => {
        setError(null);
        setFieldError(undefined);
        onClose();
      }}
    >
      {intro}
      <Field label={label} hint={hint} error={fieldError}>
        {(p) => (
          <textarea
            {...p}
            className="input rq-textarea"
            rows={6}
            value={text}
            maxLength={5000}
            onChange={(e) => {
              setText(e.target.value);
              setFieldError(undefined);
            }}
            autoFocus
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}

/** The deadline card and the answer actions, beside the request. */
export function AnswerPanel({ request, api, onChanged }: { request: PrivacyRequest; api: AnswerApi; onChanged: (r: PrivacyRequest) => void }) {
  const [dialog, setDialog] = useState<Kind | null>(null);
  const active = isActive(request);
  const noExtension = whyNoExtension(request);
  const done = (r: PrivacyRequest, message: string) => {
    setDialog(null);
    onChanged(r);
    toast(message);
  };

  return (
    <aside className="rq-side" aria-label="Deadline and answer">
      <section className="panel rq-card rq-deadline-card" aria-labelledby="rq-deadline-h">
        <h3 id="rq-deadline-h" className="rq-card-title">
          Deadline
        </h3>
        {request.dueAt ? (
          <>
            <p className="rq-big-date">{formatDate(request.dueAt)}</p>
            {active && (request.overdue || request.dueSoon) && <Due request={request} />}
            {active && !request.overdue && !request.dueSoon && request.daysLeft !== null && <p className="rq-note">{request.daysLeft} days left</p>}
          </>
        ) : (
          <p className="muted">Starts when the requester confirms their address.</p>
        )}
        <ul className="rq-deadline-facts">
          <li>{request.regimeName}</li>
          {request.acknowledgeBy && (
            <li>
              Receipt to be acknowledged by {formatDate(request.acknowledgeBy)}
              {request.acknowledgedAt ? `: done ${formatDateTime(request.acknowledgedAt)}` : ''}
            </li>
          )}
          {!request.acknowledgeBy && request.acknowledgedAt && <li>Receipt acknowledged {formatDateTime(request.acknowledgedAt)}</li>}
          {request.extendedAt && <li>Extended on {formatDate(request.extendedAt)}</li>}
          {request.closedAt && (
            <li>
              {request.status === 'refused' ? 'Refused' : 'Completed'} on {formatDate(request.closedAt)}
            </li>
          )}
        </ul>
      </section>

      <section className="panel rq-card" aria-labelledby="rq-answer-h">
        <h3 id="rq-answer-h" className="rq-card-title">
          Answer
        </h3>
        {active ? (
          <>
            <p className="rq-card-hint">The requester receives what you write here by mail, and it is kept in the timeline.</p>
            <div className="rq-answer-actions">
              <Button onClick={() => setDialog('complete')}>Complete…</Button>
              <Button variant="secondary" className="btn-danger-outline" onClick={() => setDialog('refuse')}>
                Refuse…
              </Button>
              <Button
                variant="secondary"
                onClick={() => setDialog('extend')}
                disabled={!!noExtension}
                aria-describedby={noExtension ? 'rq-no-extend' : undefined}
              >
                Extend the deadline…
              </Button>
            </div>
            {noExtension && (
              <p id="rq-no-extend" className="rq-note">
                {noExtension}
              </p>
            )}
          </>
        ) : (
          <p className="rq-card-hint">
            This request is answered; the mail that closed it is the last step of the timeline. A new request has to be filed again.
          </p>
        )}
      </section>

      <TextDialog
        open={dialog === 'extend'}
        title="Extend the deadline"
        label="Why more time is needed"
        hint="Mailed to the requester now, before the original deadline, as the law asks."
        confirmLabel="Extend and tell them"
        field="reason"
        intro={
          <p>
            Allowed once, when a request is complex or there are many. It adds {request.extensionPeriod} to the deadline ({request.regimeName}).
          </p>
        }
        onSubmit={async (reason) => done(await api.extend(reason), 'The deadline was extended and the requester told why.')}
        onClose={() => setDialog(null)}
      />
      <TextDialog
        open={dialog === 'complete'}
        title="Complete the request"
        label="What was done"
        hint="Mailed to the requester. For access or portability, also send them the downloaded data."
        confirmLabel="Complete and tell them"
        field="summary"
        intro={<p>Mark the request as answered once you have done what it asked.</p>}
        onSubmit={async (summary) => done(await api.close({ status: 'completed', summary }), 'The request is completed and the requester told.')}
        onClose={() => setDialog(null)}
      />
      <TextDialog
        open={dialog === 'refuse'}
        title="Refuse the request"
        label="Your reasons"
        hint="Mailed to the requester, who may ask you to reconsider."
        confirmLabel="Refuse and tell them"
        tone="danger"
        field="reasons"
        intro={
          <p>
            A refusal needs reasons the law accepts (for example, data you must keep, or a request you cannot verify). The mail adds that they may complain to{' '}
            {request.authority}.
          </p>
        }
        onSubmit={async (reasons) => done(await api.close({ status: 'refused', reasons }), 'The request is refused and the requester told why.')}
        onClose={() => setDialog(null)}
      />
    </aside>
  );
}
