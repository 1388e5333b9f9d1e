// What the last refused publish of a site said about its site-wide custom
// code and its cookie banner (issues under document.snippets and
// document.consent), kept for this tab so site settings can show each message
// next to the snippet it names. Publishing happens in the editor; the fix is
// made in site settings.
export interface PublishIssue {
  path: string;
  message: string;
}

const key = (siteId: string) => `atrium:publish-issues:${siteId}`;
const SETTINGS = /^document\.(snippets|consent)\b/;

export function rememberPublishIssues(siteId: string, issues: readonly PublishIssue[]) {
  const mine = issues.filter((i) => SETTINGS.test(i.path));
  try {
    if (mine.length) sessionStorage.setItem(key(siteId), JSON.stringify(mine));
    else sessionStorage.removeItem(key(siteId));
  } catch {
    // storage unavailable (private mode quota): the editor still shows the message
  }
}

export function publishIssues(siteId: string): PublishIssue[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(key(siteId)) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as PublishIssue[]) : [];
  } catch {
    return [];
  }
}

/** Once the site-wide code changed, the old messages may no longer hold: the next publish says again. */
export function forgetPublishIssues(siteId: string) {
  try {
    sessionStorage.removeItem(key(siteId));
  } catch {
    // nothing stored
  }
}

/** Whether a refused publish is fixed in site settings rather than in the editor. */
export const fixedInSettings = (issues: readonly PublishIssue[]) => issues.some((i) => SETTINGS.test(i.path));
