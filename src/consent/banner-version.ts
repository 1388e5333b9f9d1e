// The version of a site's banner: a hash of exactly what a visitor is shown
// and how the banner behaves (mode, the categories it offers, the GPC
// setting, the language and every string, subscriber wording applied). The
// renderer writes it into pages (data-version) and renders the banner from
// `text`; a consent record stores the version, and the text itself is stored
// once per version, so a record proves which words the visitor answered.
import { sha256 } from '../lib/ids.js';
import { canonicalJson } from '../lib/canonical-json.js';
import type { OptionalCategory, SiteDocument } from '../site-document/schema.js';
import { siteCategories } from './page-needs.js';
import { consentStrings } from './strings.js';

export interface BannerText {
  /** The page language the banner is shown in, as the page declares it ("en", "pt-BR"). */
  lang: string;
  mode: SiteDocument['consent']['mode'];
  /** The categories the banner offers, in banner order (necessary is always on and not listed). */
  categories: OptionalCategory[];
  gpcRefusesAnalytics: boolean;
  /** The banner's words; `{site}` and `{categories}` are filled in where they are shown. */
  strings: {
    title: string;
    /** The body shown in this mode (the notice text in mode notice), the subscriber's override applied. */
    body: string;
    acceptAll: string;
    rejectAll: string;
    choose: string;
    save: string;
    ok: string;
    close: string;
    gpcHonoured: string;
    alwaysOn: string;
    /** Necessary plus each offered category: name and description. */
    categories: Partial<Record<'necessary' | OptionalCategory, { name: string; description: string }>>;
  };
}

/** What a banner in `lang` shows and does, and its version (sha256 of the canonical JSON of that). */
export function bannerVersion(doc: SiteDocument, lang: string): { version: string; text: BannerText } {
  const s = consentStrings(lang);
  const own = doc.consent.wording[lang] ?? {};
  const categories = siteCategories(doc);
  const text: BannerText = {
    lang,
    mode: doc.consent.mode,
    categories,
    gpcRefusesAnalytics: doc.consent.gpcRefusesAnalytics,
    strings: {
      title: own.title ?? s.title,
      body: own.body ?? (doc.consent.mode === 'notice' ? s.noticeBody : s.body),
      acceptAll: own.acceptAll ?? s.acceptAll,
      rejectAll: own.rejectAll ?? s.rejectAll,
      choose: own.choose ?? s.choose,
      save: own.save ?? s.save,
      ok: s.ok,
      close: s.close,
      gpcHonoured: s.gpcHonoured,
      alwaysOn: s.alwaysOn,
      categories: Object.fromEntries((['necessary', ...categories] as const).map((c) => [c, s.categories[c]])),
    },
  };
  return { version: sha256(canonicalJson(text)), text };
}
