// Account → Your data: what the data-protection rights mean here, self-service.
// Correction is the forms above; access and portability a download; direct
// transfer an import; erasure the account's deletion.
import type { Account } from '../../api';
import { DeleteAccount } from './delete-account';
import { ImportSite } from './import-site';

export function YourData({ account }: { account: Account }) {
  return (
    <section className="form-section your-data" aria-labelledby="your-data-h">
      <h2 id="your-data-h" className="section-title section-title-tight">
        Your data
      </h2>
      <p className="section-hint">
        What Atrium holds about you is yours to see, take, correct and erase, without asking us. Every field of your account above (name, email and password)
        can be changed at any time: that is your right to have it corrected.
      </p>
      <div className="danger-row danger-row-first">
        <div>
          <h3 className="danger-title">Download my data</h3>
          <p className="danger-text">
            A zip with everything we hold about you: account, consents, sessions and workspaces, each site with its pages, releases, images and form messages,
            your privacy requests, and everyone your data was sent to. JSON, with CSV for tables and a README.
          </p>
        </div>
        <a className="btn btn-secondary btn-md" href="/api/account/export" download>
          <svg viewBox="0 0 16 16" aria-hidden="true" className="btn-icon">
            <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
          </svg>
          <span>Download my data</span>
        </a>
      </div>
      <div className="danger-row data-import">
        <div>
          <h3 className="danger-title">Import a site</h3>
          <p className="danger-text">
            Bring a site from this or another Atrium: a site archive, or a whole download like the one above. Each site in it becomes a new draft here, with its
            inbox.
          </p>
        </div>
        <ImportSite id="account-import" />
      </div>
      <DeleteAccount email={account.email} />
    </section>
  );
}
