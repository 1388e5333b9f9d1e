// A published site with content to protect: a members page (text, an image
// used only there, a form), a VIP page with its own image, and an image on the
// home page. Shared by the API and browser tests of protected sites and pages.
import sharp from 'sharp';
import type { HttpClient } from './http.js';

export const MEMBERS_TEXT = 'MEMBERS-ONLY-NOTE-7f3a';
export const VIP_TEXT = 'VIP-ONLY-NOTE-c41d';

async function upload(c: HttpClient, siteId: string, rgb: [number, number, number]) {
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer();
  const r = await c.request('POST', `/api/sites/${siteId}/assets`, undefined, { raw: png, headers: { 'content-type': 'image/png' } });
  if (r.status !== 201) throw new Error(`upload failed: ${r.status} ${r.text}`);
  return r.json as { src: string; width: number; height: number; srcset: { src: string; width: number }[] };
}

const imageBlock = (id: string, img: Awaited<ReturnType<typeof upload>>, alt: string) => ({
  type: 'image',
  props: { id, image: { src: img.src, alt, width: img.width, height: img.height, srcset: img.srcset }, width: 'wide', tone: 'default' },
});

export interface ProtectedSite {
  id: string;
  slug: string;
  host: string;
  /** Image files (every variant) used only on /members, only on /vip, and on the home page. */
  membersImages: string[];
  vipImages: string[];
  homeImages: string[];
}

/** Creates and publishes the site; `language` sets its default language. */
export async function publishProtectedSite(
  c: HttpClient,
  slug: string,
  opts: { name?: string; language?: string; beacon?: boolean } = {},
): Promise<ProtectedSite> {
  const site = (await c.post('/api/sites', { name: opts.name ?? 'Northwind Studio', slug, template: 'saas', region: 'de-frankfurt' })).json;
  const members = await upload(c, site.id, [200, 40, 90]);
  const vip = await upload(c, site.id, [20, 140, 90]);
  const home = await upload(c, site.id, [30, 60, 200]);
  const doc = site.document;
  if (opts.language) doc.defaultLanguage = opts.language;
  if (opts.beacon) doc.analytics = { ...doc.analytics, beacon: true };
  doc.pages[0].blocks.push(imageBlock('home-img', home, 'Our studio'));
  doc.pages.push({
    id: 'members',
    path: '/members',
    title: 'Members',
    blocks: [
      { type: 'richtext', props: { id: 'members-text', html: `<p>${MEMBERS_TEXT}</p>`, width: 'narrow', tone: 'default' } },
      imageBlock('members-img', members, 'The members’ room'),
      { type: 'form', props: { id: 'members-form', fields: [{ name: 'message', type: 'textarea', label: 'Message', required: true }] } },
    ],
  });
  doc.pages.push({
    id: 'vip',
    path: '/vip',
    title: 'VIP',
    blocks: [
      { type: 'richtext', props: { id: 'vip-text', html: `<p>${VIP_TEXT}</p>`, width: 'narrow', tone: 'default' } },
      imageBlock('vip-img', vip, 'The VIP lounge'),
    ],
  });
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  if (saved.status !== 200) throw new Error(`draft failed: ${saved.status} ${saved.text}`);
  const pub = await c.post(`/api/sites/${site.id}/publish`);
  if (pub.status !== 201) throw new Error(`publish failed: ${pub.status} ${pub.text}`);
  const files = (img: Awaited<ReturnType<typeof upload>>) => [...new Set([img.src, ...img.srcset.map((v) => v.src)])];
  return { id: site.id, slug, host: `${slug}.localhost`, membersImages: files(members), vipImages: files(vip), homeImages: files(home) };
}

/** Enters a password on the site's password page; answers the response (303 when right). */
export function enterPassword(c: HttpClient, host: string, password: string, next: string, cookie?: string) {
  return c.request('POST', '/_atrium/protect', undefined, {
    host,
    raw: new URLSearchParams({ password, next }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  });
}

/** The u_sp cookie pair ("u_sp=...") a response sets. */
export const grantOf = (headers: { 'set-cookie'?: string[] }) => headers['set-cookie']?.find((c) => c.startsWith('u_sp='))?.split(';')[0];
