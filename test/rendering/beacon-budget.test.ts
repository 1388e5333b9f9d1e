// The analytics beacon's budget: at most 600 bytes brotli (quality 11, as
// releases are stored), against Plausible's ~2.5 KB and Umami's ~2 KB; and it
// is in a release only when the site turns it on, as one deferred same-origin
// script on each page.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildFiles } from '../../src/publishing/build-files.js';
import { runtimePath, runtimeScript } from '../../src/runtime/index.js';
import { SiteDocument } from '../../src/site-document/schema.js';
import { TEMPLATES } from '../../src/templates/index.js';

const BUDGET = 600;
const br = (text: string | Buffer) => zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const files = (beacon: boolean) => {
  const d = TEMPLATES.saas!.document('Acme');
  d.analytics = { beacon };
  return buildFiles(SiteDocument.parse(d), 'http://acme.localhost', 'Acme', new Date('2026-12-03T00:00:00Z'));
};

describe('the analytics beacon', () => {
  it('weighs at most 600 bytes brotli', () => {
    const size = br(runtimeScript('beacon'));
    console.log(`beacon: ${runtimeScript('beacon').length} bytes minified, ${size} bytes brotli`);
    expect(size).toBeGreaterThan(200); // the real script, not an empty file
    expect(size).toBeLessThanOrEqual(BUDGET);
  });

  it('is in a release only when the site turns it on, once on every page', () => {
    const path = runtimePath('beacon');
    expect(files(false).some((f) => f.path === path || f.body.includes('/_atrium/beacon.'))).toBe(false);
    const on = files(true);
    expect(on.filter((f) => f.path === path)).toHaveLength(1);
    const pages = on.filter((f) => f.type.startsWith('text/html') && !f.path.startsWith('/_atrium/') && f.path !== ':404');
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(p.body.toString().split(`<script src="${path}" defer></script>`)).toHaveLength(2);
      expect(p.csp).toMatch(/script-src 'self'.*connect-src 'self'/);
    }
  });
});
