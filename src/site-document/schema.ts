// The one schema of a site document: shared by the API, the editor and the
// renderer. Blocks follow Puck's data shape ({ type, props: { id, ... } }) so
// the visual editor can load a page's blocks without translation.
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -');

/** A link target: a site path, an anchor, mailto/tel, or an http(s) URL. Never javascript:. */
export const Href = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => /^(\/(?!\/)|#|mailto:|tel:|https?:\/\/)/i.test(v) || v === '/', {
    message: 'must start with /, #, mailto:, tel:, http:// or https://',
  });

/** An image source: a site asset path, an http(s) URL or an inline SVG/PNG data URL. */
export const ImageSrc = z
  .string()
  .trim()
  .max(200_000)
  .refine((v) => /^(\/(?!\/)|https?:\/\/|data:image\/(svg\+xml|png|jpeg|webp)[;,])/i.test(v), {
    message: 'must be a site path, an http(s) URL or an image data URL',
  });

export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour');

export const FONT_STACKS = ['system', 'humanist', 'geometric', 'serif', 'mono'] as const;
export const RADII = ['none', 'small', 'medium', 'large', 'pill'] as const;

export const Theme = z.object({
  preset: z.string().max(40).optional(),
  palette: z.object({
    primary: Color, // buttons, links, accents
    primaryText: Color, // text on primary
    background: Color,
    surface: Color, // cards, alternate sections
    text: Color,
    muted: Color, // secondary text
    border: Color,
  }),
  fonts: z.object({ heading: z.enum(FONT_STACKS), body: z.enum(FONT_STACKS) }),
  radius: z.enum(RADII),
});

const Link = z.object({ label: text(80).min(1), href: Href });
const Button = z.object({ label: text(60).min(1), href: Href });
/** An uploaded image's resized variants, for srcset: site asset paths only. */
export const AssetPath = z.string().regex(/^\/_atrium\/img\/[0-9a-f]{64}\.webp$/, 'must be an uploaded image path');
const Image = z.object({
  src: ImageSrc,
  alt: text(300),
  width: z.number().int().positive().max(10000).optional(),
  height: z.number().int().positive().max(10000).optional(),
  srcset: z
    .array(z.object({ src: AssetPath, width: z.number().int().positive().max(10000) }))
    .max(8)
    .optional(),
});
const Icon = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/)
  .optional();
const Tone = z.enum(['default', 'surface', 'primary', 'dark']).default('default');

const block = <T extends string, P extends z.ZodRawShape>(type: T, props: P) => z.object({ type: z.literal(type), props: z.object({ id, ...props }) });

export const HeroBlock = block('hero', {
  eyebrow: text(80).optional(),
  heading: text(160).min(1),
  subheading: text(400).optional(),
  primary: Button.optional(),
  secondary: Button.optional(),
  image: Image.optional(),
  layout: z.enum(['centered', 'split']).default('centered'),
  tone: Tone,
});
export const FeaturesBlock = block('features', {
  heading: text(160).optional(),
  subheading: text(400).optional(),
  columns: z.union([z.literal(2), z.literal(3), z.literal(4)]).default(3),
  items: z.array(z.object({ icon: Icon, title: text(100).min(1), body: text(500) })).max(24),
  tone: Tone,
});
export const LogosBlock = block('logos', {
  heading: text(160).optional(),
  logos: z.array(z.object({ name: text(80).min(1), image: Image.optional() })).max(24),
  tone: Tone,
});
export const TestimonialsBlock = block('testimonials', {
  heading: text(160).optional(),
  items: z.array(z.object({ quote: text(800).min(1), name: text(80).min(1), role: text(120).optional(), avatar: Image.optional() })).max(24),
  tone: Tone,
});
export const PricingBlock = block('pricing', {
  heading: text(160).optional(),
  subheading: text(400).optional(),
  plans: z
    .array(
      z.object({
        name: text(60).min(1),
        price: text(30),
        period: text(30).optional(),
        description: text(300).optional(),
        features: z.array(text(160)).max(30),
        cta: Button.optional(),
        highlighted: z.boolean().default(false),
      }),
    )
    .max(6),
  tone: Tone,
});
export const FaqBlock = block('faq', {
  heading: text(160).optional(),
  items: z.array(z.object({ question: text(300).min(1), answer: text(3000) })).max(50),
  tone: Tone,
});
export const CtaBlock = block('cta', {
  heading: text(160).min(1),
  body: text(400).optional(),
  primary: Button.optional(),
  secondary: Button.optional(),
  tone: Tone,
});
export const RichTextBlock = block('richtext', {
  // HTML from the editor; sanitized to an allowlist when rendered.
  html: z.string().max(100_000),
  width: z.enum(['narrow', 'wide']).default('narrow'),
  tone: Tone,
});
export const ImageBlock = block('image', {
  // Optional in a draft (a new block waits for its picture); publishing refuses it empty (see publishable.ts).
  image: Image.optional(),
  caption: text(300).optional(),
  width: z.enum(['narrow', 'wide', 'full']).default('wide'),
  tone: Tone,
});

/** Consent categories of the banner; `necessary` is always on and cannot be switched off. */
export const CONSENT_CATEGORIES = ['necessary', 'functional', 'analytics', 'marketing'] as const;
export const ConsentCategory = z.enum(CONSENT_CATEGORIES);
/** The categories a visitor can grant or refuse. */
export const OptionalCategory = z.enum(['functional', 'analytics', 'marketing']);

/**
 * Third-party content: a provider from src/consent/providers.ts (the URL is
 * checked and turned into the provider's embed address at publish), or a
 * generic iframe whose category the subscriber chooses. Before consent it is a
 * placeholder naming the provider; nothing loads from the provider's origin.
 */
export const EmbedBlock = block('embed', {
  provider: z.enum(['youtube', 'vimeo', 'google-maps', 'calendly', 'typeform', 'loom', 'spotify', 'iframe']),
  // Optional in a draft (a new block waits for its address); publishing refuses it empty.
  url: z
    .string()
    .trim()
    .max(2048)
    .refine((v) => v === '' || /^https:\/\/[^\s/]+/i.test(v), { message: 'must be an https:// address' })
    .optional(),
  // The iframe's accessible name, e.g. "Product tour video".
  title: text(160).min(1).default('Embedded content'),
  // Generic iframes only: what the embedded page does. Providers declare their own category.
  category: OptionalCategory.default('marketing'),
  aspect: z.enum(['16:9', '4:3', '1:1', '3:4', 'tall']).default('16:9'),
  caption: text(300).optional(),
  tone: Tone,
});

/** A cookie a snippet sets on the site's own domain; `name` may end with * for a prefix (e.g. _ga_*). */
export const DeclaredCookie = z.object({
  name: z.string().regex(/^[A-Za-z0-9_.\-]{1,80}\*?$/, 'must be a cookie name (letters, digits, _ . -), optionally ending with *'),
  purpose: text(300).min(1),
  /** Lifetime in days; 0 means it ends with the browser session. */
  days: z.number().int().min(0).max(3650),
});

/** An https origin a snippet loads from or sends to, e.g. https://cdn.example.com */
export const Origin = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/, 'must be an https origin like https://cdn.example.com (no path)');

/**
 * Custom code a subscriber adds (an analytics tag, a chat widget): HTML with
 * scripts. Snippets of a category other than `necessary` stay inert until the
 * visitor grants it. Inline scripts are allowed by their sha256 hash in the
 * page's CSP, external ones by their origin; `origins` adds what they connect to.
 */
export const Snippet = z.object({
  id,
  name: text(80).min(1),
  placement: z.enum(['head', 'body']).default('body'),
  category: ConsentCategory,
  code: z.string().max(20_000),
  origins: z.array(Origin).max(20).default([]),
  cookies: z.array(DeclaredCookie).max(20).default([]),
  /** Where the provider explains what it does with visitors' data; shown in the cookie table. */
  policyUrl: z
    .string()
    .trim()
    .max(2048)
    .regex(/^https:\/\//, 'must be an https:// address')
    .optional(),
});

/** Banner wording a subscriber may override, per language; unset strings use Atrium's own. */
export const BannerWording = z.object({
  title: text(120).optional(),
  body: text(800).optional(),
  acceptAll: text(40).optional(),
  rejectAll: text(40).optional(),
  choose: text(40).optional(),
  save: text(40).optional(),
});

export const ConsentSettings = z.object({
  /**
   * off: no banner (only allowed when nothing on the site needs consent);
   * notice: a notice with an opt-out, non-essential content runs (GPC still honoured);
   * categories: nothing non-essential runs before the visitor chooses.
   */
  mode: z.enum(['off', 'notice', 'categories']).default('categories'),
  /** Global Privacy Control always refuses marketing; this makes it refuse analytics too. */
  gpcRefusesAnalytics: z.boolean().default(false),
  wording: z.record(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/), BannerWording).default({}),
});

/** The site's visitor analytics. Pageviews are counted while serving, with no script; the optional beacon adds what only the browser knows. */
/** How long the site keeps the messages visitors send through its forms: 3, 6, 12 or 24 months, or 0 for as long as the site exists. */
export const SUBMISSION_RETENTION_MONTHS = [3, 6, 12, 24, 0] as const;
export const FormSettings = z.object({
  retentionMonths: z.union([z.literal(3), z.literal(6), z.literal(12), z.literal(24), z.literal(0)]).default(24),
});

export const AnalyticsSettings = z.object({
  /**
   * Load the beacon (src/runtime/beacon.js, a few hundred bytes) on every page: screen size, time on page,
   * outbound link clicks, file downloads and custom events. No cookie either way.
   */
  beacon: z.boolean().default(false),
});

export const PagePath = z
  .string()
  .regex(/^\/([a-z0-9]+(?:-[a-z0-9]+)*(\/[a-z0-9]+(?:-[a-z0-9]+)*)*)?$/, 'must be / or lowercase words joined by - and /, like /pricing or /blog/launch');

/** An old address that now answers with a permanent redirect (301) to a page of the site or another site. */
export const Redirect = z.object({
  from: z
    .string()
    .max(300)
    .regex(/^\/[^\s?#]*$/, 'must be a path starting with /, without spaces, query or #'),
  to: z
    .string()
    .max(1000)
    .regex(/^(\/[\x21-\x7e]*|https?:\/\/[\x21-\x7e]+)$/, 'must be a path starting with / or an http(s) address, other characters percent-encoded'),
});

/** Who is behind the site, for search engines (JSON-LD on the home page): the brand name is the site's unless set. */
export const Organization = z.object({
  name: text(120).optional(),
  /** Public contact address, if the site wants one listed. */
  email: z.string().trim().max(200).email('must be an email address').optional(),
  /** Profiles elsewhere (social networks, directories). */
  sameAs: z
    .array(
      z
        .string()
        .max(300)
        .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) address'),
    )
    .max(10)
    .default([]),
});

/** A field a visitor fills in. `name` is the key of the value in a submission. */
export const FormField = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be 1-40 lowercase letters, digits or _, starting with a letter'),
    type: z.enum(['text', 'email', 'phone', 'textarea', 'select', 'checkbox', 'consent']),
    // For a consent field this is the exact wording the visitor agrees to; it is stored with each submission.
    label: text(1000).min(1),
    required: z.boolean().default(false),
    placeholder: text(120).optional(),
    options: z.array(text(120).min(1)).max(50).optional(), // select only
    maxLength: z.number().int().positive().max(10000).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'select' && !f.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select needs at least one option' });
  });

export const FormBlock = block('form', {
  heading: text(160).optional(),
  subheading: text(400).optional(),
  fields: z
    .array(FormField)
    .min(1)
    .max(30)
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((f, i) => {
        if (seen.has(f.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate field name ${f.name}` });
        seen.add(f.name);
      });
    }),
  buttonLabel: text(60).min(1).default('Send'),
  // After a successful submission: show a message, or go to a page of the site.
  successMessage: text(500).default('Thanks! We received your message and will get back to you soon.'),
  successRedirect: PagePath.optional(),
  // Where new submissions are announced; the submitter's email (first email field) becomes Reply-To.
  notifyEmail: z.string().trim().toLowerCase().max(254).email('must be an email address').optional(),
  tone: Tone,
});

/** The site's privacy notice, generated at each publish from what the site really does (src/consent/site-policy.ts). */
export const PrivacyPolicyBlock = block('privacy', {
  heading: text(120).min(1),
  intro: text(600).optional(),
  /** Where visitors write about their data; without it, the notice points to the site's privacy request page. */
  contact: z.string().trim().max(254).email('must be an email address').optional(),
  tone: Tone,
});

export const Block = z.discriminatedUnion('type', [
  HeroBlock,
  FeaturesBlock,
  LogosBlock,
  TestimonialsBlock,
  PricingBlock,
  FaqBlock,
  CtaBlock,
  RichTextBlock,
  ImageBlock,
  FormBlock,
  EmbedBlock,
  PrivacyPolicyBlock,
]);
export const BLOCK_TYPES = Block.options.map((o) => o.shape.type.value);

export const LANGUAGE = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag like en or pt-BR');

/**
 * A translation of text, by field path: `heading`, `items.0.title`,
 * `plans.1.features.2`. Only text is translated; structure (which blocks,
 * items, links and images) stays shared with the default language, and a path
 * without a translation shows the default language's text
 * (src/site-document/translations.ts lists the translatable paths).
 */
export const TextByPath = z.record(z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z0-9]+){0,4}$/, 'must be a field path like items.0.title'), z.string().max(100_000));

/** One page in one further language: its title, description and blocks' text, by block id. */
export const PageTranslation = z.object({
  title: text(120).optional(),
  description: text(320).optional(),
  blocks: z.record(id, TextByPath).default({}),
});

export const Page = z.object({
  id,
  path: PagePath,
  title: text(120).min(1),
  description: text(320).default(''),
  socialImage: ImageSrc.optional(),
  noindex: z.boolean().default(false),
  blocks: z.array(Block).max(100),
  /** Custom code for this page only, after the site-wide snippets. */
  snippets: z.array(Snippet).max(20).default([]),
  /** The page's text in the site's further languages (doc.languages), by language. */
  translations: z.record(LANGUAGE, PageTranslation).default({}),
});

export const Navigation = z.object({
  brand: text(80).optional(), // falls back to the site name
  logo: Image.optional(),
  links: z.array(Link).max(12),
  cta: Button.optional(),
});

export const Footer = z.object({
  tagline: text(300).optional(),
  columns: z.array(z.object({ heading: text(60).min(1), links: z.array(Link).max(12) })).max(5),
  legal: text(200).optional(), // e.g. "© 2026 Acme Inc."
});

/** The navigation's and footer's text in one further language, by field path (like `links.0.label`, `columns.1.heading`). */
export const SiteTranslation = z.object({
  navigation: TextByPath.default({}),
  footer: TextByPath.default({}),
});

/**
 * Where the site root sends a visitor without a `lang` cookie: nowhere (the
 * default language's home), or to the best match of the browser's
 * Accept-Language among the site's languages. A visitor who picked a language
 * in the switcher is always sent to it.
 */
export const RootLanguage = z.enum(['default', 'accept-language']);

export const SiteDocument = z
  .object({
    version: z.literal(1),
    defaultLanguage: LANGUAGE,
    /** Further languages, published under /<lang>/...; the default language is at /. */
    languages: z.array(LANGUAGE).max(20).default([]),
    /** The navigation's and footer's text in the further languages. */
    translations: z.record(LANGUAGE, SiteTranslation).default({}),
    rootLanguage: RootLanguage.default('default'),
    theme: Theme,
    navigation: Navigation,
    footer: Footer,
    favicon: ImageSrc.optional(),
    socialImage: ImageSrc.optional(),
    pages: z.array(Page).min(1).max(500),
    consent: ConsentSettings.default({ mode: 'categories', gpcRefusesAnalytics: false, wording: {} }),
    analytics: AnalyticsSettings.default({ beacon: false }),
    forms: FormSettings.default({ retentionMonths: 24 }),
    organization: Organization.default({ sameAs: [] }),
    /** Old paths kept working: made when a page's path changes, and editable in the site's settings. */
    redirects: z.array(Redirect).max(500).default([]),
    /** Custom code on every page. */
    snippets: z.array(Snippet).max(20).default([]),
  })
  .superRefine((doc, ctx) => {
    const paths = new Set<string>();
    const ids = new Set<string>();
    doc.pages.forEach((p, i) => {
      if (paths.has(p.path)) ctx.addIssue({ code: 'custom', path: ['pages', i, 'path'], message: `duplicate page path ${p.path}` });
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['pages', i, 'id'], message: `duplicate page id ${p.id}` });
      paths.add(p.path);
      ids.add(p.id);
    });
    // A snippet's id names it in the page (and in the visitor's cookie table): one per page.
    const siteSnippets = new Set<string>();
    doc.snippets.forEach((sn, i) => {
      if (siteSnippets.has(sn.id)) ctx.addIssue({ code: 'custom', path: ['snippets', i, 'id'], message: `another snippet already uses the id ${sn.id}` });
      siteSnippets.add(sn.id);
    });
    doc.pages.forEach((p, i) => {
      const seen = new Set(siteSnippets);
      p.snippets.forEach((sn, j) => {
        if (seen.has(sn.id)) ctx.addIssue({ code: 'custom', path: ['pages', i, 'snippets', j, 'id'], message: `another snippet already uses the id ${sn.id}` });
        seen.add(sn.id);
      });
    });
    const froms = new Set<string>();
    doc.redirects.forEach((r, i) => {
      const from = r.from.length > 1 ? r.from.replace(/\/+$/, '') : r.from;
      if (paths.has(from))
        ctx.addIssue({ code: 'custom', path: ['redirects', i, 'from'], message: `a page lives at ${from}: remove the redirect or move the page` });
      if (froms.has(from)) ctx.addIssue({ code: 'custom', path: ['redirects', i, 'from'], message: `another redirect already starts at ${from}` });
      if (r.to === from) ctx.addIssue({ code: 'custom', path: ['redirects', i, 'to'], message: 'a redirect cannot lead to itself' });
      froms.add(from);
    });
    // Further languages: each once, not the default, and no page path may start where a language's pages live.
    const langs = new Set<string>();
    doc.languages.forEach((l, i) => {
      if (l === doc.defaultLanguage || langs.has(l))
        ctx.addIssue({ code: 'custom', path: ['languages', i], message: `${l} is already a language of the site` });
      langs.add(l.toLowerCase());
    });
    doc.pages.forEach((p, i) => {
      const first = p.path.split('/')[1];
      if (first && langs.has(first))
        ctx.addIssue({ code: 'custom', path: ['pages', i, 'path'], message: `${p.path} is where the ${first} pages are published` });
    });
    if (!paths.has('/')) ctx.addIssue({ code: 'custom', path: ['pages'], message: 'a site needs a home page with path /' });
    // A form's id is its address (/_atrium/forms/<id>): it must name one form in the whole site.
    const formIds = new Set<string>();
    doc.pages.forEach((p, i) =>
      p.blocks.forEach((b, j) => {
        if (b.type !== 'form') return;
        if (formIds.has(b.props.id))
          ctx.addIssue({ code: 'custom', path: ['pages', i, 'blocks', j, 'props', 'id'], message: `another form already uses the id ${b.props.id}` });
        formIds.add(b.props.id);
      }),
    );
  });

export type SiteDocument = z.infer<typeof SiteDocument>;
export type SiteDocumentInput = z.input<typeof SiteDocument>;
export type Theme = z.infer<typeof Theme>;
export type Page = z.infer<typeof Page>;
export type Block = z.infer<typeof Block>;
export type BlockType = Block['type'];
export type Snippet = z.infer<typeof Snippet>;
export type Redirect = z.infer<typeof Redirect>;
export type PageTranslation = z.infer<typeof PageTranslation>;
export type TextByPath = z.infer<typeof TextByPath>;
export type AnalyticsSettings = z.infer<typeof AnalyticsSettings>;
export type ConsentSettings = z.infer<typeof ConsentSettings>;
export type ConsentCategory = z.infer<typeof ConsentCategory>;
export type OptionalCategory = z.infer<typeof OptionalCategory>;
export type BlockProps<T extends BlockType> = Extract<Block, { type: T }>['props'];
