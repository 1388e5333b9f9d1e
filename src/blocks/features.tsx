import { Icon } from './icons.js';
import type { BlockComponent } from './types.js';
import { Heading, Section, SectionHeader, itemLevel } from './ui.js';

export const Features: BlockComponent<'features'> = (p) => (
  <Section id={p.id} tone={p.tone} className="features">
    <SectionHeader heading={p.heading} subheading={p.subheading} first={p.first} />
    <ul className={`grid cols-${p.columns ?? 3} feature-grid`}>
      {p.items.map((item, i) => (
        <li key={i} className="card feature">
          {item.icon && (
            <span className="feature-icon">
              <Icon name={item.icon} />
            </span>
          )}
          <Heading level={itemLevel(p.first)} className="feature-title">
            {item.title}
          </Heading>
          {item.body && <p className="feature-body">{item.body}</p>}
        </li>
      ))}
    </ul>
  </Section>
);
