// Site settings: "Form messages". How long the site keeps what visitors send
// through its forms. Atrium's hourly retention sweep deletes older messages
// (and their delivery records); the setting applies from the next sweep, with
// or without a publish.
import { useId, useState } from 'react';
import { errorMessage } from '../../api';
import { toast } from '../../toast';
import { Alert, Button } from '../../ui';
import { type SiteContext } from '../site-frame';
import { saveDraft, schemaDoc } from './draft';

const CHOICES: { months: 3 | 6 | 12 | 24 | 0; label: string }[] = [
  { months: 3, label: '3 months' },
  { months: 6, label: '6 months' },
  { months: 12, label: '12 months' },
  { months: 24, label: '24 months (the default)' },
  { months: 0, label: 'As long as the site exists' },
];

export function FormRetention(ctx: SiteContext) {
  const saved = schemaDoc(ctx.site.document).forms?.retentionMonths ?? 24;
  const [months, setMonths] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveDraft(ctx, (d) => ({ ...d, forms: { ...d.forms, retentionMonths: months } }));
      toast(
        months ? `Form messages older than ${months} months are deleted from the next hourly sweep on.` : 'Form messages are kept as long as the site exists.',
      );
    } catch (e) {
      setError(errorMessage(e, 'Atrium could not be reached. Check your connection and try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="form-messages" className="form-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="section-title section-title-tight">
        Form messages
      </h2>
      <p className="section-hint">
        How long this site keeps what visitors send through its forms. Older messages, and the records of their notification mails and webhooks, are deleted by
        the hourly retention sweep. Keep them only as long as you need them to answer: your privacy policy says how long.
      </p>
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {error && <Alert title="The setting was not saved">{error}</Alert>}
        <fieldset className="consent-modes">
          <legend className="field-label">Keep form messages for</legend>
          <div className="mode-options">
            {CHOICES.map((c) => (
              <label key={c.months} className={`mode-option${months === c.months ? ' is-selected' : ''}`}>
                <input type="radio" name={`${id}-months`} value={c.months} checked={months === c.months} onChange={() => setMonths(c.months)} />
                <span className="mode-text">
                  <span className="mode-name">{c.label}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="section-actions">
          <Button type="submit" busy={busy} disabled={months === saved}>
            Save retention
          </Button>
        </div>
      </form>
    </section>
  );
}
