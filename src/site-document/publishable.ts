// What a draft may hold but a release may not: blocks still waiting to be
// filled in. The schema accepts them so autosave never loses later edits;
// publishing asks this module and refuses with sentences naming each block.
import type { FieldIssue } from '../lib/errors.js';
import type { SiteDocument } from './schema.js';

export const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** "Home page" or "Pricing page (/pricing)": how a person finds the page in the editor. */
export const pageLabel = (page: { path: string; title: string }) => (page.path === '/' ? 'Home page' : `${page.title} page (${page.path})`);

/** Every block that cannot be published yet, as a path into the document and a sentence naming page and block. */
export function unfinishedBlocks(doc: SiteDocument): FieldIssue[] {
  const issues: FieldIssue[] = [];
  doc.pages.forEach((page, i) =>
    page.blocks.forEach((block, j) => {
      if (block.type === 'image' && !block.props.image)
        issues.push({
          path: `document.pages.${i}.blocks.${j}.props.image`,
          message: `${pageLabel(page)}: the Image block (${ordinal(j + 1)}) has no image; choose one or remove the block.`,
        });
    }),
  );
  return issues;
}
