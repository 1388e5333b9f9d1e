// The forms of a published release, found in the document it was rendered
// from: what a submission is validated against is exactly what the visitor saw.
import { createHash } from 'node:crypto';
import type { BlockProps, SiteDocument, TextByPath } from '../site-document/schema.js';
import { TRANSLATABLE, withText } from '../site-document/translations.js';

export type FormProps = BlockProps<'form'>;

export interface PublishedForm {
  id: string;
  pagePath: string;
  /** Hash of the field definitions: stored with each submission, so old answers stay interpretable. */
  version: string;
  props: FormProps;
  /** The form's text in the site's further languages (labels, button, success message), by language. */
  translations?: Record<string, TextByPath>;
}

/** The form as a visitor of `lang` saw it: its labels and success message in that language. */
export const formIn = (form: PublishedForm, lang: string | undefined): FormProps =>
  lang ? withText(form.props, form.translations?.[lang], TRANSLATABLE.form) : form.props;

export function formsOf(doc: SiteDocument): Map<string, PublishedForm> {
  const forms = new Map<string, PublishedForm>();
  for (const page of doc.pages)
    for (const block of page.blocks)
      if (block.type === 'form' && !forms.has(block.props.id)) {
        const version = createHash('sha256').update(JSON.stringify(block.props.fields)).digest('hex').slice(0, 12);
        const translations = Object.fromEntries(
          Object.entries(page.translations)
            .filter(([lang, t]) => doc.languages.includes(lang) && t.blocks[block.props.id])
            .map(([lang, t]) => [lang, t.blocks[block.props.id]!]),
        );
        forms.set(block.props.id, {
          id: block.props.id,
          pagePath: page.path,
          version,
          props: block.props,
          ...(Object.keys(translations).length ? { translations } : {}),
        });
      }
  return forms;
}

export const pageHasForm = (page: SiteDocument['pages'][number]) => page.blocks.some((b) => b.type === 'form');

/**
 * The forms of a stored release, as recorded in its manifest at publish time
 * (releases from before manifests recorded them fall back to their document).
 */
export function releaseForms(release: { manifest: string; document: string }): Map<string, PublishedForm> {
  const manifest = JSON.parse(release.manifest) as { forms?: Record<string, PublishedForm> };
  if (manifest.forms) return new Map(Object.entries(manifest.forms));
  return formsOf(JSON.parse(release.document) as SiteDocument);
}
