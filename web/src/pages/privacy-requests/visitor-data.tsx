// What the site holds about a visitor who filed a request: found by their
// address in the site's data region (form messages, their deliveries and queued
// work) and, given the id from the site's cookie settings page, their consent
// records. From here the owner downloads it for them, corrects a field or
// erases it (webhooks are told with a signed privacy.erasure event).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ok, errorMessage, type ErasureResult, type PrivacyRequest, type VisitorData } from '../../api';
import { displayHost, formatDateTime } from '../../format';
import { toast } from '../../toast';
import { Alert, Button } from '../../ui';
import { Icon, ICONS } from '../inbox/parts';
import { EraseDialog } from './erase-dialog';
import { isActive } from './model';
import { RectifyDialog } from './rectify-dialog';

type Find = { status: 'idle' } | { status: 'busy' } | { status: 'error'; message: string } | { status: 'ready'; data: VisitorData; consentId: string };
type Submission = VisitorData['submissions'][number];

const yesNo = (b: boolean) => (b ? 'Allowed' : 'Refused');

/** The outside parties of the sub-processor registry (src/privacy/sub-processors.ts), by id. */
const PARTIES: Record<string, string> = { mail: 'The mail service', webhooks: 'A webhook endpoint of the site', dns: 'DNS resolvers' };
const OUTCOMES: Record<string, string> = { sent: 'Delivered', failed: 'Failed (part may have arrived)' };

/** A table that may scroll sideways on a phone: focusable, so the keyboard can scroll it too. */
function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rq-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function download(request: PrivacyRequest, data: VisitorData) {
  const file = {
    request: { id: request.id, type: request.type, email: request.email, receivedAt: request.receivedAt },
    exportedAt: new Date().toISOString(),
    ...data,
  };
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `privacy-request-${request.id}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Each message as a card: when and where it was sent, every field it holds, and a way to correct one. */
function Submissions({ rows, canEdit, onCorrect }: { rows: Submission[]; canEdit: boolean; onCorrect: (s: Submission) => void }) {
  return (
    <section className="rq-messages" aria-labelledby="rq-messages-h">
      <h4 id="rq-messages-h" className="rq-data-title">
        Form messages ({rows.length})
      </h4>
      <ol className="rq-message-list">
        {rows.map((s, i) => (
          <li key={s.id} className="rq-message">
            <div className="rq-message-head">
              <span className="rq-message-what">
                <strong>Message {i + 1}</strong> · {formatDateTime(s.createdAt)} · {s.page}
              </span>
              {canEdit && (
                <Button variant="ghost" size="sm" onClick={() => onCorrect(s)}>
                  Correct a field<span className="visually-hidden"> of message {i + 1}</span>
                </Button>
              )}
            </div>
            <dl className="rq-fields">
              {Object.entries(s.data).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Found({ data, endpoints }: { data: VisitorData; endpoints: Record<string, string> }) {
  const messageNo = (id: string | null) => {
    const i = data.submissions.findIndex((s) => s.id === id);
    return i < 0 ? '—' : `Message ${i + 1}`;
  };
  return (
    <>
      {data.deliveries.length > 0 && (
        <TableWrap label="Webhook deliveries">
          <table className="rq-data-table">
            <caption>Webhook deliveries of these messages ({data.deliveries.length})</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Message</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Try</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((d, i) => (
                <tr key={i}>
                  <td className="rq-nowrap">{formatDateTime(d.at)}</td>
                  <td className="rq-nowrap">{messageNo(d.submissionId)}</td>
                  <td>{endpoints[d.webhookId] ?? <code>{d.webhookId}</code>}</td>
                  <td>{d.attempt}</td>
                  <td className="rq-nowrap">{d.statusCode ?? 'none'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {data.queued.length > 0 && (
        <TableWrap label="Queued mail and webhook posts">
          <table className="rq-data-table">
            <caption>Mail and webhook posts held in the queue ({data.queued.length})</caption>
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">Message</th>
                <th scope="col">Kind</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {data.queued.map((j) => (
                <tr key={j.id}>
                  <td className="rq-nowrap">{formatDateTime(j.createdAt)}</td>
                  <td className="rq-nowrap">{messageNo(j.submissionId)}</td>
                  <td>{j.kind === 'webhook' ? 'Webhook post' : j.kind === 'mail' ? 'Notification mail' : j.kind}</td>
                  <td>{j.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {(data.disclosures ?? []).length > 0 && (
        <TableWrap label="Sent to outside parties">
          <table className="rq-data-table">
            <caption>Sent to outside parties ({data.disclosures.length}): when their data left Atrium, never what it said</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {data.disclosures.map((d, i) => (
                <tr key={i}>
                  <td className="rq-nowrap">{formatDateTime(d.at)}</td>
                  <td>{PARTIES[d.party] ?? d.party}</td>
                  <td>{d.what.charAt(0).toUpperCase() + d.what.slice(1)}</td>
                  <td>{OUTCOMES[d.outcome] ?? d.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {data.consentRecords.length > 0 && (
        <TableWrap label="Cookie choices">
          <table className="rq-data-table">
            <caption>Cookie choices ({data.consentRecords.length})</caption>
            <thead>
              <tr>
                <th scope="col">Chosen</th>
                <th scope="col">Functional</th>
                <th scope="col">Analytics</th>
                <th scope="col">Marketing</th>
                <th scope="col">GPC</th>
              </tr>
            </thead>
            <tbody>
              {data.consentRecords.map((c) => (
                <tr key={c.id}>
                  <td>
                    <span className="rq-nowrap">{formatDateTime(c.createdAt)}</span>
                    <code className="rq-record-id">{c.id}</code>
                  </td>
                  <td>{yesNo(c.functional)}</td>
                  <td>{yesNo(c.analytics)}</td>
                  <td>{yesNo(c.marketing)}</td>
                  <td>{c.gpc ? 'Sent' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p className="rq-notes-label">Notes for the requester, included in the file:</p>
      <ul className="rq-notes">
        {data.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}

export function VisitorDataSection({ siteId, request, onChanged }: { siteId: string; request: PrivacyRequest; onChanged: () => void }) {
  const [consentId, setConsentId] = useState('');
  const [find, setFind] = useState<Find>({ status: 'idle' });
  const [correcting, setCorrecting] = useState<Submission | null>(null);
  const [erasing, setErasing] = useState(false);
  const [erased, setErased] = useState<ErasureResult | null>(null);
  const [webhooks, setWebhooks] = useState<Record<string, string> | null>(null);
  const active = isActive(request);
  const path = { siteId, requestId: request.id };

  useEffect(() => {
    ok(api.GET('/api/sites/{siteId}/webhooks', { params: { path: { siteId } } })).then(
      (r) => setWebhooks(Object.fromEntries(r.webhooks.map((h) => [h.id, displayHost(h.url)]))),
      () => setWebhooks(null),
    );
  }, [siteId]);

  const run = async (e?: FormEvent) => {
    e?.preventDefault();
    setFind({ status: 'busy' });
    const id = consentId.trim();
    try {
      const data = await ok(api.GET('/api/sites/{siteId}/privacy-requests/{requestId}/data', { params: { path, query: id ? { consentId: id } : {} } }));
      setFind({ status: 'ready', data, consentId: id });
      onChanged(); // the lookup is a step of the timeline
    } catch (err) {
      setFind({ status: 'error', message: errorMessage(err, 'The data could not be looked up. Try again.') });
    }
  };

  const data = find.status === 'ready' ? find.data : null;
  const searchedId = find.status === 'ready' ? find.consentId : '';

  return (
    <section className="panel rq-card" aria-labelledby="rq-data-h">
      <h3 id="rq-data-h" className="rq-card-title">
        Their data on this site
      </h3>
      <p className="rq-card-hint">
        Searches this site’s data region for what {request.email} sent through its forms. Their cookie choices are stored under a random id, not the address:
        ask them for the id shown on the site’s cookie settings page to include them.
      </p>
      <form className="rq-find" onSubmit={(e) => void run(e)}>
        <div className="rq-find-field">
          <label htmlFor="rq-consent-id" className="field-label">
            Consent record id <span className="rq-optional">(optional)</span>
          </label>
          <input
            id="rq-consent-id"
            className="input"
            value={consentId}
            onChange={(e) => setConsentId(e.target.value)}
            placeholder="cr_…"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <Button type="submit" variant={data ? 'secondary' : 'primary'} className="btn-with-icon" busy={find.status === 'busy'}>
          <Icon d={ICONS.search} />
          {data ? 'Search again' : 'Find their data'}
        </Button>
      </form>
      {find.status === 'error' && <Alert title="The lookup failed">{find.message}</Alert>}
      {erased && (
        <Alert tone="success" title="Erased">
          {erased.submissions} form {erased.submissions === 1 ? 'message' : 'messages'} and {erased.deliveries} queued or kept{' '}
          {erased.deliveries === 1 ? 'delivery' : 'deliveries'} were erased; {erased.notifications.length} webhook{' '}
          {erased.notifications.length === 1 ? 'endpoint was' : 'endpoints were'} sent a privacy.erasure event.
        </Alert>
      )}
      {data && (
        <div className="rq-found" aria-live="polite">
          {data.submissions.length === 0 ? (
            <p className="rq-empty">This site holds no form message from {data.email}.</p>
          ) : (
            <Submissions rows={data.submissions} canEdit={active} onCorrect={setCorrecting} />
          )}
          {searchedId && data.consentRecords.length === 0 && <p className="rq-empty">No cookie choice of this site has the id {searchedId}.</p>}
          <Found data={data} endpoints={webhooks ?? {}} />
          <div className="rq-data-actions">
            <Button variant="secondary" className="btn-with-icon" onClick={() => download(request, data)}>
              <Icon d={ICONS.download} />
              Download as JSON
            </Button>
            {active && (
              <Button
                variant="secondary"
                className="btn-danger-outline btn-with-icon"
                onClick={() => setErasing(true)}
                disabled={data.submissions.length === 0}
              >
                <Icon d={ICONS.trash} />
                Erase their data…
              </Button>
            )}
          </div>
          <p className="rq-note">The file holds exactly what is shown here; send it to the requester for an access or portability request.</p>
        </div>
      )}
      <RectifyDialog
        siteId={siteId}
        requestId={request.id}
        submission={correcting}
        onClose={() => setCorrecting(null)}
        onDone={(fresh, field) => {
          setCorrecting(null);
          // The answer holds the messages; cookie choices (found by id) and the notes stay as they were.
          setFind((prev) =>
            prev.status === 'ready'
              ? { ...prev, data: { ...fresh, consentRecords: prev.data.consentRecords, notes: prev.data.notes } }
              : { status: 'ready', data: fresh, consentId: '' },
          );
          onChanged();
          toast(`The field “${field}” was corrected.`);
        }}
      />
      {data && (
        <EraseDialog
          open={erasing}
          siteId={siteId}
          request={request}
          data={data}
          webhooks={webhooks ? Object.values(webhooks) : null}
          onClose={() => setErasing(false)}
          onErased={(result) => {
            setErasing(false);
            setErased(result);
            onChanged();
            void run();
          }}
        />
      )}
    </section>
  );
}
