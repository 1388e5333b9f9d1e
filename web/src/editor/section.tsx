// A titled section of the editor's side panels.
import { useId, type ReactNode } from 'react';

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className="ed-section" aria-labelledby={id}>
      <div className="ed-section-head">
        <h2 id={id} className="ed-section-title">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
