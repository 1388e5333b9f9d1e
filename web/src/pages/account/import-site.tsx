// Importing sites from a zip: one site's archive, or a whole "Download my data"
// export (from this Atrium or another). Each site in it becomes a new draft.
import { useState } from 'react';
import { api, ok, errorMessage, rawBody, type SiteDetail } from '../../api';
import { formatBytes } from '../../format';
import { Link } from '../../router';
import { Alert, Spinner } from '../../ui';

type State =
  { status: 'idle' } | { status: 'busy'; name: string; size: number } | { status: 'error'; message: string } | { status: 'done'; sites: SiteDetail[] };

export function ImportSite({ id = 'import-zip' }: { id?: string }) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const upload = async (file: File) => {
    setState({ status: 'busy', name: file.name, size: file.size });
    try {
      // Browsers label zips differently (application/x-zip-compressed on Windows); the API takes application/zip.
      const zip = new Blob([file], { type: 'application/zip' });
      const r = await ok(api.POST('/api/sites/import', { ...rawBody(zip), params: { query: {} } }));
      setState({ status: 'done', sites: r.sites });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e, 'The archive could not be imported. Try again.') });
    }
  };

  return (
    <div className="import-site">
      <div className="import-row">
        {/* The input comes first, so its focus ring can be drawn on the label after it. */}
        <input
          id={id}
          type="file"
          accept=".zip,application/zip"
          className="import-input"
          disabled={state.status === 'busy'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void upload(file);
          }}
        />
        <label htmlFor={id} className={`btn btn-secondary btn-md import-pick${state.status === 'busy' ? ' is-busy' : ''}`}>
          {state.status === 'busy' ? (
            <Spinner />
          ) : (
            <svg viewBox="0 0 16 16" aria-hidden="true" className="btn-icon">
              <path d="M8 10.5v-8M4.5 6 8 2.5 11.5 6M3 13.5h10" />
            </svg>
          )}
          <span>{state.status === 'busy' ? 'Importing…' : 'Choose a zip to import'}</span>
        </label>
        {state.status === 'busy' && (
          <span className="import-file" role="status">
            {state.name} · {formatBytes(state.size)}
          </span>
        )}
      </div>
      {state.status === 'error' && <Alert title="Nothing was imported">{state.message}</Alert>}
      {state.status === 'done' && (
        <Alert tone="success" title={state.sites.length === 1 ? 'One site imported as a draft' : `${state.sites.length} sites imported as drafts`}>
          <ul className="import-done">
            {state.sites.map((s) => (
              <li key={s.id}>
                <Link to={`/sites/${s.id}/edit`}>{s.name}</Link>: publish it when it is ready.
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
