import { Icon } from './icons.js';
import type { BlockComponent } from './types.js';
import { Section, SectionHeader } from './ui.js';

/** Native <details>/<summary>: expands without JavaScript and is keyboard accessible. */
export const Faq: BlockComponent<'faq'> = (p) => (
  <Section id={p.id} tone={p.tone} className="faq">
    <div className={p.heading ? 'faq-layout faq-with-header' : 'faq-layout'}>
      <SectionHeader heading={p.heading} first={p.first} align="start" />
      <div className="faq-list">
        {p.items.map((item, i) => (
          <details key={i} className="faq-item">
            <summary className="faq-question">
              <span>{item.question}</span>
              <Icon name="plus" className="faq-toggle" />
            </summary>
            <div className="faq-answer">
              {item.answer
                .split(/\n{2,}/)
                .filter((para) => para.trim())
                .map((para, j) => (
                  <p key={j}>{para}</p>
                ))}
            </div>
          </details>
        ))}
      </div>
    </div>
  </Section>
);
