// Sign up, log in, password reset and email verification: public screens in a centred card.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ok, ApiError, type Subscriber } from '../api';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { toast } from '../toast';
import { Alert, Button, Field, Logo, PasswordInput, Spinner, usePage, useSubmit } from '../ui';
import { CONSENT_PURPOSES } from '../../../src/accounts/consent-purposes';

export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
  icon,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  icon?: ReactNode;
}) {
  const heading = usePage(title);
  return (
    <div className="auth">
      <header className="auth-header">
        <Link to="/" className="auth-logo" aria-label="Atrium home">
          <Logo />
        </Link>
      </header>
      <main className="auth-main" id="main">
        <div className={`auth-card${icon ? ' auth-card-centered' : ''}`}>
          {icon}
          <h1 ref={heading} tabIndex={-1} className="auth-title">
            {title}
          </h1>
          {subtitle && <p className="auth-subtitle">{subtitle}</p>}
          {children}
        </div>
        {footer && <p className="auth-footer">{footer}</p>}
      </main>
    </div>
  );
}

/** Only same-app paths, so a crafted ?next= cannot send people elsewhere. */
function safeNext(next: string | null) {
  return next && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : '/';
}

export function SignUpPage() {
  const { refresh } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [productNews, setProductNews] = useState(false);
  const form = useSubmit(['name', 'email', 'password']);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await ok(api.POST('/api/auth/signup', { body: { name, email, password, productNews } }));
      await refresh();
      toast(`Welcome to Atrium! We sent a confirmation link to ${email.trim()}.`);
      navigate('/', { replace: true });
    });
  };

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Build a fast, privacy-friendly site for your product in minutes."
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form ref={form.formRef} onSubmit={submit} noValidate className="stack">
        {form.formError && <Alert>{form.formError}</Alert>}
        <Field label="Name" error={form.errors.name}>
          {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" autoFocus required />}
        </Field>
        <Field label="Work email" error={form.errors.email}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
              spellCheck={false}
              required
            />
          )}
        </Field>
        <Field label="Password" hint="At least 10 characters. A few words you'll remember work well." error={form.errors.password}>
          {(p) => <PasswordInput {...p} value={password} onChange={setPassword} autoComplete="new-password" />}
        </Field>
        {/* A consent: unticked, optional, in the words stored with it (src/accounts/consent-purposes.ts). */}
        <label className="check-row">
          <input type="checkbox" className="checkbox" checked={productNews} onChange={(e) => setProductNews(e.target.checked)} />
          <span>{CONSENT_PURPOSES.product_news.wording}</span>
        </label>
        <Button type="submit" busy={form.busy} className="btn-block">
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}

export function LogInPage() {
  const { refresh } = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(['email', 'password']);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await ok(api.POST('/api/auth/login', { body: { email, password } }));
      await refresh();
      navigate(safeNext(query.get('next')), { replace: true });
    });
  };

  return (
    <AuthLayout
      title="Log in to Atrium"
      subtitle="Welcome back."
      footer={
        <>
          New to Atrium? <Link to="/signup">Create an account</Link>
        </>
      }
    >
      <form ref={form.formRef} onSubmit={submit} noValidate className="stack">
        {form.formError && <Alert>{form.formError}</Alert>}
        <Field label="Email" error={form.errors.email}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="username"
              autoFocus
              spellCheck={false}
              required
            />
          )}
        </Field>
        <Field
          label="Password"
          error={form.errors.password}
          aside={
            <Link to="/forgot-password" className="field-aside-link">
              Forgot password?
            </Link>
          }
        >
          {(p) => <PasswordInput {...p} value={password} onChange={setPassword} autoComplete="current-password" />}
        </Field>
        <Button type="submit" busy={form.busy} className="btn-block">
          Log in
        </Button>
      </form>
    </AuthLayout>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(['email']);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await ok(api.POST('/api/auth/password-reset', { body: { email } }));
      setSentTo(email.trim());
    });
  };

  return (
    <AuthLayout
      title="Reset your password"
      subtitle={sentTo ? undefined : "Enter the email you signed up with and we'll send you a link to choose a new password."}
      footer={
        <>
          Remembered it? <Link to="/login">Back to log in</Link>
        </>
      }
    >
      {sentTo ? (
        <div className="stack">
          <Alert tone="success" title="Check your inbox">
            If an account exists for <strong>{sentTo}</strong>, a reset link is on its way. It works for one hour. No mail after a few minutes? Check your spam
            folder or try again.
          </Alert>
          <Button variant="secondary" className="btn-block" onClick={() => setSentTo(null)}>
            Use a different email
          </Button>
        </div>
      ) : (
        <form ref={form.formRef} onSubmit={submit} noValidate className="stack">
          {form.formError && <Alert>{form.formError}</Alert>}
          <Field label="Email" error={form.errors.email}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoComplete="email"
                spellCheck={false}
                autoFocus
                required
              />
            )}
          </Field>
          <Button type="submit" busy={form.busy} className="btn-block">
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const { refresh } = useSession();
  const { query } = useLocation();
  const token = query.get('token');
  const [password, setPassword] = useState('');
  const form = useSubmit(['password']);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await ok(api.POST('/api/auth/password-reset/confirm', { body: { token: token ?? '', password } }));
      await refresh();
      toast('Your password is changed. Every other session was logged out.');
      navigate('/', { replace: true });
    });
  };

  if (!token) {
    return (
      <AuthLayout title="Choose a new password">
        <Alert title="This page needs the link from your email">
          Open the reset link from the email we sent you, or <Link to="/forgot-password">request a new one</Link>.
        </Alert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="You'll be logged in with it right away, and logged out everywhere else."
      footer={
        <>
          Link expired? <Link to="/forgot-password">Request a new one</Link>
        </>
      }
    >
      <form ref={form.formRef} onSubmit={submit} noValidate className="stack">
        {form.formError && <Alert>{form.formError}</Alert>}
        <Field label="New password" hint="At least 10 characters." error={form.errors.password}>
          {(p) => <PasswordInput {...p} value={password} onChange={setPassword} autoComplete="new-password" autoFocus />}
        </Field>
        <Button type="submit" busy={form.busy} className="btn-block">
          Save password and log in
        </Button>
      </form>
    </AuthLayout>
  );
}

// Verification tokens are single-use: make sure one token is posted once, even if the screen mounts twice.
const verifications = new Map<string, Promise<void>>();

export function VerifyEmailPage() {
  const { state, refresh } = useSession();
  const { query } = useLocation();
  const token = query.get('token');
  const [result, setResult] = useState<{ status: 'pending' } | { status: 'done' } | { status: 'failed'; message: string }>({ status: 'pending' });
  const [resent, setResent] = useState<'idle' | 'busy' | 'sent' | string>('idle');
  const subscriber: Subscriber | null = state.status === 'ready' ? state.subscriber : null;

  useEffect(() => {
    if (!token) return;
    let p = verifications.get(token);
    if (!p) {
      p = ok(api.POST('/api/auth/verify-email', { body: { token } })).then(() => undefined);
      verifications.set(token, p);
    }
    let live = true;
    p.then(
      async () => {
        await refresh();
        if (live) setResult({ status: 'done' });
      },
      (e: unknown) => live && setResult({ status: 'failed', message: e instanceof ApiError ? e.message : 'The link could not be checked. Try again.' }),
    );
    return () => {
      live = false;
    };
  }, [token, refresh]);

  const resend = async () => {
    setResent('busy');
    try {
      await ok(api.POST('/api/auth/resend-verification'));
      setResent('sent');
    } catch (e) {
      setResent(e instanceof ApiError ? e.message : 'The email could not be sent. Try again.');
    }
  };

  if (!token || (result.status === 'failed' && !subscriber?.emailVerified)) {
    return (
      <AuthLayout title="Confirm your email">
        <div className="stack">
          <Alert title="This link doesn't work">
            {result.status === 'failed' ? result.message : 'The address is missing its token. Open the link from the email we sent you.'}
          </Alert>
          {subscriber?.emailVerified ? (
            <Alert tone="success">Your email {subscriber.email} is already confirmed. Nothing else to do.</Alert>
          ) : subscriber ? (
            <>
              {resent === 'sent' ? (
                <Alert tone="success">We sent a new link to {subscriber.email}. It works for 24 hours.</Alert>
              ) : (
                <Button className="btn-block" busy={resent === 'busy'} onClick={() => void resend()}>
                  Send a new link
                </Button>
              )}
              {resent !== 'idle' && resent !== 'busy' && resent !== 'sent' && <Alert>{resent}</Alert>}
            </>
          ) : (
            <p className="muted">
              <Link to="/login?next=/">Log in</Link> to send yourself a new link.
            </p>
          )}
          {subscriber && (
            <Link to="/" className="btn btn-secondary btn-md btn-block">
              <span>Go to your sites</span>
            </Link>
          )}
        </div>
      </AuthLayout>
    );
  }

  if (result.status === 'pending') {
    return (
      <AuthLayout title="Confirming your email">
        <div className="center-status">
          <Spinner label="Confirming" />
          <p className="muted">One moment…</p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Your email is confirmed"
      subtitle={subscriber ? `${subscriber.email} is confirmed. You can publish your sites now.` : 'You can publish your sites now.'}
      icon={
        <div className="success-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24">
            <path d="M20 6 9 17l-5-5" />
          </svg>
        </div>
      }
    >
      <div className="stack">
        {subscriber ? (
          <Link to="/" className="btn btn-primary btn-md btn-block">
            <span>Go to your sites</span>
          </Link>
        ) : (
          <Link to="/login" className="btn btn-primary btn-md btn-block">
            <span>Log in</span>
          </Link>
        )}
      </div>
    </AuthLayout>
  );
}
