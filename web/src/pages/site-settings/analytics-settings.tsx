// Site settings: "Analytics". Pageviews are counted as Atrium serves the
// pages, with no script; this turns on the optional beacon, a tiny script that
// adds screen sizes, time on page, outbound links, downloads and custom
// events. Saved to the draft; live at the next publish.
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api';
import { Link } from '../../router';
import { toast } from '../../toast';
import { Alert, Button } from '../../ui';
import { type SiteContext } from '../site-frame';
import { saveDraft, schemaDoc } from './draft';

export function AnalyticsSettings(ctx: SiteContext) {
  const { site } = ctx;
  const saved = schemaDoc(site.document).analytics.beacon;
  const [beacon, setBeacon] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const id = useId();

  useEffect(() => {
    if (location.hash === '#analytics') sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveDraft(ctx, (d) => ({ ...d, analytics: { ...d.analytics, beacon } }));
      setJustSaved(true);
      toast(`The beacon is ${beacon ? 'on' : 'off'} in the draft. Publish to put it live.`);
    } catch (e) {
      setError(errorMessage(e, 'Atrium could not be reached. Check your connection and try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={sectionRef} id="analytics" className="form-section" aria-labelledby="analytics-h">
      <h2 id="analytics-h" className="section-title section-title-tight">
        Analytics
      </h2>
      <p className="section-hint">
        Atrium counts pageviews as it serves your pages, with no script and without storing any IP address. Only visitors who accept analytics in the cookie
        banner get a cookie, to be recognised when they return. The figures are on the <Link to={`/sites/${site.id}/analytics`}>Analytics</Link> tab.
      </p>
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {error && <Alert title="The analytics setting was not saved">{error}</Alert>}
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            className="switch"
            checked={beacon}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setBeacon(e.target.checked);
              setJustSaved(false);
            }}
          />
          <span className="switch-text">
            <span className="switch-label">Measure what only the browser knows</span>
            <span id={`${id}-hint`} className="field-hint">
              Adds a script of about half a kilobyte to every page that reports screen sizes, time on page, clicks on links to other sites and on files to
              download, and your own events. It sets no cookie either.
            </span>
          </span>
        </label>
        <details className="analytics-events">
          <summary>How to count your own events</summary>
          <p>
            Give a button or link in your custom code the attribute <code>data-atrium-event="Signup"</code>, or call{' '}
            <code>window.atrium?.('Signup', {'{ plan: "pro" }'})</code> from your own script. Each event shows under Goals with the name you gave it. Forms sent
            on the site count as goals without any of this.
          </p>
        </details>
        <div className="section-actions">
          {justSaved && beacon === saved && (
            <p className="saved-note" role="status">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m3.5 8.5 3 3 6-7" />
              </svg>
              Saved to the draft
            </p>
          )}
          <Button type="submit" busy={busy} disabled={beacon === saved}>
            Save analytics setting
          </Button>
        </div>
      </form>
    </section>
  );
}
