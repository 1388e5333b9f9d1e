// The frame of the public screens (sign-up, log-in, password reset, the privacy
// request page, the goodbye after deleting an account): the logo, a centred
// card, a footer line, and under it the way to ask about one's personal data.
import type { ReactNode } from 'react';
import { Link } from '../router';
import { Logo, usePage } from '../ui';

export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
  icon,
  wide = false,
  privacyLink = true,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  icon?: ReactNode;
  /** A wider card, for longer forms. */
  wide?: boolean;
  /** The link to the privacy request page under the card (left out on that page itself). */
  privacyLink?: boolean;
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
        <div className={`auth-card${icon ? ' auth-card-centered' : ''}${wide ? ' auth-card-wide' : ''}`}>
          {icon}
          <h1 ref={heading} tabIndex={-1} className="auth-title">
            {title}
          </h1>
          {subtitle && <p className="auth-subtitle">{subtitle}</p>}
          {children}
        </div>
        {footer && <p className="auth-footer">{footer}</p>}
      </main>
      {privacyLink && (
        <footer className="auth-legal">
          <Link to="/privacy-request">Your personal data: make a privacy request</Link>
        </footer>
      )}
    </div>
  );
}
