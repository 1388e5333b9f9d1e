import type { BlockComponent } from './types.js';
import { Buttons, Heading, Section, sectionLevel } from './ui.js';

export const Cta: BlockComponent<'cta'> = (p) => (
  <Section id={p.id} tone={p.tone} className="cta">
    <div className="cta-panel">
      <Heading level={sectionLevel(p.first)} className="cta-title">
        {p.heading}
      </Heading>
      {p.body && <p className="lead cta-body">{p.body}</p>}
      <Buttons primary={p.primary} secondary={p.secondary} className="cta-buttons" />
    </div>
  </Section>
);
