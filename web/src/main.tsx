import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { ForgotPasswordPage, LogInPage, ResetPasswordPage, SignUpPage, VerifyEmailPage } from './pages/auth';
import { AccountPage } from './pages/account';
import { NewSitePage } from './pages/new-site';
import { sitePageFor } from './pages/site-routes';
import { SitesPage } from './pages/sites';
import { UnsubscribePage } from './pages/unsubscribe';
import { Link, navigate, useLocation } from './router';
import { isReturning, useSession, SessionProvider } from './session';
import { Shell } from './shell';
import { Toaster } from './toast';
import { Alert, Button, Logo, Spinner, usePage } from './ui';
import './styles/index';

// The visual editor is its own chunk: the dashboard never downloads it until a site is opened.
const EditorPage = lazy(() => import('./editor/EditorPage'));
const EDIT_ROUTE = /^\/sites\/([A-Za-z0-9_-]+)\/edit$/;
// A site's public, read-only figures behind its share link: no account needed, its own chunk.
const SharedAnalyticsPage = lazy(() => import('./pages/analytics/shared-page'));
const SHARED_ROUTE = /^\/shared\/([A-Za-z0-9_-]+)$/;

const PUBLIC: Record<string, () => React.JSX.Element> = {
  '/verify-email': VerifyEmailPage,
  '/reset-password': ResetPasswordPage,
  '/unsubscribe': UnsubscribePage,
};
const ANONYMOUS_ONLY: Record<string, () => React.JSX.Element> = {
  '/login': LogInPage,
  '/signup': SignUpPage,
  '/forgot-password': ForgotPasswordPage,
};
const PRIVATE: Record<string, () => React.JSX.Element> = {
  '/': SitesPage,
  '/sites/new': NewSitePage,
  '/account': AccountPage,
};

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  const heading = usePage('Page not found');
  return (
    <div className="container center-page">
      <h1 ref={heading} tabIndex={-1} className="page-title">
        Page not found
      </h1>
      <p className="muted">This address is not part of the dashboard. It may have moved.</p>
      <Link to="/" className="btn btn-primary btn-md">
        <span>Go to your sites</span>
      </Link>
    </div>
  );
}

function App() {
  const { state, refresh } = useSession();
  const { path, query } = useLocation();

  if (state.status === 'loading') {
    return (
      <div className="boot">
        <Logo withName={false} />
        <Spinner label="Loading Atrium" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="boot">
        <div className="stack narrow">
          <Alert title="Atrium could not be reached">{state.message}</Alert>
          <Button onClick={() => void refresh()}>Try again</Button>
        </div>
      </div>
    );
  }

  const Public = PUBLIC[path];
  if (Public) return <Public />;
  const shared = SHARED_ROUTE.exec(path);
  if (shared)
    return (
      <Suspense
        fallback={
          <div className="boot">
            <Logo withName={false} />
            <Spinner label="Loading the figures" />
          </div>
        }
      >
        <SharedAnalyticsPage token={shared[1]!} />
      </Suspense>
    );
  const AnonymousOnly = ANONYMOUS_ONLY[path];
  if (AnonymousOnly) return state.status === 'ready' ? <Redirect to="/" /> : <AnonymousOnly />;
  const editing = EDIT_ROUTE.exec(path);
  const sitePage = sitePageFor(path);
  const Private = PRIVATE[path] ?? (editing ? () => <EditorPage siteId={editing[1]!} /> : undefined);
  if (state.status !== 'ready') {
    // A deep link belongs to someone with an account: log in and come back. The front door
    // greets a newcomer with sign-up, and someone who signed in here before with log-in.
    const here = path + (query.size ? `?${query}` : '');
    return <Redirect to={(Private || sitePage) && path !== '/' ? `/login?next=${encodeURIComponent(here)}` : isReturning() ? '/login' : '/signup'} />;
  }
  if (editing)
    return (
      <Suspense
        fallback={
          <div className="boot">
            <Logo withName={false} />
            <Spinner label="Opening the editor" />
          </div>
        }
      >
        <EditorPage siteId={editing[1]!} />
      </Suspense>
    );
  return <Shell subscriber={state.subscriber}>{Private ? <Private /> : (sitePage ?? <NotFound />)}</Shell>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
      <Toaster />
    </SessionProvider>
  </StrictMode>,
);
