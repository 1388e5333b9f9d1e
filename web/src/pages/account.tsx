// Account settings: name, email (confirmed again after a change), password
// (signs out other sessions), logging out everywhere, and your data.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ok, ApiError, forgetCsrf, type Account } from '../api';
import { AccountChoices } from './account-choices';
import { ConfirmDialog } from '../dialog';
import { formatDate } from '../format';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { toast } from '../toast';
import { Alert, Button, Field, PasswordInput, Spinner, usePage, useSubmit } from '../ui';
import { DpaSection } from './account/dpa-section';
import { YourData } from './account/your-data';

function Profile({ account, onSaved }: { account: Account; onSaved: (a: Account) => void }) {
  const [name, setName] = useState(account.name);
  const form = useSubmit(['name']);
  const changed = name.trim() !== account.name;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const a = await ok(api.PATCH('/api/account', { body: { name } }));
      setName(a.name);
      onSaved(a);
      toast('Your name was saved.');
    });
  };
  return (
    <section className="form-section" aria-labelledby="profile-h">
      <h2 id="profile-h" className="section-title">
        Profile
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate className="settings-form">
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="form-grid">
          <Field label="Name" hint="Shown in the dashboard and in emails Atrium sends you." error={form.errors.name}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  form.clearError('name');
                }}
                autoComplete="name"
                required
              />
            )}
          </Field>
          <div className="readonly-field">
            <p className="field-label">Member since</p>
            <p className="readonly-value">{formatDate(account.createdAt)}</p>
          </div>
        </div>
        <div className="section-actions">
          <Button type="submit" busy={form.busy} disabled={!changed}>
            Save name
          </Button>
        </div>
      </form>
    </section>
  );
}

function Email({ account, onSaved }: { account: Account; onSaved: (a: Account) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(['email', 'password']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSentTo(null);
    void form.run(async () => {
      const a = await ok(api.POST('/api/account/email', { body: { email, password } }));
      onSaved(a);
      setEmail('');
      setPassword('');
      setSentTo(a.email);
    });
  };
  return (
    <section className="form-section" aria-labelledby="email-h">
      <h2 id="email-h" className="section-title section-title-tight">
        Email address
      </h2>
      <p className="section-hint">
        You log in with <strong>{account.email}</strong>{' '}
        {account.emailVerified ? (
          <span className="badge badge-live inline-badge">
            <span className="badge-dot" aria-hidden="true" />
            Confirmed
          </span>
        ) : (
          <span className="badge badge-changes inline-badge">
            <span className="badge-dot" aria-hidden="true" />
            Not confirmed
          </span>
        )}
      </p>
      <form ref={form.formRef} onSubmit={submit} noValidate className="settings-form">
        {sentTo && (
          <Alert tone="success" title="Check your inbox">
            We sent a confirmation link to {sentTo}. Until you open it you can edit but not publish. Your old address was told about the change.
          </Alert>
        )}
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="form-grid">
          <Field label="New email" error={form.errors.email}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  form.clearError('email');
                }}
                autoComplete="email"
                spellCheck={false}
                autoCapitalize="none"
              />
            )}
          </Field>
          <Field label="Current password" hint="To make sure it's you." error={form.errors.password}>
            {(p) => (
              <PasswordInput
                {...p}
                value={password}
                onChange={(v) => {
                  setPassword(v);
                  form.clearError('password');
                }}
                autoComplete="current-password"
              />
            )}
          </Field>
        </div>
        <div className="section-actions">
          <Button type="submit" busy={form.busy} disabled={!email.trim() || !password}>
            Change email
          </Button>
        </div>
      </form>
    </section>
  );
}

function Password({ email, onChanged }: { email: string; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const form = useSubmit(['currentPassword', 'newPassword']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void form.run(async () => {
      // The answer carries this session's new CSRF token; the API client keeps it.
      await ok(api.POST('/api/account/password', { body: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      setDone(true);
      onChanged();
    });
  };
  return (
    <section className="form-section" aria-labelledby="password-h">
      <h2 id="password-h" className="section-title section-title-tight">
        Password
      </h2>
      <p className="section-hint">Changing it logs you out on every other device; this one stays logged in.</p>
      <form ref={form.formRef} onSubmit={submit} noValidate className="settings-form">
        {done && (
          <Alert tone="success" title="Password changed">
            Other devices were logged out. Use the new password next time you log in.
          </Alert>
        )}
        {form.formError && <Alert>{form.formError}</Alert>}
        {/* Lets password managers attach the new password to the right account. */}
        <input type="text" name="username" autoComplete="username" className="visually-hidden" tabIndex={-1} aria-hidden="true" readOnly value={email} />
        <div className="form-grid">
          <Field label="Current password" error={form.errors.currentPassword}>
            {(p) => (
              <PasswordInput
                {...p}
                value={current}
                onChange={(v) => {
                  setCurrent(v);
                  form.clearError('currentPassword');
                }}
                autoComplete="current-password"
              />
            )}
          </Field>
          <Field label="New password" hint="At least 10 characters. A few unrelated words are easy to remember." error={form.errors.newPassword}>
            {(p) => (
              <PasswordInput
                {...p}
                value={next}
                onChange={(v) => {
                  setNext(v);
                  form.clearError('newPassword');
                }}
                autoComplete="new-password"
              />
            )}
          </Field>
        </div>
        <div className="section-actions">
          <Button type="submit" busy={form.busy} disabled={!current || !next}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}

function Sessions({ account }: { account: Account }) {
  const { refresh } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = account.activeSessions;
  const logOutAll = async () => {
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/api/auth/logout-all'));
      forgetCsrf();
      setOpen(false);
      await refresh();
      navigate('/login', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Logging out failed. Try again.');
      setBusy(false);
    }
  };
  return (
    <section className="form-section" aria-labelledby="sessions-h">
      <h2 id="sessions-h" className="section-title">
        Sessions
      </h2>
      <div className="danger-row danger-row-first">
        <div>
          <h3 className="danger-title">{n <= 1 ? 'Logged in on this device only' : `Logged in on ${n} devices or browsers`}</h3>
          <p className="danger-text">Lost a laptop or used a shared computer? Log out everywhere, including here, and log in again.</p>
        </div>
        <Button
          variant="secondary"
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          Log out everywhere
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title="Log out everywhere?"
        confirmLabel="Log out everywhere"
        busy={busy}
        error={error}
        onConfirm={() => void logOutAll()}
        onClose={() => setOpen(false)}
      >
        <p>Every session of your account ends, {n > 1 ? `on all ${n} devices and browsers, ` : ''}including this one. Your sites stay as they are.</p>
      </ConfirmDialog>
    </section>
  );
}

export function AccountPage() {
  const heading = usePage('Account');
  const { refresh } = useSession();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; account: Account }>({
    status: 'loading',
  });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', account: await ok(api.GET('/api/account')) });
    } catch (e) {
      setState({ status: 'error', message: e instanceof ApiError ? e.message : 'Your account could not be loaded.' });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = (a: Account) => {
    setState({ status: 'ready', account: a });
    void refresh(); // the header's name and the email banner follow
  };

  return (
    <div className="container narrow-form">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Sites</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Account</span>
      </nav>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        Account
      </h1>
      <p className="page-subtitle">Your name, login, sessions and data. Site settings live with each site.</p>

      {state.status === 'loading' && (
        <div className="center-status">
          <Spinner label="Loading your account" />
        </div>
      )}
      {state.status === 'error' && (
        <div className="stack form-top">
          <Alert title="Your account could not be loaded">{state.message}</Alert>
          <div>
            <Button variant="secondary" onClick={() => void load()}>
              Try again
            </Button>
          </div>
        </div>
      )}
      {state.status === 'ready' && (
        <div className="settings-stack form-top">
          <Profile account={state.account} onSaved={saved} />
          <Email account={state.account} onSaved={saved} />
          <Password email={state.account.email} onChanged={() => void load()} />
          <Sessions account={state.account} />
          <AccountChoices account={state.account} />
          <DpaSection />
          <YourData account={state.account} />
        </div>
      )}
    </div>
  );
}
