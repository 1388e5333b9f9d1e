// /sites/import: importing sites from a zip, reached from the sites list.
import { Link } from '../../router';
import { usePage } from '../../ui';
import { ImportSite } from './import-site';

export function ImportSitePage() {
  const heading = usePage('Import a site');
  return (
    <div className="container narrow-form">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Sites</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Import</span>
      </nav>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        Import a site
      </h1>
      <p className="page-subtitle">
        From this Atrium or another one. Each site in the zip becomes a new draft with its inbox; nothing is published until you say so.
      </p>
      <section className="form-section form-top import-section" aria-label="Choose the archive">
        <ol className="import-steps">
          <li>
            In the other Atrium, download the site from its Settings (<em>Download archive</em>), or everything from Account → <em>Download my data</em>.
          </li>
          <li>Choose that zip here. Images are checked against their fingerprints; a damaged archive imports nothing.</li>
        </ol>
        <ImportSite />
      </section>
    </div>
  );
}
