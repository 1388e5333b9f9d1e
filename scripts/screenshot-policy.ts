// The privacy documents' screenshots, taken from a real Atrium (a test server
// with its own data dir, configured with two regions of its own) in Debian's
// Chromium, into docs/screenshots (whole pages):
//   policy-1280.png, policy-375.png                  the platform policy at /privacy
//   site-notice-fr-1280.png, site-notice-fr-375.png  a French site's generated privacy notice
// Usage: npx tsx scripts/screenshot-policy.ts [out dir]
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, settle } from '../test/helpers/browser.js';
import { signUpVerified } from '../test/helpers/http.js';
import { startTestServer } from '../test/helpers/server.js';

const OUT = process.argv[2] ?? 'docs/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const t = await startTestServer({
  LOG_LEVEL: 'error',
  ATRIUM_OPERATOR_NAME: 'Northwind Hosting GmbH',
  ATRIUM_OPERATOR_ADDRESS: 'Hafenstraße 12, 20457 Hamburg, Germany',
  ATRIUM_PRIVACY_CONTACT: 'privacy@northwind.example',
  ATRIUM_DATA_LOCATION: 'Frankfurt am Main, Germany',
  ATRIUM_REGIONS: 'eu-frankfurt,ch-zurich',
  ATRIUM_REGION_EU_FRANKFURT_NAME: 'European Union (Frankfurt)',
  ATRIUM_REGION_EU_FRANKFURT_LOCATION: 'Frankfurt am Main, Germany',
  ATRIUM_REGION_CH_ZURICH_NAME: 'Switzerland (Zurich)',
  ATRIUM_REGION_CH_ZURICH_LOCATION: 'Zurich, Switzerland',
});
const owner = t.client();
await signUpVerified(owner, t.smtp, 'shots@example.com', 'Ada Lovelace');

const site = (await owner.post('/api/sites', { name: 'Atelier Lumen', slug: 'lumen', template: 'saas', region: 'eu-frankfurt', defaultLanguage: 'fr' })).json;
const doc = site.document;
doc.navigation.brand = 'Atelier Lumen';
doc.navigation.links = [
  { label: 'Services', href: '/' },
  { label: 'Confidentialité', href: '/privacy' },
];
doc.navigation.cta = { label: 'Nous écrire', href: '/' };
const privacy = doc.pages.find((p: { path: string }) => p.path === '/privacy');
privacy.title = 'Confidentialité';
// What a French subscriber would have written over the template's English; the notice itself is generated.
privacy.blocks = privacy.blocks.filter((b: { type: string }) => b.type === 'privacy');
Object.assign(privacy.blocks[0].props, {
  heading: 'Comment ce site traite vos données',
  intro: 'Rédigé à partir de ce que ce site fait réellement, et mis à jour à chaque modification.',
  contact: 'confidentialite@lumen.example',
});
const home = doc.pages.find((p: { path: string }) => p.path === '/');
home.title = 'Accueil';
home.blocks = [
  {
    type: 'form',
    props: {
      id: 'contact',
      heading: 'Écrivez-nous',
      fields: [
        { name: 'email', type: 'email', label: 'Votre e-mail', required: true },
        { name: 'message', type: 'textarea', label: 'Votre message', required: true },
      ],
      buttonLabel: 'Envoyer',
    },
  },
];
doc.pages = [home, privacy];
doc.footer.columns = [];
doc.footer.tagline = 'Atelier de design et de développement web à Lyon.';
doc.footer.legal = '© 2026 Atelier Lumen';
doc.forms = { retentionMonths: 12 };
const saved = await owner.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
const published = await owner.post(`/api/sites/${site.id}/publish`);
if (saved.status !== 200 || published.status !== 201) throw new Error(`not published: ${saved.text} ${published.text}`);

const browser = await launchChromium();
try {
  for (const [name, url] of [
    ['policy', `${t.baseUrl}/privacy`],
    ['site-notice-fr', `http://lumen.localhost:${t.port}/privacy`],
  ] as const)
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(url);
      await settle(page);
      const file = path.join(OUT, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await page.close();
    }
} finally {
  await browser.close();
  await t.close();
}
