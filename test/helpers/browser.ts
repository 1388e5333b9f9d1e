// Debian's Chromium driven by playwright-core; never a downloaded browser.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Collects what a page reports as wrong: CSP violations, console errors and
 * uncaught exceptions. Failed loads with an `expected` status (answers the
 * screens handle, like a 4xx for a wrong password) are not problems.
 */
export async function watchProblems(context: BrowserContext, expected = /4\d\d/): Promise<string[]> {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const handled = new RegExp(`Failed to load resource: the server responded with a status of ${expected.source}`);
  context.on('console', (m) => {
    if (m.type() === 'error' && !handled.test(m.text())) problems.push(m.text());
  });
  context.on('weberror', (e) => problems.push(String(e.error())));
  return problems;
}

/** axe-core's serious and critical violations on the page, one line each. It runs over DevTools, so the page's CSP does not block it. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  return page.evaluate(async (source) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const w = window as unknown as { axe?: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } };
    if (!w.axe) (0, eval)(source);
    const r = await w.axe!.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_SOURCE);
}

/** Waits for fonts and for finite animations (dialogs fading in) so contrast and screenshots are final. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        // An animation cancelled meanwhile (its element went away) rejects: that is settled too.
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
