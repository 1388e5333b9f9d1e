// Small building blocks shared by every screen.
import { useCallback, useEffect, useId, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { ApiError, sentence } from './api';

export function Logo({ withName = true }: { withName?: boolean }) {
  return (
    <span className="logo">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M9 24V14a7 7 0 0 1 14 0v10h-4v-10a3 3 0 0 0-6 0v10z" fill="var(--logo-cutout, #fff)" />
      </svg>
      {withName && <span className="logo-name">Atrium</span>}
    </span>
  );
}

export function Spinner({ label }: { label?: string }) {
  return (
    <span className="spinner" role={label ? 'status' : undefined} aria-label={label}>
      <span aria-hidden="true" />
    </span>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'ghost'; busy?: boolean; size?: 'md' | 'sm' };

export function Button({ variant = 'primary', busy = false, size = 'md', className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={`btn btn-${variant} btn-${size}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <Spinner />}
      <span>{children}</span>
    </button>
  );
}

/** A block that could not be loaded: what went wrong, and a way to try again. */
export function LoadFailed({ title, message, onRetry, narrow }: { title: string; message: string; onRetry: () => unknown; narrow?: boolean }) {
  return (
    <div className={narrow ? 'stack narrow' : 'stack'}>
      <Alert title={title}>{message}</Alert>
      <div>
        <Button variant="secondary" onClick={() => void onRetry()}>
          Try again
        </Button>
      </div>
    </div>
  );
}

export function Alert({ tone = 'error', title, children }: { tone?: 'error' | 'info' | 'success'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'} tabIndex={-1}>
      <AlertIcon tone={tone} />
      <div>
        {title && <p className="alert-title">{title}</p>}
        {children && <div className="alert-body">{children}</div>}
      </div>
    </div>
  );
}

function AlertIcon({ tone }: { tone: 'error' | 'info' | 'success' }) {
  const d =
    tone === 'success'
      ? 'M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm3.9 6.3-4.6 5a.8.8 0 0 1-1.2 0l-2-2.2a.8.8 0 1 1 1.2-1.1l1.4 1.5 4-4.3a.8.8 0 1 1 1.2 1.1Z'
      : 'M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a.9.9 0 0 1 .9.9v4.2a.9.9 0 1 1-1.8 0V6.4a.9.9 0 0 1 .9-.9Zm0 9.3a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z';
  return (
    <svg className="alert-icon" viewBox="0 0 20 20" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** A labelled control with an optional hint and an error that names the field. */
export function Field({
  label,
  hint,
  error,
  children,
  aside,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  aside?: ReactNode;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {aside}
      </div>
      {children({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a.9.9 0 0 1 .9.9v4.2a.9.9 0 1 1-1.8 0V6.4a.9.9 0 0 1 .9-.9Zm0 9.3a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
          </svg>
          {fieldMessage(label, error)}
        </p>
      )}
    </div>
  );
}

/** "is required" under "Name" reads "Name is required." A full sentence is kept as it is. */
export function fieldMessage(label: string, message: string) {
  return /^(is|must|already|should|can)\b/i.test(message) ? sentence(`${label} ${message}`) : sentence(message);
}

/**
 * Runs a form submission and turns API errors into a message for the form
 * plus one per field (issue paths are matched on their first segment).
 */
export function useSubmit(fields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusPending = useRef(false);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else formRef.current?.querySelector<HTMLElement>('.alert')?.focus();
  });

  const run = useCallback(
    async (fn: () => Promise<void>) => {
      setBusy(true);
      setErrors({});
      setFormError(null);
      try {
        await fn();
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'client', 'Something went wrong. Reload the page and try again.');
        const byField: Record<string, string> = {};
        const other: string[] = [];
        for (const issue of err.issues) {
          const key = issue.path.split('.')[0]!;
          if (fields.includes(key)) byField[key] ??= issue.message;
          else other.push(`${issue.path}: ${issue.message}`);
        }
        setErrors(byField);
        if (err.code === 'invalid_input' && other.length === 0 && Object.keys(byField).length > 0) setFormError(null);
        else setFormError(err.message);
        focusPending.current = true;
      } finally {
        setBusy(false);
      }
    },
    [fields],
  );

  const clearError = useCallback(
    (field: string) => setErrors((e) => (field in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)) : e)),
    [],
  );

  return { busy, errors, formError, setFormError, run, formRef, clearError };
}

/** Sets the document title and moves focus to the page heading, so screen readers announce the new screen. */
export function usePage(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Atrium`;
  }, [title]);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}

export function PasswordInput(props: ControlProps & { value: string; onChange: (v: string) => void; autoComplete: string; autoFocus?: boolean }) {
  const [shown, setShown] = useState(false);
  const { value, onChange, autoComplete, autoFocus, ...control } = props;
  return (
    <div className="input-group">
      <input
        {...control}
        className="input"
        type={shown ? 'text' : 'password'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        spellCheck={false}
      />
      <button type="button" className="input-addon-btn" onClick={() => setShown((s) => !s)} aria-pressed={shown} aria-controls={control.id}>
        {shown ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}
