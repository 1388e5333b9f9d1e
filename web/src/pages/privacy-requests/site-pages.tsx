// A site's Privacy requests: what its visitors asked about their data (filed
// and confirmed on the site's own address), waiting ones first by due date;
// and one request, where the site's team finds, downloads, corrects or erases
// the visitor's data and answers in writing. The platform's staff never see these.
import { useCallback } from 'react';
import { api, ok, type CloseOutcome, type PrivacyRequest, type SiteDetail } from '../../api';
import { refreshRequestCounts } from '../../privacy-counts';
import { SiteFrame } from '../site-frame';
import { RequestDetailView, RequestsView } from './views';
import { VisitorDataSection } from './visitor-data';

function EmptyRequests({ site }: { site: SiteDetail }) {
  return (
    <>
      <div className="rq-empty-art" aria-hidden="true">
        <svg viewBox="0 0 48 48">
          <path d="M24 5 39 11v11c0 9.5-6.4 17.6-15 20.5C15.4 39.6 9 31.5 9 22V11Z" />
          <path d="m17.5 24 4.5 4.5 8.5-9" />
        </svg>
      </div>
      <h2 className="empty-title">No privacy requests</h2>
      <p className="empty-text">
        When a visitor of {site.name} asks to see, correct or erase what they sent you, and confirms their address, the request appears here with its deadline.
        You are told by mail too.
      </p>
    </>
  );
}

export function SitePrivacyRequestsPage({ siteId }: { siteId: string }) {
  const load = useCallback(async () => {
    const r = await ok(api.GET('/api/sites/{siteId}/privacy-requests', { params: { path: { siteId } } }));
    void refreshRequestCounts(siteId);
    return r.requests;
  }, [siteId]);
  return (
    <SiteFrame siteId={siteId} tab="privacy-requests" title="Privacy requests">
      {({ site }) => (
        <div className="rq-page">
          <div className="rq-intro">
            <h2 className="section-title section-title-tight">Privacy requests</h2>
            <p className="section-hint">
              You decide how to answer your visitors; the law sets the deadline by where they live. Answer before it, or extend it once, in writing, before it
              passes.
            </p>
          </div>
          <RequestsView
            load={load}
            linkTo={(r: PrivacyRequest) => `/sites/${siteId}/privacy-requests/${r.id}`}
            caption={`Privacy requests of ${site.name}`}
            empty={<EmptyRequests site={site} />}
          />
        </div>
      )}
    </SiteFrame>
  );
}

export function SitePrivacyRequestPage({ siteId, requestId }: { siteId: string; requestId: string }) {
  const path = { siteId, requestId };
  const load = useCallback(
    () => ok(api.GET('/api/sites/{siteId}/privacy-requests/{requestId}', { params: { path: { siteId, requestId } } })),
    [siteId, requestId],
  );
  const answer = {
    extend: (reason: string) => ok(api.POST('/api/sites/{siteId}/privacy-requests/{requestId}/extend', { params: { path }, body: { reason } })),
    close: (body: CloseOutcome) => ok(api.POST('/api/sites/{siteId}/privacy-requests/{requestId}/close', { params: { path }, body })),
  };
  return (
    <SiteFrame siteId={siteId} tab="privacy-requests" title="Privacy request">
      {() => (
        <RequestDetailView
          load={load}
          answer={answer}
          back={{ to: `/sites/${siteId}/privacy-requests`, label: 'All privacy requests' }}
          onAnswered={() => void refreshRequestCounts(siteId)}
        >
          {(request, reload) => <VisitorDataSection siteId={siteId} request={request} onChanged={reload} />}
        </RequestDetailView>
      )}
    </SiteFrame>
  );
}
