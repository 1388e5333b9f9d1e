// The consent budget: the consent runtime, its styles and the banner markup add
// at most 4 KB (brotli) to a page. Measured on the largest case Atrium ships:
// a template with an embed and snippets in all three categories, the GPC note,
// declared cookies, in every shipped language; at the brotli quality releases
// are stored with (11), the sum of what a first visit downloads more.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONSENT_LANGUAGES } from '../../src/consent/strings.js';
import { buildFiles } from '../../src/publishing/build-files.js';
import { buildCss } from '../../src/rendering/css.js';
import { runtimeScript } from '../../src/runtime/index.js';
import { SiteDocument } from '../../src/site-document/schema.js';
import { TEMPLATES } from '../../src/templates/index.js';

const BUDGET = 4096;
const br = (text: string | Buffer) => zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function doc(lang: string, mode: 'categories' | 'off') {
  const d = TEMPLATES.saas!.document('Acme');
  d.defaultLanguage = lang;
  d.consent = { mode, gpcRefusesAnalytics: true, wording: {} };
  const snippet = (id: string, category: 'functional' | 'analytics' | 'marketing', cookie: string) => ({
    id,
    name: id,
    placement: 'body' as const,
    category,
    code: `<script src="https://${id}.example/tag.js" async></script>`,
    origins: [],
    cookies: [{ name: cookie, purpose: 'Measured for the budget.', days: 90 }],
  });
  d.snippets = [snippet('chat', 'functional', '_chat_id'), snippet('stats', 'analytics', '_st_*'), snippet('ads', 'marketing', '_ads_id')];
  d.pages[0]!.blocks.splice(1, 0, {
    type: 'embed',
    props: {
      id: 'tour',
      provider: 'youtube',
      url: 'https://youtu.be/dQw4w9WgXcQ',
      title: 'Product tour',
      aspect: '16:9',
      category: 'marketing',
      tone: 'default',
    },
  });
  return SiteDocument.parse(d);
}

const home = (d: SiteDocument) => buildFiles(d, 'http://acme.localhost', 'Acme', new Date('2026-12-03T00:00:00Z')).find((f) => f.path === '/')!.body;

describe('the consent budget', () => {
  it('keeps runtime + styles + banner markup under 4 KB brotli on a page, in every language', () => {
    const runtime = br(runtimeScript('consent'));
    const d = doc('en', 'categories');
    const styles = br(buildCss(d)) - br(buildCss(d, {}, { consent: false }));
    const rows = Object.keys(CONSENT_LANGUAGES).map((lang) => {
      // The same page without the banner, the footer link and the script tag (its embed placeholder stays).
      const markup = br(home(doc(lang, 'categories'))) - br(home(doc(lang, 'off')));
      return { lang, runtime, styles, markup, total: runtime + styles + markup };
    });
    console.table(rows);
    for (const r of rows) {
      expect(r.markup, r.lang).toBeGreaterThan(300); // the banner really is in the page
      expect(r.total, r.lang).toBeLessThanOrEqual(BUDGET);
    }
    expect(styles).toBeGreaterThan(300);
  });
});
