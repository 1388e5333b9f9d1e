import { Icon } from './icons.js';
import type { BlockComponent } from './types.js';
import { Heading, Section, SectionHeader, cx, itemLevel, safeHref } from './ui.js';

export const Pricing: BlockComponent<'pricing'> = (p) => (
  <Section id={p.id} tone={p.tone} className="pricing">
    <SectionHeader heading={p.heading} subheading={p.subheading} first={p.first} />
    <ul className={`grid cols-${Math.min(Math.max(p.plans.length, 1), 4)} plan-grid`}>
      {p.plans.map((plan, i) => (
        <li key={i} className={cx('card plan', plan.highlighted && 'plan-highlighted')}>
          <Heading level={itemLevel(p.first)} className="plan-name">
            {plan.name}
          </Heading>
          <p className="plan-price">
            <span className="plan-amount">{plan.price}</span>
            {plan.period && <span className="plan-period"> {plan.period}</span>}
          </p>
          {plan.description && <p className="plan-description">{plan.description}</p>}
          {plan.cta && (
            <a className={cx('btn', plan.highlighted ? 'btn-primary' : 'btn-secondary', 'plan-cta')} href={safeHref(plan.cta.href)}>
              {plan.cta.label}
            </a>
          )}
          {plan.features.length > 0 && (
            <ul className="plan-features">
              {plan.features.map((f, j) => (
                <li key={j}>
                  <Icon name="check" className="plan-check" />
                  <span>{f}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  </Section>
);
