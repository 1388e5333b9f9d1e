// Drafts saved before custom code, the consent and analytics settings and
// languages existed lack those fields (the API answers a draft as it was
// stored); the screens read the document as the schema fills it in, with the
// same defaults.
import type { SiteDocument } from '../../src/site-document/schema';

type Stored = Omit<
  SiteDocument,
  'consent' | 'snippets' | 'analytics' | 'organization' | 'redirects' | 'pages' | 'languages' | 'translations' | 'rootLanguage'
> &
  Partial<Pick<SiteDocument, 'consent' | 'snippets' | 'analytics' | 'organization' | 'redirects' | 'languages' | 'translations' | 'rootLanguage'>> & {
    pages: (Omit<SiteDocument['pages'][number], 'snippets' | 'translations'> & { snippets?: unknown[]; translations?: unknown })[];
  };

export function withDefaults(stored: unknown): SiteDocument {
  const doc = stored as Stored;
  if (
    doc.consent &&
    doc.snippets &&
    doc.analytics &&
    doc.organization &&
    doc.redirects &&
    doc.languages &&
    doc.translations &&
    doc.rootLanguage &&
    doc.pages.every((p) => p.snippets && p.translations)
  )
    return doc as SiteDocument;
  return {
    ...doc,
    consent: doc.consent ?? { mode: 'categories', gpcRefusesAnalytics: false, wording: {} },
    snippets: doc.snippets ?? [],
    analytics: doc.analytics ?? { beacon: false },
    organization: doc.organization ?? { sameAs: [] },
    redirects: doc.redirects ?? [],
    languages: doc.languages ?? [],
    translations: doc.translations ?? {},
    rootLanguage: doc.rootLanguage ?? 'default',
    pages: doc.pages.map((p) => ({ ...p, snippets: p.snippets ?? [], translations: p.translations ?? {} })),
  } as SiteDocument;
}
