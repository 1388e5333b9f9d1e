// Operators act on the account that filed a platform request, with the same
// engines as the self-service screens: send its data export (a link valid 7
// days), erase it, restrict processing, withdraw every consent, or correct the
// name. The action the request asks for comes first; each is confirmed and
// becomes a step of the timeline. Then the request is completed in writing.
import { useState } from 'react';
import { api, ok, ApiError, errorMessage, type PrivacyRequest, type PrivacyRequestType } from '../../api';
import type { components } from '../../api-types';
import { ConfirmDialog } from '../../dialog';
import { toast } from '../../toast';
import { Button, Field } from '../../ui';
import { isActive } from '../privacy-requests/model';

type Action = components['schemas']['FulfilPrivacyRequest']['action'];

const ACTIONS: Record<Action, { label: string; says: string; done: string; danger?: boolean }> = {
  send_export: {
    label: 'Send their data export',
    says: 'Mails the requester a link to a zip of everything Atrium holds about the account. The link works for 7 days; the file is made when opened, so no copy is kept.',
    done: 'The download link was mailed to the requester.',
  },
  erase_account: {
    label: 'Erase the account',
    says: 'Erases the account, every site of its own workspaces with their visitors’ data, its sessions and mail. This request’s record stays, as proof. This can’t be undone.',
    done: 'The account was erased.',
    danger: true,
  },
  restrict: {
    label: 'Restrict processing',
    says: 'Keeps the account’s data and its sites running, and stops everything else done with it, such as product news.',
    done: 'Processing of the account is restricted.',
  },
  withdraw_consents: {
    label: 'Withdraw every consent',
    says: 'Withdraws every consent the account gave Atrium (such as product news), from now on.',
    done: 'Every consent of the account was withdrawn.',
  },
  rectify_name: {
    label: 'Correct the name',
    says: 'Replaces the name on the account. (The email address is corrected by its owner, who must confirm the new one.)',
    done: 'The name was corrected.',
  },
};

const FOR_TYPE: Partial<Record<PrivacyRequestType, Action>> = {
  access: 'send_export',
  portability: 'send_export',
  erasure: 'erase_account',
  restriction: 'restrict',
  objection: 'withdraw_consents',
  withdraw_consent: 'withdraw_consents',
  rectification: 'rectify_name',
};

export function AccountActions({ request, onDone }: { request: PrivacyRequest; onDone: () => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  if (!isActive(request)) return null;
  const first = FOR_TYPE[request.type];
  const others = (Object.keys(ACTIONS) as Action[]).filter((a) => a !== first);

  const run = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      await ok(
        api.POST('/api/operator/privacy-requests/{requestId}/fulfil', {
          params: { path: { requestId: request.id } },
          body: { action, ...(action === 'rectify_name' ? { name } : {}) },
        }),
      );
      toast(ACTIONS[action].done);
      setAction(null);
      onDone();
    } catch (e) {
      const issue = e instanceof ApiError ? e.issues.find((i) => i.path === 'name') : undefined;
      if (issue) setNameError(issue.message);
      else setError(errorMessage(e, 'Nothing was done. Try again.'));
    } finally {
      setBusy(false);
    }
  };

  const button = (a: Action, primary: boolean) => (
    <Button
      key={a}
      variant={primary ? 'primary' : 'secondary'}
      className={ACTIONS[a].danger ? 'btn-danger-outline' : undefined}
      onClick={() => {
        setError(null);
        setNameError(undefined);
        setName('');
        setAction(a);
      }}
    >
      {ACTIONS[a].label}…
    </Button>
  );

  return (
    <section className="panel rq-card" aria-labelledby="op-account-h">
      <h3 id="op-account-h" className="rq-card-title">
        The requester’s account
      </h3>
      {request.accountLinked ? (
        <>
          <p className="rq-card-hint">
            A confirmed account uses {request.email}. Do what the request asks with the same tools subscribers use themselves, then complete it in writing.
          </p>
          {first && <div className="rq-data-actions">{button(first, true)}</div>}
          <details className="op-more">
            <summary>{first ? 'Other actions' : 'Actions on the account'}</summary>
            <div className="rq-data-actions">{others.map((a) => button(a, false))}</div>
          </details>
        </>
      ) : (
        <p className="rq-card-hint">
          No confirmed account uses {request.email}, so Atrium holds no account data under it. Answer by mail: complete the request saying so, or refuse it with
          your reasons.
        </p>
      )}
      <ConfirmDialog
        open={action !== null}
        title={action ? `${ACTIONS[action].label}?` : ''}
        confirmLabel={action ? ACTIONS[action].label : ''}
        tone={action && ACTIONS[action].danger ? 'danger' : 'default'}
        busy={busy}
        error={error}
        confirmDisabled={action === 'rectify_name' && !name.trim()}
        onConfirm={() => void run()}
        onClose={() => setAction(null)}
      >
        {action && <p>{ACTIONS[action].says}</p>}
        {action === 'rectify_name' && (
          <Field label="Correct name" error={nameError}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={name}
                maxLength={100}
                onChange={(e) => {
                  setName(e.target.value);
                  setNameError(undefined);
                }}
                autoFocus
              />
            )}
          </Field>
        )}
      </ConfirmDialog>
    </section>
  );
}
