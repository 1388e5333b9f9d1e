// The regions a site's end-user data can live in. Each is its own database.
export const REGIONS = ['ca-toronto', 'in-mumbai', 'de-frankfurt', 'us-oregon'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_INFO: Record<Region, { name: string; description: string }> = {
  'ca-toronto': { name: 'Canada (Toronto)', description: 'Stored in Canada; a fit for PIPEDA and BC PIPA.' },
  'in-mumbai': { name: 'India (Mumbai)', description: 'Stored in India; a fit for the DPDP Act.' },
  'de-frankfurt': { name: 'EU (Frankfurt)', description: 'Stored in the EU; a fit for the GDPR.' },
  'us-oregon': { name: 'United States (Oregon)', description: 'Stored in the US; lowest latency for North America.' },
};

export function isRegion(v: unknown): v is Region {
  return typeof v === 'string' && (REGIONS as readonly string[]).includes(v);
}
