// A modal confirmation built on <dialog>: the browser traps focus, Escape
// closes it, and focus returns to the button that opened it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert, Button } from './ui';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = 'default',
  busy = false,
  error,
  confirmDisabled = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'default' | 'danger';
  busy?: boolean;
  error?: string | null;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (e.target === ref.current && !busy) onClose();
      }}
    >
      {open && (
        <form
          className="dialog-panel"
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!confirmDisabled) onConfirm();
          }}
        >
          <h2 id={`${id}-title`} className="dialog-title">
            {title}
          </h2>
          <div id={`${id}-body`} className="dialog-body">
            {children}
          </div>
          {error && <Alert>{error}</Alert>}
          <div className="dialog-actions">
            <Button variant="ghost" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" className={tone === 'danger' ? 'btn-danger' : undefined} busy={busy} disabled={confirmDisabled}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** A button that copies a value and says so (also to screen readers). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className={`copy-btn${state === 'copied' ? ' is-copied' : ''}`} onClick={() => void copy()}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          {state === 'copied' ? (
            <path d="m3.5 8.5 3 3 6-7" />
          ) : (
            <path d="M5.5 5.5V3.8c0-.7.6-1.3 1.3-1.3h5.4c.7 0 1.3.6 1.3 1.3v5.4c0 .7-.6 1.3-1.3 1.3h-1.7M3.8 5.5h5.4c.7 0 1.3.6 1.3 1.3v5.4c0 .7-.6 1.3-1.3 1.3H3.8c-.7 0-1.3-.6-1.3-1.3V6.8c0-.7.6-1.3 1.3-1.3Z" />
          )}
        </svg>
        <span>{state === 'copied' ? 'Copied' : 'Copy'}</span>
        <span className="visually-hidden"> {label}</span>
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? `${label} copied` : state === 'failed' ? 'Copying is blocked here; select the text and copy it.' : ''}
      </span>
    </>
  );
}
