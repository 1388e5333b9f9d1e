// The public privacy request page (no account needed): anyone asks Atrium, as
// the controller of subscriber accounts, to see, correct, erase... their
// personal data. Nothing happens until the emailed link is opened; where the
// person lives decides which law's deadline applies.
import { useState, type FormEvent } from 'react';
import { api, ok, ApiError, type FieldIssue, type NewPrivacyRequest, type PrivacyRequestType } from '../../api';
import { Link } from '../../router';
import { Alert, Button, Field, useSubmit } from '../../ui';
import { AuthLayout } from '../auth-layout';
import { COUNTRIES, US_STATES } from './places';

/** Each right in plain words: what the person gets. Our own wording. */
const TYPES: [PrivacyRequestType, string, string][] = [
  ['access', 'See my data', 'We send you a copy of the personal data we hold about you, where it came from, why we use it and who received it.'],
  ['rectification', 'Correct my data', 'Something we hold about you is wrong or incomplete. Tell us what, and we fix it.'],
  ['erasure', 'Delete my data', 'We delete what we hold about you, except what a law makes us keep; we tell you what that is and why.'],
  ['restriction', 'Pause the use of my data', 'We keep your data stored but stop using it, for example while you check whether it is accurate.'],
  ['portability', 'Take my data elsewhere', 'You get the data you gave us in files a computer can read (JSON and CSV), to move it to another service.'],
  [
    'objection',
    'Stop a use of my data',
    'You object to a use we base on our legitimate interests, such as product news. We stop unless we have compelling grounds.',
  ],
  ['withdraw_consent', 'Withdraw a consent', 'Something you agreed to stops from now on. What was done before you withdrew stays lawful.'],
  ['minor_removal', 'Remove what I posted as a minor', 'California residents: content you posted while under 18 is removed from public view.'],
];

const DETAIL_HINTS: Partial<Record<PrivacyRequestType, string>> = {
  rectification: 'Say which data is wrong and what is right.',
  objection: 'Say which use you object to.',
  withdraw_consent: 'Say which consent you withdraw.',
  minor_removal: 'Say where the content is (a site address and page).',
};

function Sent({ email, onAgain }: { email: string; onAgain: () => void }) {
  return (
    <div className="stack">
      <Alert tone="success" title="Check your inbox">
        We sent a link to <strong>{email}</strong>. Your request starts when you open it and press the button there, within 7 days. No mail after a few minutes?
        Look in your spam folder.
      </Alert>
      <Button variant="secondary" className="btn-block" onClick={onAgain}>
        Make another request
      </Button>
    </div>
  );
}

export function PrivacyRequestPage() {
  const [type, setType] = useState<PrivacyRequestType | ''>('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [state, setState] = useState('');
  const [details, setDetails] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(['type', 'email', 'name', 'country', 'subdivision', 'details']);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      // What is plainly missing is said at once, the way the server would say it.
      const missing: FieldIssue[] = [];
      if (!type) missing.push({ path: 'type', message: 'choose one' });
      if (!email.trim()) missing.push({ path: 'email', message: 'is required' });
      if (!country) missing.push({ path: 'country', message: 'Choose the country where you live.' });
      if (!details.trim()) missing.push({ path: 'details', message: 'Say what the request is about.' });
      if (missing.length) throw new ApiError(400, 'invalid_input', 'Some fields need your attention.', missing);
      const body: NewPrivacyRequest = {
        type: type as PrivacyRequestType,
        email: email.trim(),
        country,
        details,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(country === 'US' && state ? { subdivision: state } : {}),
      };
      await ok(api.POST('/api/privacy-requests', { body }));
      setSentTo(body.email);
    });
  };

  return (
    <AuthLayout
      title="Ask about your personal data"
      subtitle="For the data Atrium holds itself: accounts, and mail we send. We answer within the time the law where you live sets, usually a month."
      wide
      privacyLink={false}
      footer={
        <>
          Have an account? Much of this is self-service under <Link to="/account">Account</Link>.
        </>
      }
    >
      {sentTo ? (
        <Sent
          email={sentTo}
          onAgain={() => {
            setSentTo(null);
            setDetails('');
          }}
        />
      ) : (
        <form ref={form.formRef} onSubmit={submit} noValidate className="stack">
          <Alert tone="info" title="About a website built with Atrium?">
            If you sent something through a site made with Atrium (a contact form, say), that site’s owner decides about it. Use the privacy request link on
            that site: it goes straight to them.
          </Alert>
          {form.formError && <Alert>{form.formError}</Alert>}
          <fieldset className="pr-types" aria-describedby={form.errors.type ? 'pr-type-error' : undefined}>
            <legend className="field-label">What would you like?</legend>
            <div className="pr-type-grid">
              {TYPES.map(([value, title, text]) => (
                <label key={value} className={`pr-type${type === value ? ' is-chosen' : ''}`}>
                  <input
                    type="radio"
                    name="type"
                    value={value}
                    checked={type === value}
                    onChange={() => {
                      setType(value);
                      form.clearError('type');
                    }}
                  />
                  <span className="pr-type-title">{title}</span>
                  <span className="pr-type-text">{text}</span>
                </label>
              ))}
            </div>
            {form.errors.type && (
              <p id="pr-type-error" className="field-error">
                Choose what you would like us to do.
              </p>
            )}
          </fieldset>
          <div className="form-grid">
            <Field label="Your email" hint="The address our records are under. We write to you there." error={form.errors.email}>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  type="email"
                  value={email}
                  onChange={(e) => {
                    setEmail(e.target.value);
                    form.clearError('email');
                  }}
                  autoComplete="email"
                  spellCheck={false}
                  required
                />
              )}
            </Field>
            <Field label="Your name (optional)" hint="How to address you in our answer." error={form.errors.name}>
              {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />}
            </Field>
          </div>
          <div className="form-grid">
            <Field
              label="Where you live"
              hint="Decides the deadline: one month in the EEA and the UK, 30 days in Canada, 45 days in California and elsewhere."
              error={form.errors.country}
            >
              {(p) => (
                <select
                  {...p}
                  className="input select"
                  value={country}
                  onChange={(e) => {
                    setCountry(e.target.value);
                    form.clearError('country');
                  }}
                  autoComplete="country"
                  required
                >
                  <option value="">Choose a country…</option>
                  {COUNTRIES.map(([code, label]) => (
                    <option key={code} value={code}>
                      {label} ({code})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {country === 'US' && (
              <Field label="State" hint="California residents have rights of their own." error={form.errors.subdivision}>
                {(p) => (
                  <select {...p} className="input select" value={state} onChange={(e) => setState(e.target.value)} autoComplete="address-level1">
                    <option value="">Choose a state…</option>
                    {US_STATES.map(([code, label]) => (
                      <option key={code} value={code}>
                        {label} ({code})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>
          <Field
            label="Your request"
            hint={(type && DETAIL_HINTS[type]) || 'What should we know to answer? Never send passwords or card numbers.'}
            error={form.errors.details}
          >
            {(p) => (
              <textarea
                {...p}
                className="input rq-textarea"
                rows={5}
                maxLength={5000}
                value={details}
                onChange={(e) => {
                  setDetails(e.target.value);
                  form.clearError('details');
                }}
                required
              />
            )}
          </Field>
          <Button type="submit" busy={form.busy} className="btn-block">
            Send request
          </Button>
          <p className="pr-fineprint">
            We use your address and what you write only to answer this request, and keep the record for 3 years after we answer, as proof of how we handled it.
          </p>
        </form>
      )}
    </AuthLayout>
  );
}
