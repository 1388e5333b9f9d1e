// /app/unsubscribe?token=…, the link in the text of every product news mail.
// Opening it changes nothing (mail scanners open links); the button posts the
// token to the one-click endpoint, with or without a login.
import { useState } from 'react';
import { api, ok, errorMessage } from '../api';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { Alert, Button } from '../ui';
import { AuthLayout } from './auth';

const Done = () => (
  <div className="success-mark" aria-hidden="true">
    <svg viewBox="0 0 24 24">
      <path d="M20 6 9 17l-5-5" />
    </svg>
  </div>
);

export function UnsubscribePage() {
  const { state } = useSession();
  const token = useLocation().query.get('token');
  const [status, setStatus] = useState<{ step: 'ask' | 'busy' | 'done' } | { step: 'failed'; message: string }>({ step: 'ask' });
  const settings =
    state.status === 'ready' ? (
      <>
        You can switch product news back on in <Link to="/account">your account settings</Link>.
      </>
    ) : (
      <>
        You can switch product news back on in your account settings after you <Link to="/login?next=/account">log in</Link>.
      </>
    );

  const unsubscribe = async () => {
    setStatus({ step: 'busy' });
    try {
      await ok(api.POST('/api/mail/unsubscribe', { body: { token: token ?? '' } }));
      setStatus({ step: 'done' });
    } catch (e) {
      setStatus({ step: 'failed', message: errorMessage(e, 'Unsubscribing failed. Try again.') });
    }
  };

  if (!token)
    return (
      <AuthLayout title="Stop product news">
        <Alert title="This page needs the link from a mail">
          Open the unsubscribe link at the end of a product news mail, or switch product news off in your account settings.
        </Alert>
      </AuthLayout>
    );

  if (status.step === 'done')
    return (
      <AuthLayout title="You are unsubscribed" subtitle="Atrium will send no more product news to this address." icon={<Done />}>
        <p className="muted unsubscribe-note">{settings}</p>
      </AuthLayout>
    );

  return (
    <AuthLayout
      title="Stop product news?"
      subtitle="Atrium will send no more product news to the address this mail went to. Mails about your account and your sites keep coming."
    >
      <div className="stack">
        {status.step === 'failed' && <Alert title="This did not work">{status.message}</Alert>}
        <Button className="btn-block" busy={status.step === 'busy'} onClick={() => void unsubscribe()}>
          Unsubscribe
        </Button>
        {state.status === 'ready' && (
          <p className="muted unsubscribe-note">
            Or choose in <Link to="/account">your account settings</Link>.
          </p>
        )}
      </div>
    </AuthLayout>
  );
}
