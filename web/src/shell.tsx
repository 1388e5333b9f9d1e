// The frame of every logged-in screen: header with navigation and account, and
// the banners asking to confirm the email address and telling of a privacy policy change.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ok, ApiError, type Subscriber } from './api';
import { PolicyNoticeBanner } from './policy-notice';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';
import { Button, Logo } from './ui';

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

function AccountMenu({ subscriber }: { subscriber: Subscriber }) {
  const { logOut } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const doLogOut = async () => {
    setBusy(true);
    try {
      await logOut();
    } finally {
      setBusy(false);
    }
    navigate('/login', { replace: true });
  };

  return (
    <div
      className="account"
      ref={root}
      onBlur={(e) => {
        if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className="account-button" aria-expanded={open} aria-controls="account-panel" onClick={() => setOpen((o) => !o)}>
        <span className="avatar" aria-hidden="true">
          {initials(subscriber.name)}
        </span>
        <span className="account-name">{subscriber.name}</span>
        <svg className="chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="m4 6 4 4 4-4" />
        </svg>
        <span className="visually-hidden">Account</span>
      </button>
      {open && (
        <div className="account-panel" id="account-panel">
          <div className="account-who">
            <p className="account-panel-name">{subscriber.name}</p>
            <p className="account-panel-email">{subscriber.email}</p>
          </div>
          <Link to="/account" className="btn btn-ghost btn-md btn-block account-item" onClick={() => setOpen(false)}>
            <span>Account settings</span>
          </Link>
          <Button variant="ghost" className="btn-block account-logout" busy={busy} onClick={() => void doLogOut()}>
            Log out
          </Button>
        </div>
      )}
    </div>
  );
}

function VerifyBanner({ subscriber }: { subscriber: Subscriber }) {
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | { error: string }>('idle');
  const resend = async () => {
    setState('busy');
    try {
      await ok(api.POST('/api/auth/resend-verification'));
      setState('sent');
    } catch (e) {
      setState({ error: e instanceof ApiError ? e.message : 'The email could not be sent. Try again in a minute.' });
    }
  };
  return (
    <section className="banner" aria-label="Confirm your email">
      <div className="banner-inner">
        <svg className="banner-icon" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M3 4.5h14a1.5 1.5 0 0 1 1.5 1.5v8a1.5 1.5 0 0 1-1.5 1.5H3A1.5 1.5 0 0 1 1.5 14V6A1.5 1.5 0 0 1 3 4.5Zm.3 1.8 6.7 4.8 6.7-4.8" />
        </svg>
        <p className="banner-text" aria-live="polite">
          {state === 'sent' ? (
            <>
              <strong>New link sent.</strong> Check {subscriber.email}; it works for 24 hours.
            </>
          ) : typeof state === 'object' ? (
            state.error
          ) : (
            <>
              <strong>Confirm your email to publish.</strong> We sent a link to {subscriber.email}.
            </>
          )}
        </p>
        {state !== 'sent' && (
          <Button variant="secondary" size="sm" busy={state === 'busy'} onClick={() => void resend()}>
            Resend email
          </Button>
        )}
      </div>
    </section>
  );
}

export function Shell({ subscriber, children }: { subscriber: Subscriber; children: ReactNode }) {
  const { path } = useLocation();
  const { state } = useSession();
  const operator = state.status === 'ready' && state.operator;
  const onSites = path === '/' || path.startsWith('/sites');
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="topbar-logo" aria-label="Atrium, your sites">
            <Logo />
          </Link>
          <nav aria-label="Main" className="topnav">
            <Link to="/" aria-current={onSites ? 'page' : undefined}>
              Sites
            </Link>
            {operator && (
              <Link to="/operator" aria-current={path.startsWith('/operator') ? 'page' : undefined} title="Privacy requests to the platform">
                Operator
              </Link>
            )}
          </nav>
          <AccountMenu subscriber={subscriber} />
        </div>
      </header>
      {!subscriber.emailVerified && <VerifyBanner subscriber={subscriber} />}
      <PolicyNoticeBanner />
      <main className="page" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
