// What publishing refuses about third-party content, each as a path into the
// document and a sentence naming what to fix: an embed without an address or
// with one its provider does not accept, custom code that cannot work under the
// published pages' CSP (src/consent/snippets.ts), and the cookie banner turned
// off while something on the site needs the visitor's consent.
import type { FieldIssue } from '../lib/errors.js';
import { ordinal, pageLabel } from '../site-document/publishable.js';
import type { Page, SiteDocument, Snippet } from '../site-document/schema.js';
import { siteConsentItems } from './page-needs.js';
import { PROVIDERS } from './providers.js';
import { renderSnippet } from './snippets.js';

const sentence = (s: string) => (/[.…]$/.test(s) ? s : `${s}.`);

/** "a", "a and b", "a, b and c" */
const listOf = (items: string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

function embedIssues(page: Page, i: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  page.blocks.forEach((block, j) => {
    if (block.type !== 'embed') return;
    const provider = PROVIDERS[block.props.provider];
    const path = `document.pages.${i}.blocks.${j}.props.url`;
    const where = `${pageLabel(page)}: the Embed block (${ordinal(j + 1)})`;
    if (!block.props.url) {
      const what = provider.id === 'iframe' ? 'the https:// address of the page to embed' : `a ${provider.name} link`;
      issues.push({ path, message: `${where} has no address yet; paste ${what} or remove the block.` });
      return;
    }
    const checked = provider.embedUrl(block.props.url);
    if ('error' in checked) issues.push({ path, message: sentence(`${pageLabel(page)}: the address in the Embed block (${ordinal(j + 1)}) ${checked.error}`) });
  });
  return issues;
}

function snippetIssue(snippet: Snippet, path: string, where: string): FieldIssue[] {
  const r = renderSnippet(snippet);
  return 'error' in r ? [{ path: `${path}.code`, message: sentence(`${where} "${snippet.name}" cannot be published: ${r.error}`) }] : [];
}

/** "This site embeds YouTube and runs the snippet "Plausible", which need the visitor's consent: …" */
function bannerOffIssue(doc: SiteDocument): FieldIssue[] {
  if (doc.consent.mode !== 'off') return [];
  const items = siteConsentItems(doc);
  if (!items.length) return [];
  const embeds = [...new Set(items.filter((i) => i.kind === 'embed').map((i) => i.name))];
  const snippets = [...new Set(items.filter((i) => i.kind === 'snippet').map((i) => `"${i.name}"`))];
  const does = [
    ...(embeds.length ? [`embeds ${listOf(embeds)}`] : []),
    ...(snippets.length ? [`runs the snippet${snippets.length > 1 ? 's' : ''} ${listOf(snippets)}`] : []),
  ].join(' and ');
  const one = embeds.length + snippets.length === 1;
  return [
    {
      path: 'document.consent.mode',
      message: `This site ${does}, which ${one ? 'needs' : 'need'} the visitor's consent: turn the cookie banner on in Site settings → Privacy, or remove ${one ? 'it' : 'them'}.`,
    },
  ];
}

/** Everything about embeds, custom code and the banner that stops the draft from being published, in document order. */
export function consentProblems(doc: SiteDocument): FieldIssue[] {
  return [
    ...doc.snippets.flatMap((s, i) => snippetIssue(s, `document.snippets.${i}`, 'The site-wide snippet')),
    ...doc.pages.flatMap((page, i) => [
      ...embedIssues(page, i),
      ...page.snippets.flatMap((s, j) => snippetIssue(s, `document.pages.${i}.snippets.${j}`, `${pageLabel(page)}: the snippet`)),
    ]),
    ...bannerOffIssue(doc),
  ];
}
