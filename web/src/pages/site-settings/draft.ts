// Saving a change to the site's draft document from a settings section: PUT
// with the revision the page loaded, so an edit made meanwhile in the editor
// or another tab is never overwritten. A stale revision reloads the site and
// says so; refused input comes back as an ApiError with its issues, and what
// publishing would still refuse comes back as warnings.
import { api, ok, ApiError, type SiteDocument } from '../../api';
import { withDefaults } from '../../document-defaults';
import type { SiteContext } from '../site-frame';

/** The draft as the shared schema types it and fills it in (what src/consent reads). */
export const schemaDoc = (doc: SiteDocument) => withDefaults(doc);

export interface DraftWarning {
  path: string;
  message: string;
}

export async function saveDraft({ site, reload }: SiteContext, change: (doc: SiteDocument) => SiteDocument): Promise<{ warnings: DraftWarning[] }> {
  const document = change(structuredClone(schemaDoc(site.document)) as unknown as SiteDocument);
  let warnings: DraftWarning[] = [];
  try {
    ({ warnings } = await ok(api.PUT('/api/sites/{siteId}/draft', { params: { path: { siteId: site.id } }, body: { revision: site.revision, document } })));
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      await reload();
      throw new ApiError(
        409,
        'conflict',
        'The draft was changed elsewhere (in the editor or another tab) since this page loaded. We loaded the latest version; save again to apply your change to it.',
      );
    }
    throw e;
  }
  await reload();
  return { warnings };
}
