// Correcting one text field of one of the requester's form messages (the right
// to rectification). The server finds the message by the requester's address,
// so no other visitor's message can be reached.
import { useEffect, useState } from 'react';
import { api, ok, ApiError, errorMessage, type VisitorData } from '../../api';
import { ConfirmDialog } from '../../dialog';
import { formatDateTime } from '../../format';
import { Field } from '../../ui';

type Submission = VisitorData['submissions'][number];

const textFields = (s: Submission) => Object.entries(s.data).filter((e): e is [string, string] => typeof e[1] === 'string');

export function RectifyDialog({
  siteId,
  requestId,
  submission,
  onDone,
  onClose,
}: {
  siteId: string;
  requestId: string;
  submission: Submission | null;
  onDone: (data: VisitorData, field: string) => void;
  onClose: () => void;
}) {
  const fields = submission ? textFields(submission) : [];
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [valueError, setValueError] = useState<string | undefined>();

  useEffect(() => {
    if (!submission) return;
    const first = textFields(submission)[0];
    setField(first?.[0] ?? '');
    setValue(first?.[1] ?? '');
    setError(null);
    setValueError(undefined);
  }, [submission]);

  const choose = (name: string) => {
    setField(name);
    setValue(fields.find(([n]) => n === name)?.[1] ?? '');
  };

  const save = async () => {
    if (!submission) return;
    setBusy(true);
    setError(null);
    try {
      const data = await ok(
        api.POST('/api/sites/{siteId}/privacy-requests/{requestId}/rectify', {
          params: { path: { siteId, requestId } },
          body: { submissionId: submission.id, field, value },
        }),
      );
      onDone(data, field);
    } catch (e) {
      const issue = e instanceof ApiError ? e.issues.find((i) => i.path === 'value' || i.path === 'field') : undefined;
      if (issue) setValueError(issue.message);
      else setError(errorMessage(e, 'The correction could not be saved. Try again.'));
    } finally {
      setBusy(false);
    }
  };

  const current = fields.find(([n]) => n === field)?.[1];
  return (
    <ConfirmDialog
      open={!!submission}
      title="Correct a field"
      confirmLabel="Save the correction"
      busy={busy}
      error={error}
      confirmDisabled={!field || value === current}
      onConfirm={() => void save()}
      onClose={onClose}
    >
      {submission && (
        <p>
          In the message sent {formatDateTime(submission.createdAt)} from {submission.page}. The old value is replaced everywhere the site keeps this message.
        </p>
      )}
      {fields.length === 0 ? (
        <p>This message has no text field to correct.</p>
      ) : (
        <>
          <Field label="Field">
            {(p) => (
              <select {...p} className="input select" value={field} onChange={(e) => choose(e.target.value)}>
                {fields.map(([name]) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Correct value"
            error={valueError}
            hint={/mail/i.test(field) ? 'After a new address is saved, this request (filed under the old one) no longer finds this message.' : undefined}
          >
            {(p) => (
              <textarea
                {...p}
                className="input rq-textarea"
                rows={3}
                value={value}
                onChange={(e) => {
                  setValue(e.target.value);
                  setValueError(undefined);
                }}
              />
            )}
          </Field>
        </>
      )}
    </ConfirmDialog>
  );
}
