// Multi-language rendering without a server: translations only ever replace
// text, fall back field by field, are counted when missing; a single-language
// site renders exactly as before (no alternates, no switcher, no extra CSS).
import { describe, expect, it } from 'vitest';
import { buildFiles } from '../../src/publishing/build-files.js';
import { cookieTable } from '../../src/consent/cookie-table.js';
import { missingTranslations, translatePage } from '../../src/site-document/translations.js';
import type { SiteDocumentInput } from '../../src/site-document/schema.js';
import { docWith } from './helpers.js';

const hero = { type: 'hero' as const, props: { id: 'hero', heading: 'Hello', subheading: 'Welcome here', primary: { label: 'Start', href: '/pricing' } } };
const pages: SiteDocumentInput['pages'] = [
  { id: 'home', path: '/', title: 'Home', blocks: [hero] },
  { id: 'pricing', path: '/pricing', title: 'Pricing', description: 'Plans', blocks: [] },
];

describe('translations', () => {
  const doc = docWith(
    [
      {
        ...pages[0]!,
        translations: {
          fr: {
            title: 'Accueil',
            blocks: { hero: { heading: 'Bonjour', 'primary.href': 'https://evil.example', 'primary.label': '  ', layout: 'split', 'items.0.title': 'x' } },
          },
        },
      },
      pages[1]!,
    ],
    { languages: ['fr'] },
  );

  it('replaces only translatable text that exists, and falls back field by field', () => {
    const fr = translatePage(doc.pages[0]!, 'fr');
    const props = fr.blocks[0]!.props as Record<string, any>;
    expect(fr.title).toBe('Accueil');
    expect(props.heading).toBe('Bonjour');
    expect(props.subheading).toBe('Welcome here');
    expect(props.primary).toEqual({ label: 'Start', href: '/pricing' });
    expect(props.layout).toBe('centered');
    expect(props.items).toBeUndefined();
  });

  it('counts the texts a page still lacks in a language', () => {
    // heading translated, title translated; subheading and the button's label missing.
    expect(missingTranslations(doc.pages[0]!, 'fr')).toBe(2);
    expect(missingTranslations(doc.pages[1]!, 'fr')).toBe(2); // title and description
    expect(missingTranslations(doc.pages[1]!, 'de')).toBe(2);
  });

  it('lists `lang` with the necessary cookies of a multi-language site only', () => {
    const row = cookieTable(doc).find((r) => r.name === 'lang');
    expect(row).toMatchObject({ category: 'necessary', days: 365, party: 'first' });
    expect(cookieTable(docWith(pages)).some((r) => r.name === 'lang')).toBe(false);
  });

  it('renders a single-language site without alternates, switcher or their styles', () => {
    const files = buildFiles(docWith(pages), 'https://one.example', 'One', new Date('2026-01-01T00:00:00Z'));
    const home = files.find((f) => f.path === '/')!.body.toString();
    const css = files.find((f) => f.path.endsWith('.css'))!.body.toString();
    expect(home).toContain('<html lang="en">');
    expect(home).not.toContain('hrefLang');
    expect(home).not.toContain('lang-switch');
    expect(css).not.toContain('lang-switch');
    expect(files.some((f) => f.path.startsWith('/fr'))).toBe(false);
    const sitemap = files.find((f) => f.path === '/sitemap.xml')!.body.toString();
    expect(sitemap).not.toContain('xhtml');
  });

  it('renders a further language with localized links, French form words and the lang styles', () => {
    const withForm = docWith(
      [
        pages[0]!,
        {
          id: 'contact',
          path: '/contact',
          title: 'Contact',
          blocks: [{ type: 'form' as const, props: { id: 'c', fields: [{ name: 'note', type: 'textarea' as const, label: 'Note' }] } }],
        },
      ],
      { languages: ['fr'] },
    );
    const files = buildFiles(withForm, 'https://two.example', 'Two', new Date('2026-01-01T00:00:00Z'));
    const fr = files.find((f) => f.path === '/fr/contact')!.body.toString();
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('>Facultatif<');
    expect(fr).toContain('>Envoyer<');
    expect(fr).toContain('data-msg-network="Votre message n’a pas pu être envoyé');
    expect(files.find((f) => f.path === '/contact')!.body.toString()).not.toContain('data-msg-network');
    // No /pricing page on this site: the link is left alone.
    expect(files.find((f) => f.path === '/fr')!.body.toString()).toContain('href="/pricing"');
    expect(files.find((f) => f.path === '/_atrium/forms/c/thanks/fr')!.body.toString()).toContain('Merci');
    expect(files.find((f) => f.path === ':404:fr')!.body.toString()).toContain('Cette page est introuvable');
  });
});
