// Hero illustrations as inline SVG data URLs: no external request, no stock
// photos, recoloured to the template's palette. Text inside uses system fonts.
import type { Theme } from '../site-document/schema.js';

type Palette = Theme['palette'];

const FONT = `font-family="system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"`;

export const svgDataUrl = (svg: string) => 'data:image/svg+xml,' + encodeURIComponent(svg.replace(/\s*\n\s*/g, ' ').trim());

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Square brand mark with the site's initial, used as logo and favicon. */
export function brandMark(name: string, p: Palette): string {
  const initial = (name.match(/[A-Za-z0-9]/)?.[0] ?? '').toUpperCase();
  return svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
    <rect width="64" height="64" rx="16" fill="${p.primary}"/>
    <path d="M0 40 Q32 22 64 40 V64 H0z" fill="${p.primaryText}" opacity=".14"/>
    <text x="32" y="44" text-anchor="middle" font-size="34" font-weight="700" fill="${p.primaryText}" ${FONT}>${esc(initial)}</text>
  </svg>`);
}

/** SaaS dashboard in a browser window. */
export function dashboardArt(p: Palette): string {
  const kpis = [
    ['Open requests', '1,284', '+12%'],
    ['Customers heard', '362', '+8%'],
    ['Shipped this month', '48', '+21%'],
  ];
  const themes = [
    ['Integrations', 0.92],
    ['Reporting', 0.74],
    ['Mobile app', 0.58],
    ['SSO & roles', 0.41],
    ['Exports', 0.27],
  ] as const;
  const rows = [
    ['Bulk edit for tags', 'Planned', 86],
    ['Slack digest per team', 'In progress', 64],
    ['Salesforce sync', 'Shipped', 51],
  ] as const;
  const nav = [0, 1, 2, 3, 4, 5];
  return svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 760" width="1200" height="760">
  <defs>
    <clipPath id="w"><rect width="1200" height="760" rx="18"/></clipPath>
    <linearGradient id="a" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.primary}" stop-opacity=".25"/><stop offset="1" stop-color="${p.primary}" stop-opacity="0"/></linearGradient>
  </defs>
  <g clip-path="url(#w)" ${FONT}>
    <rect width="1200" height="760" fill="#ffffff"/>
    <rect width="1200" height="48" fill="${p.surface}"/>
    <circle cx="28" cy="24" r="6" fill="#f87171"/><circle cx="48" cy="24" r="6" fill="#fbbf24"/><circle cx="68" cy="24" r="6" fill="#34d399"/>
    <rect x="430" y="13" width="340" height="22" rx="11" fill="#ffffff" stroke="${p.border}"/>
    <rect x="0" y="48" width="224" height="712" fill="${p.surface}"/>
    <line x1="0" y1="48.5" x2="1200" y2="48.5" stroke="${p.border}"/>
    <line x1="224.5" y1="48" x2="224.5" y2="760" stroke="${p.border}"/>
    <rect x="24" y="72" width="28" height="28" rx="8" fill="${p.primary}"/>
    <rect x="62" y="80" width="92" height="12" rx="6" fill="${p.text}" opacity=".8"/>
    ${nav
      .map(
        (i) => `<rect x="16" y="${128 + i * 44}" width="192" height="34" rx="8" fill="${i === 0 ? p.primary : 'none'}" opacity="${i === 0 ? 0.12 : 1}"/>
    <rect x="30" y="${139 + i * 44}" width="12" height="12" rx="3" fill="${i === 0 ? p.primary : p.muted}" opacity="${i === 0 ? 1 : 0.5}"/>
    <rect x="52" y="${140 + i * 44}" width="${[84, 70, 96, 64, 78, 58][i]}" height="10" rx="5" fill="${i === 0 ? p.primary : p.muted}" opacity="${i === 0 ? 0.9 : 0.45}"/>`,
      )
      .join('')}
    <text x="256" y="98" font-size="24" font-weight="700" fill="${p.text}">Feedback overview</text>
    <text x="256" y="122" font-size="14" fill="${p.muted}">Last 30 days · all sources</text>
    <rect x="1032" y="76" width="136" height="38" rx="10" fill="${p.primary}"/>
    <text x="1100" y="100" font-size="14" font-weight="600" fill="${p.primaryText}" text-anchor="middle">New insight</text>
    ${kpis
      .map(
        ([label, value, delta], i) => `<g transform="translate(${256 + i * 308} 140)">
      <rect width="288" height="112" rx="14" fill="#ffffff" stroke="${p.border}"/>
      <text x="22" y="34" font-size="14" fill="${p.muted}">${esc(label)}</text>
      <text x="22" y="80" font-size="34" font-weight="700" fill="${p.text}">${esc(value)}</text>
      <rect x="196" y="56" width="70" height="28" rx="14" fill="#dcfce7"/>
      <text x="231" y="75" font-size="13" font-weight="600" fill="#15803d" text-anchor="middle">${esc(delta)}</text>
    </g>`,
      )
      .join('')}
    <g transform="translate(256 272)">
      <rect width="596" height="292" rx="14" fill="#ffffff" stroke="${p.border}"/>
      <text x="22" y="36" font-size="16" font-weight="600" fill="${p.text}">Requests by week</text>
      ${[0, 1, 2, 3].map((i) => `<line x1="22" x2="574" y1="${90 + i * 50}" y2="${90 + i * 50}" stroke="${p.border}" stroke-dasharray="4 6"/>`).join('')}
      <path d="M22 230 C80 220 110 190 160 196 S250 150 300 160 S380 110 430 118 S510 70 574 78 V262 H22z" fill="url(#a)"/>
      <path d="M22 230 C80 220 110 190 160 196 S250 150 300 160 S380 110 430 118 S510 70 574 78" fill="none" stroke="${p.primary}" stroke-width="3.5" stroke-linecap="round"/>
      <path d="M22 246 C90 240 130 226 180 228 S270 206 320 210 S420 188 470 192 S540 174 574 170" fill="none" stroke="${p.muted}" stroke-opacity=".45" stroke-width="2.5" stroke-dasharray="2 7" stroke-linecap="round"/>
      <circle cx="430" cy="118" r="7" fill="#ffffff" stroke="${p.primary}" stroke-width="3.5"/>
    </g>
    <g transform="translate(872 272)">
      <rect width="296" height="292" rx="14" fill="#ffffff" stroke="${p.border}"/>
      <text x="22" y="36" font-size="16" font-weight="600" fill="${p.text}">Top themes</text>
      ${themes
        .map(
          ([label, v], i) => `<text x="22" y="${82 + i * 46}" font-size="13" fill="${p.muted}">${esc(label)}</text>
      <rect x="22" y="${92 + i * 46}" width="252" height="8" rx="4" fill="${p.surface}"/>
      <rect x="22" y="${92 + i * 46}" width="${Math.round(252 * v)}" height="8" rx="4" fill="${p.primary}" opacity="${1 - i * 0.14}"/>`,
        )
        .join('')}
    </g>
    <g transform="translate(256 584)">
      <rect width="912" height="156" rx="14" fill="#ffffff" stroke="${p.border}"/>
      ${rows
        .map(
          ([title, status, votes], i) => `<g transform="translate(0 ${i * 52})">
        ${i ? `<line x1="0" x2="912" y1="0.5" y2="0.5" stroke="${p.border}"/>` : ''}
        <circle cx="36" cy="28" r="13" fill="${p.primary}" opacity="${0.25 + i * 0.25}"/>
        <text x="62" y="33" font-size="15" font-weight="500" fill="${p.text}">${esc(title)}</text>
        <rect x="560" y="14" width="${status.length * 8 + 24}" height="28" rx="14" fill="${p.primary}" opacity=".1"/>
        <text x="${572}" y="33" font-size="13" font-weight="600" fill="${p.primary}">${esc(status)}</text>
        <text x="888" y="33" font-size="14" fill="${p.muted}" text-anchor="end">${votes} votes</text>
      </g>`,
        )
        .join('')}
    </g>
  </g>
  <rect x=".5" y=".5" width="1199" height="759" rx="17.5" fill="none" stroke="${p.border}"/>
</svg>`);
}

/** Two phones showing a budgeting app. */
export function phoneArt(p: Palette): string {
  const envelopes = [
    ['Groceries', '$412 of $600', 0.69, '#f59e0b'],
    ['Rent & bills', '$1,850 of $1,850', 1, p.primary],
    ['Eating out', '$96 of $250', 0.38, '#ec4899'],
    ['Weekend trip', '$320 of $900', 0.36, '#6366f1'],
  ] as const;
  const phone = (content: string) => `
    <rect width="300" height="620" rx="46" fill="#0f172a"/>
    <rect x="11" y="11" width="278" height="598" rx="36" fill="#ffffff"/>
    <rect x="108" y="24" width="84" height="24" rx="12" fill="#0f172a"/>
    ${content}`;
  const ring = 2 * Math.PI * 62;
  const front = phone(`
    <text x="32" y="92" font-size="13" fill="${p.muted}">Shared with Sam</text>
    <text x="32" y="118" font-size="22" font-weight="700" fill="${p.text}">March budget</text>
    <circle cx="150" cy="214" r="62" fill="none" stroke="${p.surface}" stroke-width="16"/>
    <circle cx="150" cy="214" r="62" fill="none" stroke="${p.primary}" stroke-width="16" stroke-linecap="round" stroke-dasharray="${(ring * 0.64).toFixed(1)} ${ring.toFixed(1)}" transform="rotate(-90 150 214)"/>
    <text x="150" y="212" font-size="24" font-weight="700" fill="${p.text}" text-anchor="middle">$1,126</text>
    <text x="150" y="234" font-size="12" fill="${p.muted}" text-anchor="middle">left to spend</text>
    ${envelopes
      .map(
        ([name, amount, v, color], i) => `<g transform="translate(24 ${306 + i * 66})">
      <rect width="252" height="56" rx="14" fill="${p.surface}"/>
      <rect x="12" y="12" width="32" height="32" rx="10" fill="${color}" opacity=".18"/>
      <circle cx="28" cy="28" r="6" fill="${color}"/>
      <text x="56" y="25" font-size="13" font-weight="600" fill="${p.text}">${esc(name as string)}</text>
      <text x="56" y="42" font-size="11" fill="${p.muted}">${esc(amount)}</text>
      <rect x="178" y="25" width="60" height="6" rx="3" fill="#ffffff"/>
      <rect x="178" y="25" width="${Math.round(60 * v)}" height="6" rx="3" fill="${color}"/>
    </g>`,
      )
      .join('')}
    <line x1="11" x2="289" y1="560.5" y2="560.5" stroke="${p.border}"/>
    ${[0, 1, 2, 3].map((i) => `<rect x="${52 + i * 60}" y="576" width="20" height="20" rx="6" fill="${i === 0 ? p.primary : p.muted}" opacity="${i === 0 ? 1 : 0.35}"/>`).join('')}`);
  const back = phone(`
    <text x="32" y="92" font-size="13" fill="${p.muted}">Goals</text>
    <text x="32" y="118" font-size="22" font-weight="700" fill="${p.text}">Saving together</text>
    ${[
      ['Emergency fund', 0.82],
      ['Lisbon in June', 0.55],
      ['New sofa', 0.3],
    ]
      .map(
        ([name, v], i) => `<g transform="translate(24 ${146 + i * 118})">
      <rect width="252" height="104" rx="16" fill="${p.surface}"/>
      <text x="18" y="32" font-size="14" font-weight="600" fill="${p.text}">${esc(name as string)}</text>
      <text x="18" y="54" font-size="12" fill="${p.muted}">${Math.round((v as number) * 100)}% there</text>
      <rect x="18" y="70" width="216" height="10" rx="5" fill="#ffffff"/>
      <rect x="18" y="70" width="${Math.round(216 * (v as number))}" height="10" rx="5" fill="${p.primary}"/>
    </g>`,
      )
      .join('')}`);
  return svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 660 780" width="660" height="780">
  <defs>
    <filter id="s" x="-20%" y="-20%" width="140%" height="140%"><feDropShadow dx="0" dy="24" stdDeviation="22" flood-color="#0f172a" flood-opacity=".22"/></filter>
  </defs>
  <circle cx="330" cy="380" r="300" fill="${p.primary}" opacity=".08"/>
  <circle cx="330" cy="380" r="205" fill="${p.primary}" opacity=".08"/>
  <g ${FONT}>
    <g transform="translate(350 40) rotate(7)" filter="url(#s)" opacity=".97">${back}</g>
    <g transform="translate(60 70) rotate(-4)" filter="url(#s)">${front}</g>
  </g>
</svg>`);
}

/** Consultancy: a prioritisation matrix on paper with a floating result card. */
export function strategyArt(p: Palette): string {
  const dots = [
    [118, 110, 18, 1],
    [178, 150, 11, 0.7],
    [90, 196, 9, 0.45],
    [250, 96, 13, 0.8],
    [300, 250, 8, 0.35],
    [206, 270, 10, 0.5],
    [346, 156, 7, 0.3],
  ] as const;
  return svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 580" width="640" height="580">
  <defs>
    <filter id="s" x="-20%" y="-20%" width="140%" height="150%"><feDropShadow dx="0" dy="18" stdDeviation="20" flood-color="${p.text}" flood-opacity=".16"/></filter>
    <pattern id="d" width="22" height="22" patternUnits="userSpaceOnUse"><circle cx="2" cy="2" r="1.6" fill="${p.muted}" opacity=".35"/></pattern>
  </defs>
  <rect x="360" y="10" width="270" height="250" fill="url(#d)"/>
  <circle cx="470" cy="420" r="150" fill="${p.primary}" opacity=".12"/>
  <path d="M40 520 A300 300 0 0 1 340 220" fill="none" stroke="${p.primary}" stroke-width="2" opacity=".35"/>
  <g ${FONT}>
    <g transform="translate(60 70) rotate(-3)" filter="url(#s)">
      <rect width="420" height="380" rx="10" fill="#fffdf9" stroke="${p.border}"/>
      <text x="30" y="44" font-size="15" font-weight="600" fill="${p.text}">Where to focus next quarter</text>
      <g transform="translate(30 66)">
        <rect width="180" height="140" fill="${p.primary}" opacity=".09"/>
        <line x1="180" y1="0" x2="180" y2="280" stroke="${p.border}" stroke-width="1.5"/>
        <line x1="0" y1="140" x2="360" y2="140" stroke="${p.border}" stroke-width="1.5"/>
        <rect width="360" height="280" fill="none" stroke="${p.border}" stroke-width="1.5"/>
        <text x="12" y="24" font-size="11" font-weight="600" fill="${p.primary}" letter-spacing="1">DO FIRST</text>
        ${dots.map(([x, y, r, o]) => `<circle cx="${x - 30}" cy="${y - 40}" r="${r}" fill="${p.primary}" opacity="${o}"/>`).join('')}
        <path d="M88 70 C120 40 170 40 200 56" fill="none" stroke="${p.text}" stroke-width="1.5" stroke-dasharray="3 5" opacity=".5"/>
        <text x="0" y="302" font-size="11" fill="${p.muted}">Effort →</text>
        <text x="330" y="302" font-size="11" fill="${p.muted}" text-anchor="end">Impact ↑</text>
      </g>
    </g>
    <g transform="translate(352 318) rotate(2)" filter="url(#s)">
      <rect width="236" height="150" rx="10" fill="#ffffff" stroke="${p.border}"/>
      <text x="22" y="38" font-size="13" fill="${p.muted}">Order-to-cash lead time</text>
      <text x="22" y="84" font-size="38" font-weight="700" fill="${p.text}">−41%</text>
      <path d="M22 124 L64 114 L104 118 L146 102 L184 96 L214 82" fill="none" stroke="${p.primary}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
      <circle cx="214" cy="82" r="5" fill="${p.primary}"/>
    </g>
  </g>
</svg>`);
}
