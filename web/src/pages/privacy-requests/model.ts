// Words for privacy requests, shared by a site's Privacy requests screen, the
// operator console and the public request page: type names, statuses, the
// steps of a request's timeline and how its deadline reads.
import type { PrivacyRequest, PrivacyRequestStep, PrivacyRequestType } from '../../api';
import { formatDate } from '../../format';

/** Short names, as lists and headings show them. */
export const TYPE_NAMES: Record<PrivacyRequestType, string> = {
  access: 'Access',
  rectification: 'Correction',
  erasure: 'Erasure',
  restriction: 'Restriction',
  portability: 'Portability',
  objection: 'Objection',
  withdraw_consent: 'Withdrawal of consent',
  minor_removal: 'Removal (minor, California)',
};

/** What the requester asked for, in a sentence. */
export const TYPE_ASKS: Record<PrivacyRequestType, string> = {
  access: 'A copy of the personal data held about them, with where it came from, why it is used and who received it.',
  rectification: 'That inaccurate or incomplete data about them is corrected.',
  erasure: 'That the personal data held about them is deleted.',
  restriction: 'That their data stays stored but is no longer used.',
  portability: 'Their data in a machine-readable file they can take elsewhere.',
  objection: 'That a use of their data based on legitimate interests stops.',
  withdraw_consent: 'To withdraw a consent they gave; what it allowed stops from now on.',
  minor_removal: 'That content they posted while under 18 is removed (California).',
};

export const STATUS_NAMES: Record<PrivacyRequest['status'], string> = {
  unverified: 'Not confirmed',
  open: 'Open',
  extended: 'Extended',
  completed: 'Completed',
  refused: 'Refused',
};

export const isActive = (r: Pick<PrivacyRequest, 'status'>) => r.status === 'open' || r.status === 'extended';

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** "FR" -> "France"; an unknown code stays as it is. */
export function countryName(code: string): string {
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Where the requester lives: "United States (California)", "France". */
export function whereFrom(r: Pick<PrivacyRequest, 'country' | 'subdivision'>): string {
  const country = countryName(r.country);
  if (r.country.toUpperCase() === 'US' && r.subdivision)
    return `${country} (${r.subdivision.toUpperCase() === 'CA' ? 'California' : r.subdivision.toUpperCase()})`;
  return country;
}

export type DueTone = 'overdue' | 'soon' | 'normal' | 'closed';

/** How the deadline reads in a list: "3 days overdue" (red), "Due in 4 days" (amber), "Due March 4, 2026". */
export function dueOf(r: PrivacyRequest): { tone: DueTone; label: string; date: string | null } {
  if (!isActive(r) || !r.dueAt) {
    const closed = r.closedAt ? formatDate(r.closedAt) : null;
    return { tone: 'closed', label: closed ? `${STATUS_NAMES[r.status]} ${closed}` : STATUS_NAMES[r.status], date: r.closedAt };
  }
  const days = r.daysLeft ?? 0;
  if (r.overdue) return { tone: 'overdue', label: `${-days} ${-days === 1 ? 'day' : 'days'} overdue`, date: r.dueAt };
  if (r.dueSoon) return { tone: 'soon', label: days <= 1 ? 'Due within a day' : `Due in ${days} days`, date: r.dueAt };
  return { tone: 'normal', label: `Due ${formatDate(r.dueAt)}`, date: r.dueAt };
}

/** Why an extension cannot be announced, or null when it can. */
export function whyNoExtension(r: PrivacyRequest): string | null {
  if (r.canExtend) return null;
  if (r.status === 'extended') return 'The deadline was extended once already; the law allows one extension.';
  if (!isActive(r)) return `The request is ${STATUS_NAMES[r.status].toLowerCase()}.`;
  return 'The deadline has passed: an extension has to be announced before it. Answer as soon as you can.';
}

const STEP_NAMES: Record<string, string> = {
  filed: 'Request filed',
  verified: 'Email address confirmed; the deadline started',
  acknowledged: 'Receipt acknowledged',
  data_viewed: 'Their data was looked up',
  rectified: 'Data corrected',
  erased: 'Data erased',
  extended: 'Deadline extended',
  completed: 'Completed',
  refused: 'Refused',
  send_export: 'Data export sent',
  erase_account: 'Account erased',
  restrict: 'Processing restricted',
  withdraw_consents: 'Consents withdrawn',
  rectify_name: 'Name corrected',
  reminded: 'Reminder sent: due within a week',
  reminded_overdue: 'Reminder sent: overdue',
};

export const stepName = (action: string) => STEP_NAMES[action] ?? action.replace(/_/g, ' ');

/** Who took a step, as the timeline says it. */
export function actorName(step: PrivacyRequestStep, me: string | undefined): string {
  if (step.actor === 'requester') return 'Requester';
  if (step.actor === 'system') return 'Atrium';
  if (step.actorId && step.actorId === me) return 'You';
  return step.actor === 'operator' ? 'Platform staff' : 'Site team';
}

/** Tone of a step's dot on the timeline. */
export function stepTone(action: string): 'good' | 'bad' | 'warn' | 'plain' {
  if (action === 'completed' || action === 'verified') return 'good';
  if (action === 'refused' || action === 'erased' || action === 'erase_account' || action === 'reminded_overdue') return 'bad';
  if (action === 'extended' || action === 'reminded') return 'warn';
  return 'plain';
}
