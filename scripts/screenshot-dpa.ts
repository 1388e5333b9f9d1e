// Screenshots of the data processing agreement from a real Atrium (a test server with its own data dir) in
// Debian's Chromium: the /dpa page, the accept dialog of the publish flow (editor and Releases), Account →
// Data processing agreement, and the dashboard's privacy policy notice banner, each at 1280 and 375 px.
// Build the dashboard first (npm run build:app). Usage: npx tsx scripts/screenshot-dpa.ts [out dir]
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, settle } from '../test/helpers/browser.js';
import { signUpVerified } from '../test/helpers/http.js';
import { startTestServer } from '../test/helpers/server.js';

const OUT = process.argv[2] ?? '/tmp/dpa-shots';
fs.mkdirSync(OUT, { recursive: true });

const t = await startTestServer({ ATRIUM_OPERATOR_NAME: 'Example Hosting Ltd', ATRIUM_OPERATOR_ADDRESS: '1 Main Street, Springfield', LOG_LEVEL: 'error' });
/** A subscriber who has not accepted the agreement, with a draft site that has a contact form. */
async function ownerWithFormSite(email: string) {
  const owner = t.client();
  await signUpVerified(owner, t.smtp, email, 'Ada Lovelace', { acceptDpa: false });
  const site = (await owner.post('/api/sites', { name: 'Acme Robotics', slug: email.split('@')[0], template: 'saas', region: 'de-frankfurt' })).json;
  site.document.pages.push({
    id: 'write',
    path: '/write',
    title: 'Write to us',
    description: '',
    blocks: [
      {
        type: 'form',
        props: {
          id: 'contact',
          heading: 'Write to us',
          fields: [
            { name: 'email', type: 'email', label: 'Email', required: true },
            { name: 'message', type: 'textarea', label: 'Message', required: true },
          ],
          buttonLabel: 'Send',
        },
      },
    ],
  });
  const saved = await owner.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: site.document });
  if (saved.status !== 200) throw new Error(saved.text);
  return { owner, site: site as { id: string } };
}

// A material change of the privacy policy (a new recipient), so the dashboard has a notice to show.
t.env.ATRIUM_TRUST_PROXY = '10.0.0.1';
await t.restart();

const browser: Browser = await launchChromium();
const shot = async (page: Page, name: string, fullPage = false) => {
  await settle(page);
  await page.screenshot({ path: path.join(OUT, name), fullPage });
  console.log(path.join(OUT, name));
};
try {
  for (const width of [1280, 375]) {
    const { owner, site } = await ownerWithFormSite(`acme-${width}@example.com`);
    const context = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 780 }, deviceScaleFactor: width > 500 ? 1 : 2 });
    await context.addCookies([
      { name: 'atrium_session', value: owner.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/dpa`);
    await shot(page, `dpa-page-${width}.png`);
    await page.locator('#security').scrollIntoViewIfNeeded();
    await shot(page, `dpa-page-security-${width}.png`);

    await page.goto(`${t.baseUrl}/app/`);
    await page.getByText('Our privacy policy').waitFor();
    await shot(page, `policy-banner-${width}.png`);

    await page.goto(`${t.baseUrl}/app/sites/${site.id}/releases`);
    await page.getByRole('button', { name: /Publish site/ }).click();
    await page.getByRole('dialog', { name: 'Accept the data processing agreement' }).waitFor();
    await shot(page, `dpa-dialog-releases-${width}.png`);
    await page.getByRole('button', { name: 'Cancel' }).click();

    {
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/edit`);
      await page
        .getByRole('button', { name: /^Publish/ })
        .first()
        .click();
      await page.getByRole('dialog', { name: 'Accept the data processing agreement' }).waitFor();
      await shot(page, `dpa-dialog-editor-${width}.png`);
      await page.getByRole('button', { name: 'Accept and publish' }).click();
      await page.getByText('Your site is live').waitFor();
      await shot(page, `dpa-editor-published-${width}.png`);
    }
    await page.goto(`${t.baseUrl}/app/account`);
    await page.locator('#dpa-h').scrollIntoViewIfNeeded();
    await page.getByText('You accepted').waitFor();
    await shot(page, `dpa-account-${width}.png`);
    if (width === 375) {
      await page.getByRole('button', { name: 'Dismiss the privacy policy notice' }).click();
      await page.getByText('Our privacy policy').waitFor({ state: 'detached' });
      await page.reload();
      await settle(page);
      if (await page.getByText('Our privacy policy').count()) throw new Error('the notice came back after dismissing it');
    }
    await context.close();
  }
} finally {
  await browser.close();
  await t.close();
}
