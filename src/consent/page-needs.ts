// What a site and each of its pages hold that needs the visitor's consent:
// embeds (from the provider registry) and snippets of a category other than
// `necessary`. The renderer (which pages load the consent runtime and show the
// banner), the publish check (banner off only when nothing needs consent), the
// cookie table and the consent statistics all read this one list.
import type { OptionalCategory, Page, SiteDocument, Snippet } from '../site-document/schema.js';
import { PROVIDERS, providerName, type ProviderCookie, type ProviderId } from './providers.js';

export interface ConsentItem {
  kind: 'embed' | 'snippet';
  /** The block id of an embed, the snippet id of a snippet. */
  id: string;
  /** As shown to visitors: "YouTube", "maps.example.com", or the snippet's name. */
  name: string;
  category: OptionalCategory;
  provider?: ProviderId;
  cookies: ProviderCookie[];
  policyUrl?: string;
}

function embedItems(page: Page): ConsentItem[] {
  const items: ConsentItem[] = [];
  for (const block of page.blocks) {
    if (block.type !== 'embed') continue;
    const p = PROVIDERS[block.props.provider];
    items.push({
      kind: 'embed',
      id: block.props.id,
      name: providerName(p.id, block.props.url),
      category: p.id === 'iframe' ? block.props.category : p.category,
      provider: p.id,
      cookies: p.cookies,
      ...(p.policyUrl ? { policyUrl: p.policyUrl } : {}),
    });
  }
  return items;
}

function snippetItem(s: Snippet): ConsentItem | null {
  if (s.category === 'necessary') return null;
  return { kind: 'snippet', id: s.id, name: s.name, category: s.category, cookies: s.cookies, ...(s.policyUrl ? { policyUrl: s.policyUrl } : {}) };
}

/** The snippets that run on a page, in order: site-wide first, then the page's own. */
export const pageSnippets = (doc: SiteDocument, page: Page): Snippet[] => [...doc.snippets, ...page.snippets];

/** Everything on one page that waits for consent. */
export function pageConsentItems(doc: SiteDocument, page: Page): ConsentItem[] {
  const snippets = pageSnippets(doc, page)
    .map(snippetItem)
    .filter((i): i is ConsentItem => i !== null);
  return [...snippets, ...embedItems(page)];
}

/** Whether the page loads the consent runtime and shows the banner. Pages with nothing to consent to load no consent script at all. */
export const pageNeedsConsent = (doc: SiteDocument, page: Page) => doc.consent.mode !== 'off' && pageConsentItems(doc, page).length > 0;

/** Everything on the whole site that waits for consent, one entry per snippet and per provider (or iframe host). */
export function siteConsentItems(doc: SiteDocument): ConsentItem[] {
  const byKey = new Map<string, ConsentItem>();
  for (const page of doc.pages)
    for (const item of pageConsentItems(doc, page)) {
      const key = item.kind === 'embed' ? `embed:${item.provider}:${item.name}` : `snippet:${item.id}`;
      if (!byKey.has(key)) byKey.set(key, item);
    }
  return [...byKey.values()];
}

/** The categories the site's banner offers (the ones something on the site belongs to), in banner order. */
export function siteCategories(doc: SiteDocument): OptionalCategory[] {
  const used = new Set(siteConsentItems(doc).map((i) => i.category));
  return (['functional', 'analytics', 'marketing'] as const).filter((c) => used.has(c));
}
