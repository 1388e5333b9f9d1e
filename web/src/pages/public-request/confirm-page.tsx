// The link in a privacy request's mail opens this page. Opening it changes
// nothing (mail scanners open links too): the person presses the button, which
// confirms the request, starts the deadline and shows it.
import { useState } from 'react';
import { api, ok, errorMessage, ApiError, type PrivacyRequest } from '../../api';
import { formatDate } from '../../format';
import { Link, useLocation } from '../../router';
import { Alert, Button } from '../../ui';
import { AuthLayout } from '../auth-layout';
import { TYPE_NAMES } from '../privacy-requests/model';

type State = { status: 'idle' } | { status: 'busy' } | { status: 'failed'; message: string; retry: boolean } | { status: 'done'; request: PrivacyRequest };

const Check = (
  <div className="success-mark" aria-hidden="true">
    <svg viewBox="0 0 24 24">
      <path d="M20 6 9 17l-5-5" />
    </svg>
  </div>
);

export function ConfirmPrivacyRequestPage() {
  const { query } = useLocation();
  const token = query.get('token');
  const [state, setState] = useState<State>({ status: 'idle' });

  const confirm = async () => {
    setState({ status: 'busy' });
    try {
      setState({ status: 'done', request: await ok(api.POST('/api/privacy-requests/confirm', { body: { token: token ?? '' } })) });
    } catch (e) {
      const used = e instanceof ApiError && (e.status === 409 || e.issues.some((i) => i.path === 'token'));
      setState({
        status: 'failed',
        retry: !used,
        message: used
          ? 'This link was used already, has expired (links work for 7 days) or is incomplete. If your request was confirmed, you got a mail saying so; if not, file it again.'
          : errorMessage(e, 'Your request could not be confirmed. Try again in a moment.'),
      });
    }
  };

  if (!token)
    return (
      <AuthLayout title="Confirm your privacy request" privacyLink={false}>
        <Alert title="This page needs the link from your email">
          Open the link in the mail we sent you, or <Link to="/privacy-request">make a request</Link>.
        </Alert>
      </AuthLayout>
    );

  if (state.status === 'done') {
    const r = state.request;
    return (
      <AuthLayout title="Your request is confirmed" icon={Check} privacyLink={false}>
        <div className="stack">
          <dl className="pr-receipt">
            <div>
              <dt>Request</dt>
              <dd>{TYPE_NAMES[r.type]}</dd>
            </div>
            <div>
              <dt>We answer by</dt>
              <dd className="pr-receipt-due">{r.dueAt ? formatDate(r.dueAt) : '—'}</dd>
            </div>
            <div>
              <dt>Law that applies</dt>
              <dd>{r.regimeName}</dd>
            </div>
            <div>
              <dt>Reference</dt>
              <dd>
                <code>{r.id}</code>
              </dd>
            </div>
          </dl>
          <p className="muted">
            We sent a receipt to {r.email}. If we need more time, we will write before that date and say why. You can reply to any of our mails.
          </p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Confirm your privacy request"
      subtitle="One step left: confirm that you asked. The time we have to answer starts now."
      privacyLink={false}
      footer={<>Didn’t ask for this? Close this page: nothing happens, and the link stops working within a week.</>}
    >
      <div className="stack">
        {state.status === 'failed' && <Alert title="The request could not be confirmed">{state.message}</Alert>}
        {state.status === 'failed' && !state.retry ? (
          <Link to="/privacy-request" className="btn btn-secondary btn-md btn-block">
            <span>Make a new request</span>
          </Link>
        ) : (
          <Button className="btn-block" busy={state.status === 'busy'} onClick={() => void confirm()}>
            Confirm my request
          </Button>
        )}
      </div>
    </AuthLayout>
  );
}
