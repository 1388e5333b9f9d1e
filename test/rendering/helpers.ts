import { SiteDocument, type SiteDocumentInput } from '../../src/site-document/schema.js';
import { THEMES } from '../../src/themes/index.js';

/** A minimal valid document whose pages are given as raw blocks. */
export function docWith(pages: SiteDocumentInput['pages'], extra: Partial<SiteDocumentInput> = {}): SiteDocument {
  return SiteDocument.parse({
    version: 1,
    defaultLanguage: 'en',
    theme: THEMES.indigo,
    navigation: { links: [{ label: 'Pricing', href: '/pricing' }], cta: { label: 'Start', href: '/start' } },
    footer: { columns: [], legal: '© Test' },
    ...extra,
    pages,
  });
}

export const count = (html: string, re: RegExp) => (html.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')) ?? []).length;

/** The page without its JSON-LD data block (search engines' structured data: never run, allowed by the CSP). */
export const withoutStructuredData = (html: string) => html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '');
