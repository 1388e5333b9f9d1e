// The inbox's data helpers: list state, form field labels, senders, snippets, times.
import { useEffect, useState } from 'react';
import { type Folder, type SiteDetail, type Submission } from '../../api';

export const PAGE_SIZE = 50;
export const POLL_MS = 30_000;
export const FOLDER_NAME: Record<Folder, string> = { inbox: 'Inbox', spam: 'Spam' };

export type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: Submission[]; next: string | null };

/* ---------- What the site's forms say about their fields ---------- */

export interface FieldInfo {
  label: string;
  type: string;
}

export interface FormInfo {
  heading: string | null;
  fields: Map<string, FieldInfo>;
}

/** The form blocks of the draft, by id: field labels and types to show answers under. */
export function formsOf(site: SiteDetail): Map<string, FormInfo> {
  const forms = new Map<string, FormInfo>();
  for (const page of site.document.pages ?? [])
    for (const block of page.blocks ?? []) {
      if (block.type !== 'form') continue;
      const p = block.props as { id?: unknown; heading?: unknown; fields?: unknown };
      if (typeof p.id !== 'string' || forms.has(p.id)) continue;
      const fields = new Map<string, FieldInfo>();
      if (Array.isArray(p.fields))
        for (const f of p.fields as { name?: unknown; label?: unknown; type?: unknown }[])
          if (typeof f?.name === 'string' && typeof f.label === 'string') fields.set(f.name, { label: f.label, type: String(f.type) });
      forms.set(p.id, { heading: typeof p.heading === 'string' && p.heading.trim() ? p.heading.trim() : null, fields });
    }
  return forms;
}

/** "first_name" -> "First name" */
export const humanize = (key: string) => (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');

export const text = (s: Submission, key: string) => {
  const v = s.data[key];
  return typeof v === 'string' ? v.trim() : '';
};

/** Who wrote: a name field if the form had one, else the email address. */
export function senderOf(s: Submission): string {
  const name = text(s, 'name') || text(s, 'full_name') || text(s, 'your_name') || `${text(s, 'first_name')} ${text(s, 'last_name')}`.trim();
  return name || s.email || 'Anonymous visitor';
}

/** A line or two of what they wrote: the message first, then the other answers. */
export function snippetOf(s: Submission, form: FormInfo | undefined): string {
  const skip = new Set(['name', 'full_name', 'your_name', 'first_name', 'last_name', 'email']);
  const answers = Object.entries(s.data).filter(([k, v]) => {
    const type = form?.fields.get(k)?.type;
    return typeof v === 'string' && v.trim() !== '' && !skip.has(k) && type !== 'email' && type !== 'consent';
  });
  const main = answers.find(([k]) => form?.fields.get(k)?.type === 'textarea') ?? answers.find(([k]) => k === 'message');
  const ordered = main ? [main, ...answers.filter((a) => a !== main)] : answers;
  return ordered
    .map(([, v]) => String(v).replace(/\s+/g, ' ').trim())
    .join(' · ')
    .slice(0, 300);
}

export interface Row {
  key: string;
  label: string;
  value: string | boolean;
  long: boolean;
}

/** The answers in the order of the form's fields; answers to fields the form no longer has come last, under their names. */
export function rowsOf(s: Submission, form: FormInfo | undefined): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const [key, f] of form?.fields ?? []) {
    if (!(key in s.data)) continue;
    seen.add(key);
    if (f.type === 'consent' && s.consentText) continue; // shown with its wording below
    const value = s.data[key]!;
    rows.push({ key, label: f.label, value, long: f.type === 'textarea' || (typeof value === 'string' && value.length > 90) });
  }
  for (const [key, value] of Object.entries(s.data)) {
    if (seen.has(key)) continue;
    if (typeof value === 'boolean' && s.consentText && /consent|agree/.test(key)) continue;
    rows.push({ key, label: humanize(key), value, long: typeof value === 'string' && (value.length > 90 || value.includes('\n')) });
  }
  return rows;
}

export function initials(name: string) {
  const parts = name
    .replace(/@.*/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** A stable colour per sender, from a few that keep white initials readable. */
export function hueClass(name: string) {
  let h = 0;
  for (const c of name.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `sender-c${h % 6}`;
}

export const timeOnly = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
export const dayMonth = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
export const dayMonthYear = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' });

/** "2:05 PM" today, "Mar 4" this year, "Mar 4, 2025" before. */
export function listTime(iso: string, now = new Date()) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  if (d.toDateString() === now.toDateString()) return timeOnly.format(d);
  return d.getFullYear() === now.getFullYear() ? dayMonth.format(d) : dayMonthYear.format(d);
}

export function mailto(s: Submission, form: FormInfo | undefined, siteName: string) {
  const subject = `Re: ${form?.heading ?? `Your message to ${siteName}`}`;
  return `mailto:${encodeURIComponent(s.email ?? '')}?subject=${encodeURIComponent(subject)}`;
}

export function useWide() {
  const query = '(min-width: 761px)';
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return wide;
}

export const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && !!t.closest('input, textarea, select, [contenteditable="true"]');

/* ---------- Icons ---------- */
