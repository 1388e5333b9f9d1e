// Site settings: download the site as an archive that this or another Atrium imports.
import type { SiteDetail } from '../../api';
import { Link } from '../../router';

export function SiteArchive({ site }: { site: SiteDetail }) {
  return (
    <section className="form-section" aria-labelledby="archive-h">
      <h2 id="archive-h" className="section-title section-title-tight">
        Site archive
      </h2>
      <div className="danger-row danger-row-first">
        <div>
          <h3 className="danger-title">Download site archive</h3>
          <p className="danger-text">
            The draft of {site.name} with its images and the messages visitors sent through its forms, and a list of its releases, domains and webhooks for the
            record: to keep, or to <Link to="/sites/import">import</Link> into this or another Atrium as a new draft. The messages are your visitors’ data: keep
            the file safe.
          </p>
        </div>
        <a className="btn btn-secondary btn-md" href={`/api/sites/${site.id}/export`} download>
          <svg viewBox="0 0 16 16" aria-hidden="true" className="btn-icon">
            <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
          </svg>
          <span>Download archive</span>
        </a>
      </div>
    </section>
  );
}
