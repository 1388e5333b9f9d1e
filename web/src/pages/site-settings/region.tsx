// Site settings: the data region, read-only once chosen.
import { useEffect, useState } from 'react';
import { api, ok, type RegionInfo, type SiteDetail } from '../../api';

export function Region({ site }: { site: SiteDetail }) {
  const [region, setRegion] = useState<RegionInfo | null | undefined>(undefined);
  useEffect(() => {
    ok(api.GET('/api/regions')).then(
      (rs) => setRegion(rs.find((r) => r.id === site.region) ?? null),
      () => setRegion(null),
    );
  }, [site.region]);
  return (
    <section className="form-section" aria-labelledby="region-h">
      <h2 id="region-h" className="section-title">
        Data region
      </h2>
      <div className="region-readonly">
        <span className="region-lock" aria-hidden="true">
          <svg viewBox="0 0 16 16">
            <path d="M4.5 7V5.2a3.5 3.5 0 0 1 7 0V7M3.8 7h8.4c.4 0 .8.4.8.8v5.4c0 .4-.4.8-.8.8H3.8a.8.8 0 0 1-.8-.8V7.8c0-.4.4-.8.8-.8Z" />
          </svg>
        </span>
        <div className="region-text">
          <span className="region-name">{region?.name ?? site.region}</span>
          {region?.description && <span className="region-desc">{region.description}</span>}
        </div>
      </div>
      <p className="section-hint section-hint-after">
        Form submissions, visitor analytics and consent records of this site are stored only in this region. It was chosen when the site was created and can't
        be changed, so your visitors' data stays where you said it would.
      </p>
    </section>
  );
}
