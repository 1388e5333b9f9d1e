// What an Embed block starts with for each provider: an accessible title and
// a frame shape that suits what the provider shows, and where to find the
// link to paste. The checks themselves are the registry's (src/consent/providers.ts).
import { PROVIDERS, type ProviderId } from '../../../src/consent/providers';

type Aspect = '16:9' | '4:3' | '1:1' | '3:4' | 'tall';

export const EMBED_SUGGESTIONS: Record<ProviderId, { title: string; aspect: Aspect; where: string }> = {
  youtube: { title: 'YouTube video', aspect: '16:9', where: 'Paste the video’s address, or the link from its Share button.' },
  vimeo: { title: 'Vimeo video', aspect: '16:9', where: 'Paste the video’s address, like https://vimeo.com/123456789.' },
  'google-maps': { title: 'Map', aspect: '4:3', where: 'In Google Maps choose Share → Embed a map, copy the HTML and paste it here.' },
  calendly: { title: 'Booking calendar', aspect: 'tall', where: 'Paste your scheduling link, like https://calendly.com/your-name/30min.' },
  typeform: { title: 'Form', aspect: 'tall', where: 'Paste the form’s share link, like https://form.typeform.com/to/AbCd1234.' },
  loom: { title: 'Loom video', aspect: '16:9', where: 'Paste the video’s share link.' },
  spotify: { title: 'Spotify player', aspect: '16:9', where: 'In Spotify choose Share → Copy link, and paste it here.' },
  iframe: { title: 'Embedded content', aspect: '16:9', where: 'The https:// address of the page to show in the frame.' },
};

export const PROVIDER_OPTIONS = (Object.keys(PROVIDERS) as ProviderId[]).map((id) => ({
  value: id,
  label: id === 'iframe' ? 'Other (iframe)' : PROVIDERS[id].name,
}));

/** Pasted embed HTML (`<iframe src="…">`, as Google Maps hands out) becomes its address. */
export function pastedAddress(input: string): string {
  const m = /<iframe\b[^>]*\ssrc\s*=\s*["']([^"']+)["']/i.exec(input);
  return (m ? m[1]! : input).replace(/&amp;/g, '&').trim();
}

export type EmbedCheck = { kind: 'empty' } | { kind: 'error'; message: string } | { kind: 'ok'; url: string };

/** The inline check of the URL field and the canvas: what the publisher will load, or why it cannot. */
export function checkEmbed(provider: string | undefined, url: string | undefined): EmbedCheck {
  const p = PROVIDERS[(provider ?? 'youtube') as ProviderId] ?? PROVIDERS.youtube;
  if (!url?.trim()) return { kind: 'empty' };
  const r = p.embedUrl(url);
  return 'error' in r ? { kind: 'error', message: r.error } : { kind: 'ok', url: r.url };
}
