// One file of a release as publishing builds it, before it is stored.
export interface ReleaseFile {
  path: string; // request path, or NOT_FOUND_KEY
  type: string;
  body: Buffer;
  /** A page holding a form: served with the verified-request cookie and the runtime script. */
  form?: boolean;
  /** false for files that are compressed already (woff2): stored and served as they are. */
  compress?: false;
  /** A page with custom code or embeds: its own Content-Security-Policy (src/consent/csp.ts); others keep the strict one. */
  csp?: string;
}
