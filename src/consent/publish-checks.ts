// What publishing refuses about third-party content, each as a path into the
// document and a sentence naming what to fix: an embed without an address or
// with one its provider does not accept, custom code that cannot work under the
// published pages' CSP (src/consent/snippets.ts), and the cookie banner turned
// off while something on the site needs the visitor's consent. Saving a
// draft runs the same checks (draftConsentChecks).
import type { FieldIssue } from '../lib/errors.js';
import { ordinal, pageLabel } from '../site-document/publishable.js';
import { Snippet as SnippetSchema, type Page, type SiteDocument, type Snippet } from '../site-document/schema.js';
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
      message: `This site ${does}, which ${one ? 'needs' : 'need'} the visitor's consent: turn the cookie banner on in Site settings → Privacy & cookies, or remove ${one ? 'it' : 'them'}.`,
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

type SnippetInputs = Pick<Snippet, 'id' | 'code' | 'category' | 'placement'>;

/** The snippets of a stored draft (each read with the schema's defaults), by scope ("site" or a page id) and snippet id. */
function storedSnippets(previous: unknown): Map<string, SnippetInputs> {
  const out = new Map<string, SnippetInputs>();
  const doc = (previous ?? {}) as { snippets?: unknown[]; pages?: { id: string; snippets?: unknown[] }[] };
  const put = (scope: string, raw: unknown) => {
    const s = SnippetSchema.safeParse(raw);
    if (s.success) out.set(`${scope}\n${s.data.id}`, s.data);
  };
  for (const s of doc.snippets ?? []) put('site', s);
  for (const p of doc.pages ?? []) for (const s of p.snippets ?? []) put(p.id, s);
  return out;
}

const SNIPPET_CODE = /^document\.(?:snippets\.(\d+)|pages\.(\d+)\.snippets\.(\d+))\.code$/;

/**
 * What saving a draft says about it, with publishing's own paths and sentences:
 * `refused`, custom code added or changed in this save that publishing would
 * refuse (the save is refused, so the person fixes it while it is in front of
 * them); `warnings`, everything else publishing would still refuse about
 * embeds, custom code and the banner (an Embed block still without its
 * address, code stored before this check, the banner off), which a draft may
 * hold while it is being worked on.
 */
export function draftConsentChecks(doc: SiteDocument, previous: unknown): { refused: FieldIssue[]; warnings: FieldIssue[] } {
  const stored = storedSnippets(previous);
  const refused: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  for (const issue of consentProblems(doc)) {
    const m = SNIPPET_CODE.exec(issue.path);
    if (!m) {
      warnings.push(issue);
      continue;
    }
    const page = m[2] === undefined ? null : doc.pages[Number(m[2])]!;
    const snippet = page ? page.snippets[Number(m[3])]! : doc.snippets[Number(m[1])]!;
    const before = stored.get(`${page ? page.id : 'site'}\n${snippet.id}`);
    const unchanged = before && before.code === snippet.code && before.category === snippet.category && before.placement === snippet.placement;
    (unchanged ? warnings : refused).push(issue);
  }
  return { refused, warnings };
}
