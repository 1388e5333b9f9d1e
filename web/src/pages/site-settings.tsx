// Site settings: name and address, the data region (read-only), custom
// domains with their DNS verification record, webhooks, favicon and social image, password protection,
// search engines (the organisation behind the site) and redirects,
// analytics (the optional beacon), privacy and cookies (the consent banner),
// custom code, the site archive, and the danger zone (unpublish, delete).
import { lazy, Suspense } from 'react';
import { SiteFrame, type SiteContext } from './site-frame';
import { Webhooks } from './webhooks';
import { NameAndAddress } from './site-settings/name-and-address';
import { Region } from './site-settings/region';
import { Domains } from './site-settings/domains';
import { Images } from './site-settings/images';
import { DangerZone } from './site-settings/danger-zone';
import { AnalyticsSettings } from './site-settings/analytics-settings';
import { SiteArchive } from './site-settings/archive';
import { FormRetention } from './site-settings/form-retention';
import { SiteProtection } from './site-settings/protection';
import { SearchEngines } from './site-settings/search-engines';
import { Redirects } from './site-settings/redirects';

const ConsentSections = lazy(() => import('./site-settings/consent-sections'));

function ConsentLoading() {
  return (
    <section className="form-section section-loading" aria-busy="true">
      <span className="skeleton-line w40" aria-hidden="true" />
      <p className="visually-hidden">Loading the privacy settings…</p>
    </section>
  );
}

function Settings(ctx: SiteContext) {
  return (
    <div className="settings-stack">
      <NameAndAddress {...ctx} />
      <Region site={ctx.site} />
      <Domains site={ctx.site} />
      <Webhooks site={ctx.site} />
      <Images {...ctx} />
      <SiteProtection {...ctx} />
      <SearchEngines {...ctx} />
      <Redirects {...ctx} />
      <AnalyticsSettings {...ctx} />
      <FormRetention {...ctx} />
      <Suspense fallback={<ConsentLoading />}>
        <ConsentSections {...ctx} />
      </Suspense>
      <SiteArchive site={ctx.site} />
      <DangerZone {...ctx} />
    </div>
  );
}

export function SiteSettingsPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} tab="settings" title="Settings">
      {(ctx) => <Settings {...ctx} />}
    </SiteFrame>
  );
}
