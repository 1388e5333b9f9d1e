// The operator console: privacy requests made to the platform itself (Atrium as
// the controller of subscriber accounts), for platform staff named in
// ATRIUM_OPERATORS. Requests of a site's visitors never come here: the site's
// team answers those. Others get "page not found", as the API answers them.
import { useCallback, type ReactNode } from 'react';
import { api, ok, type CloseOutcome } from '../../api';
import { Link } from '../../router';
import { useSession } from '../../session';
import { usePage } from '../../ui';
import { RequestDetailView, RequestsView } from '../privacy-requests/views';
import { AccountActions } from './account-actions';

function Console({ title, children }: { title: string; children: ReactNode }) {
  const heading = usePage(title);
  const { state } = useSession();
  if (state.status === 'ready' && !state.operator)
    return (
      <div className="container center-page">
        <h1 ref={heading} tabIndex={-1} className="page-title">
          Page not found
        </h1>
        <p className="muted">This address is not part of the dashboard. It may have moved.</p>
        <Link to="/" className="btn btn-primary btn-md">
          <span>Go to your sites</span>
        </Link>
      </div>
    );
  return (
    <div className="container rq-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <span>Operator console</span>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{title}</span>
      </nav>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        Privacy requests to Atrium
      </h1>
      <p className="page-subtitle">
        Requests about subscriber accounts, filed on the public request page. Visitors of subscribers’ sites ask the site’s owner instead.
      </p>
      <div className="form-top">{children}</div>
    </div>
  );
}

export function OperatorRequestsPage() {
  const load = useCallback(async () => (await ok(api.GET('/api/operator/privacy-requests'))).requests, []);
  return (
    <Console title="Privacy requests">
      <RequestsView
        load={load}
        linkTo={(r) => `/operator/requests/${r.id}`}
        caption="Privacy requests to the platform"
        empty={
          <>
            <h2 className="empty-title">No privacy requests</h2>
            <p className="empty-text">Confirmed requests from the public request page appear here by due date. Operators are told of each by mail.</p>
          </>
        }
      />
    </Console>
  );
}

export function OperatorRequestPage({ requestId }: { requestId: string }) {
  const path = { requestId };
  const load = useCallback(() => ok(api.GET('/api/operator/privacy-requests/{requestId}', { params: { path: { requestId } } })), [requestId]);
  const answer = {
    extend: (reason: string) => ok(api.POST('/api/operator/privacy-requests/{requestId}/extend', { params: { path }, body: { reason } })),
    close: (body: CloseOutcome) => ok(api.POST('/api/operator/privacy-requests/{requestId}/close', { params: { path }, body })),
  };
  return (
    <Console title="Request">
      <RequestDetailView load={load} answer={answer} back={{ to: '/operator', label: 'All requests' }}>
        {(request, reload) => <AccountActions request={request} onDone={reload} />}
      </RequestDetailView>
    </Console>
  );
}
