// What on the site waits for the visitor's consent (embeds, and custom code
// outside "necessary"), read from the same list the publisher uses
// (src/consent/page-needs.ts), with where each one is.
import { siteConsentItems, type ConsentItem } from '../../../../src/consent/page-needs';
import type { SiteDocument } from '../../../../src/site-document/schema';
import { pageName } from '../../format';
import { CategoryBadge } from './snippet-summary';

function where(doc: SiteDocument, item: ConsentItem): string {
  if (item.kind === 'snippet') {
    if (doc.snippets.some((s) => s.id === item.id)) return 'Custom code on every page';
    const page = doc.pages.find((p) => p.snippets.some((s) => s.id === item.id));
    return page ? `Custom code on “${pageName(page)}”` : 'Custom code';
  }
  const pages = doc.pages.filter((p) => p.blocks.some((b) => b.type === 'embed' && b.props.provider === item.provider));
  const names = pages.map((p) => `“${pageName(p)}”`);
  return `Embed on ${names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(' and ') || 'a page'}`;
}

export function ConsentNeeds({ doc, id }: { doc: SiteDocument; id: string }) {
  const items = siteConsentItems(doc);
  if (items.length === 0)
    return (
      <p id={id} className="consent-needs-empty">
        Nothing on this site needs consent yet. Embeds and custom code you add appear here with their category.
      </p>
    );
  return (
    <div id={id} className="consent-needs">
      <p className="consent-needs-title">{items.length === 1 ? 'One thing on this site needs consent' : `${items.length} things on this site need consent`}</p>
      <ul className="consent-needs-list">
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`}>
            <span className="consent-need-name">{item.name}</span>
            <span className="consent-need-where">{where(doc, item)}</span>
            <CategoryBadge category={item.category} />
          </li>
        ))}
      </ul>
    </div>
  );
}
