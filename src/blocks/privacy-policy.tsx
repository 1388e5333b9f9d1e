// The "Privacy notice" block: the site's privacy notice, generated at each
// publish from what the site really does (src/consent/site-policy.ts) and
// handed in by the renderer. In the editor, where nothing is generated yet, it
// says what will appear.
import type { Block as PolicyBlock } from '../lib/policy-document.js';
import type { BlockComponent } from './types.js';
import { Heading, Section, sectionLevel } from './ui.js';

function Part({ block }: { block: PolicyBlock }) {
  if (block.kind === 'p') return <p>{block.text}</p>;
  if (block.kind === 'list')
    return (
      <ul>
        {block.items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    );
  return (
    <div className="policy-table" role="region" aria-label={block.head.join(', ')} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {block.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} data-label={block.head[j]}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const PrivacyPolicy: BlockComponent<'privacy'> = (p) => {
  const level = sectionLevel(p.first);
  const sub = level === 1 ? 2 : 3;
  return (
    <Section id={p.id} tone={p.tone} className="richtext">
      <div className="prose policy">
        <Heading level={level}>{p.heading}</Heading>
        {p.intro && <p>{p.intro}</p>}
        {p.sitePolicy ? (
          p.sitePolicy.sections.map((s) => (
            <section key={s.id} aria-labelledby={`${p.id}-${s.id}`}>
              <Heading level={sub as 2 | 3}>
                <span id={`${p.id}-${s.id}`}>{s.title}</span>
              </Heading>
              {s.blocks.map((b, i) => (
                <Part key={i} block={b} />
              ))}
            </section>
          ))
        ) : (
          <p>
            <em>
              Atrium writes this notice when you publish, from what the site really does: its forms and their fields, visit statistics, embedded content and
              custom code, the cookie table and your data region. It updates itself at every publish.
            </em>
          </p>
        )}
      </div>
    </Section>
  );
};
