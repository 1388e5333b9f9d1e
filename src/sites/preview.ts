// The part of a site document a dashboard thumbnail needs: theme, brand and the
// home page's hero. Sent with site and template lists so thumbnails cost no
// extra requests and no full documents.
import type { SiteDocument } from '../site-document/schema.js';

export function documentPreview(doc: SiteDocument) {
  const home = doc.pages.find((p) => p.path === '/') ?? doc.pages[0]!;
  const hero = home.blocks.find((b) => b.type === 'hero');
  return {
    theme: doc.theme,
    navigation: { brand: doc.navigation.brand, logo: doc.navigation.logo, links: doc.navigation.links },
    pages: [{ path: '/', title: home.title, blocks: hero ? [hero] : [] }],
  };
}
