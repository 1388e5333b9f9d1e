import type { BlockComponent } from './types.js';
import { Heading, Img, Section, sectionLevel } from './ui.js';

/** "Trusted by" strip. A logo without an image falls back to a typographic wordmark. */
export const Logos: BlockComponent<'logos'> = (p) => (
  <Section id={p.id} tone={p.tone} className="logos">
    {p.heading && (
      <Heading level={sectionLevel(p.first)} className="logos-title">
        {p.heading}
      </Heading>
    )}
    <ul className="logo-row">
      {p.logos.map((logo, i) => (
        <li key={i} className="logo">
          {logo.image ? (
            <Img image={{ ...logo.image, alt: logo.image.alt || logo.name }} className="logo-image" />
          ) : (
            <span className="logo-wordmark">{logo.name}</span>
          )}
        </li>
      ))}
    </ul>
  </Section>
);
