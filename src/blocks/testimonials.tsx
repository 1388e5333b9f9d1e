import type { BlockComponent } from './types.js';
import { Img, Section, SectionHeader } from './ui.js';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');

export const Testimonials: BlockComponent<'testimonials'> = (p) => (
  <Section id={p.id} tone={p.tone} className="testimonials">
    <SectionHeader heading={p.heading} first={p.first} />
    <ul className={`grid cols-${Math.min(Math.max(p.items.length, 1), 3)} testimonial-grid`}>
      {p.items.map((t, i) => (
        <li key={i} className="card testimonial">
          <figure>
            <blockquote className="testimonial-quote">
              <p>{t.quote}</p>
            </blockquote>
            <figcaption className="testimonial-author">
              {t.avatar ? (
                <Img image={{ ...t.avatar, alt: '' }} className="avatar" />
              ) : (
                <span className="avatar avatar-initials" aria-hidden="true">
                  {initials(t.name)}
                </span>
              )}
              <span>
                <span className="testimonial-name">{t.name}</span>
                {t.role && <span className="testimonial-role">{t.role}</span>}
              </span>
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  </Section>
);
