// After an account is deleted: what was erased and what is kept, as the server said.
// Only right after a deletion: opened any other time, it sends to the front door.
import { useEffect } from 'react';
import { Link, navigate } from '../../router';
import { AuthLayout } from '../auth-layout';
import { takeDeletion } from './delete-account';

export function GoodbyePage() {
  const erased = takeDeletion();
  useEffect(() => {
    if (!erased) navigate('/', { replace: true });
  }, [erased]);
  if (!erased) return <></>;
  const sites = erased.sites === 0 ? '' : erased.sites === 1 ? ', your site' : `, ${erased.sites} sites`;
  const workspaces = erased.workspaces === 1 ? 'your workspace' : `${erased.workspaces} workspaces`;
  return (
    <AuthLayout
      title="Your account is deleted"
      subtitle="Thank you for having built with Atrium."
      icon={
        <div className="success-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24">
            <path d="M20 6 9 17l-5-5" />
          </svg>
        </div>
      }
      footer={
        <>
          Changed your mind? <Link to="/signup">Create a new account</Link>
        </>
      }
    >
      <div className="stack goodbye">
        <p>
          We erased your account{sites} and {workspaces}, with everything in them.
        </p>
        {erased.kept.length > 0 ? (
          <div>
            <p className="goodbye-label">What we keep, and why</p>
            <ul className="goodbye-list">
              {erased.kept.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p>We keep nothing about you.</p>
        )}
        <p className="muted">You are logged out. We will not write to you again.</p>
      </div>
    </AuthLayout>
  );
}
