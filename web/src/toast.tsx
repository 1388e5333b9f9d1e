// One polite live region for confirmations ("Site created"), shown bottom-right.
import { useEffect, useSyncExternalStore } from 'react';

interface Toast {
  id: number;
  message: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function toast(message: string) {
  toasts = [...toasts, { id: nextId++, message }];
  emit();
}

function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

function ToastItem({ t }: { t: Toast }) {
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(t.id), 6000);
    return () => window.clearTimeout(timer);
  }, [t.id]);
  return (
    <div className="toast">
      <svg className="toast-icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm3.9 6.3-4.6 5a.8.8 0 0 1-1.2 0l-2-2.2a.8.8 0 1 1 1.2-1.1l1.4 1.5 4-4.3a.8.8 0 1 1 1.2 1.1Z" />
      </svg>
      <span>{t.message}</span>
      <button type="button" className="toast-close" onClick={() => dismiss(t.id)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

export function Toaster() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
  return (
    <div className="toaster" role="status" aria-live="polite">
      {list.map((t) => (
        <ToastItem key={t.id} t={t} />
      ))}
    </div>
  );
}
