// The Puck configuration: one component per block type, rendered by the very
// components the publisher uses (src/blocks), with the fields to edit them.
import { createUsePuck, type Config, type Fields } from '@puckeditor/core';
import type { ReactNode } from 'react';
import { BLOCKS, Footer, ICON_NAMES, Navbar } from '../../../src/blocks/index';
import { siteConsentItems } from '../../../src/consent/page-needs';
import { consentStrings } from '../../../src/consent/strings';
import { privacyPageStrings } from '../../../src/rendering/privacy/strings';
import { embedDefaults, embedFields, EmbedPending, embedResolveData, embedResolveFields } from './embed-config';
import { checkEmbed } from './embed-defaults';
import { useEditorEnv } from './env';
import { buttonField, imageField, linesField, pageSelectField } from './fields';
import { cleanBlock, fieldNameFor, type BlockType } from './model';

const usePuckSelect = createUsePuck();

const TONE = {
  type: 'select',
  label: 'Section background',
  options: [
    { label: 'Page background', value: 'default' },
    { label: 'Surface', value: 'surface' },
    { label: 'Brand colour', value: 'primary' },
    { label: 'Dark', value: 'dark' },
  ],
} as const;

const ICON_OPTIONS = [
  { label: 'No icon', value: '' },
  ...ICON_NAMES.filter((n) => !['menu', 'close', 'plus', 'arrow'].includes(n)).map((n) => ({ label: n[0]!.toUpperCase() + n.slice(1), value: n })),
];

export const BLOCK_LABELS: Record<BlockType, string> = {
  hero: 'Hero',
  features: 'Features',
  logos: 'Logo strip',
  testimonials: 'Testimonials',
  pricing: 'Pricing',
  faq: 'FAQ',
  cta: 'Call to action',
  richtext: 'Text',
  image: 'Image',
  form: 'Form',
  embed: 'Embed',
  privacy: 'Privacy notice',
};

export const BLOCK_HINTS: Record<BlockType, string> = {
  hero: 'Big headline that opens the page',
  features: 'Grid of benefits with icons',
  logos: '“Trusted by” customer names',
  testimonials: 'Quotes from happy customers',
  pricing: 'Plans side by side',
  faq: 'Questions that open on click',
  cta: 'Closing pitch with buttons',
  richtext: 'Paragraphs, lists and links',
  image: 'One picture with a caption',
  form: 'Contact or signup form',
  embed: 'Video, map or calendar, loaded with consent',
  privacy: 'Written for you from what the site does',
};

/** Text props edited in place on the canvas (plain strings rendered as children by the blocks). */
const INLINE: Partial<Record<BlockType, string[]>> = {
  hero: ['eyebrow', 'heading', 'subheading'],
  features: ['heading', 'subheading'],
  logos: ['heading'],
  testimonials: ['heading'],
  pricing: ['heading', 'subheading'],
  faq: ['heading'],
  cta: ['heading', 'body'],
  image: ['caption'],
  form: ['heading', 'subheading'],
  embed: ['caption'],
  privacy: ['heading', 'intro'],
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Renders a block exactly as the publisher would: from its stored props,
 * cleaned the way they are saved, with `first` set for the page's first
 * block. Only the inline-editable strings come from Puck's transformed props
 * (editable spans), and only when they have text, so an empty optional field
 * shows nothing here just as it shows nothing live.
 */
function BlockView({ type, props }: { type: BlockType; props: Record<string, unknown> & { id: string } }) {
  const { doc } = useEditorEnv();
  const stored = usePuckSelect((s) => s.getItemById(props.id)?.props) as Record<string, unknown> | undefined;
  const firstId = usePuckSelect((s) => s.appState.data.content[0]?.props.id);
  const raw = stored ?? props;
  const clean = cleanBlock(type, raw).props as Record<string, unknown>;
  for (const key of INLINE[type] ?? []) if (!blank(raw[key]) && props[key] !== undefined) clean[key] = props[key];
  if (type === 'image' && !(clean.image as { src?: string } | undefined)?.src)
    // Editor only: an image block waiting for its picture (it saves, but cannot be published yet).
    return (
      <section className={`section tone-${String(clean.tone ?? 'default')}`}>
        <div className="container">
          <p className="ed-empty-image">Choose an image for this block in its settings.</p>
        </div>
      </section>
    );
  if (type === 'embed' && checkEmbed(clean.provider as string, clean.url as string | undefined).kind !== 'ok') return <EmbedPending {...clean} />;
  const Component = BLOCKS[type] as unknown as (p: Record<string, unknown>) => ReactNode;
  return <Component {...clean} first={firstId === props.id} lang={doc.defaultLanguage} />;
}

/** The site around the page: the same header and footer the publisher renders. */
function SiteChrome({ children }: { children: ReactNode }) {
  const { doc, siteName, page } = useEditorEnv();
  // Like the publisher: the footer links to the cookie settings while the site asks for consent, and always to privacy requests.
  const asks = doc.consent.mode !== 'off' && siteConsentItems(doc).length > 0;
  const cookieLink: Record<string, string> = asks ? { cookieSettings: consentStrings(doc.defaultLanguage).settingsLink } : {};
  return (
    <>
      <Navbar navigation={doc.navigation} siteName={siteName} currentPath={page.path} />
      <main id="main">{children}</main>
      <Footer footer={doc.footer} brand={doc.navigation.brand || siteName} {...cookieLink} privacyRequests={privacyPageStrings(doc.defaultLanguage).link} />
    </>
  );
}

const text = (label: string, inline = false) => ({ type: 'text' as const, label, contentEditable: inline });
const area = (label: string, inline = false) => ({ type: 'textarea' as const, label, contentEditable: inline });

type AnyFields = Fields<Record<string, unknown>>;

function component(type: BlockType, fields: Record<string, unknown>, defaultProps: Record<string, unknown>) {
  return {
    label: BLOCK_LABELS[type],
    fields: fields as AnyFields,
    defaultProps,
    render: (props: Record<string, unknown>) => <BlockView type={type} props={props as Record<string, unknown> & { id: string }} />,
  };
}

const plan = (name: string, price: string, highlighted: boolean, features: string[], cta: string) => ({
  name,
  price,
  period: price === '$0' ? 'forever' : 'per month',
  description: '',
  features,
  cta: { label: cta, href: '#' },
  highlighted,
});

const FIELD_TYPES = [
  { label: 'Short text', value: 'text' },
  { label: 'Email', value: 'email' },
  { label: 'Phone', value: 'phone' },
  { label: 'Long text', value: 'textarea' },
  { label: 'Drop-down', value: 'select' },
  { label: 'Checkbox', value: 'checkbox' },
  { label: 'Consent checkbox', value: 'consent' },
];
const FIELD_TYPE_LABEL = Object.fromEntries(FIELD_TYPES.map((t) => [t.value, t.label]));
const clip = (s: string) => (s.length > 32 ? `${s.slice(0, 30).trimEnd()}…` : s);

interface FormFieldItem {
  name?: string;
  type?: string;
  label?: string;
  required?: boolean | string;
  placeholder?: string;
  options?: string[];
  maxLength?: number;
}

/** Until now "this website" stands in for the site's name; a new form block gets the real one. */
const CONSENT_PLACEHOLDER = 'this website';

/**
 * A field's name follows its label (as "your_name") until someone edits the
 * name by hand; blank names are filled in, and names stay unique in the form.
 */
function deriveFieldNames(fields: FormFieldItem[], last: FormFieldItem[] | undefined): FormFieldItem[] {
  const taken = new Set<string>();
  return fields.map((f, i) => {
    const before = last?.[i];
    const name = (f.name ?? '').trim();
    const following = before && before.label !== f.label && name === fieldNameFor(before.label ?? '');
    let next = f;
    if (!name || following || taken.has(name)) next = { ...f, name: fieldNameFor(f.label || 'field', taken) };
    taken.add(next.name!);
    return next;
  });
}

const yesNo = (label: string) =>
  ({
    type: 'radio',
    label,
    options: [
      { label: 'Yes', value: true },
      { label: 'No', value: false },
    ],
  }) as const;

export const puckConfig: Config = {
  categories: {
    sections: { title: 'Sections', components: ['hero', 'features', 'pricing', 'testimonials', 'logos', 'faq', 'cta'], defaultExpanded: true },
    content: { title: 'Content', components: ['richtext', 'image', 'form', 'embed', 'privacy'], defaultExpanded: true },
  },
  root: {
    fields: {},
    render: (props: { children?: ReactNode; [key: string]: unknown }) => <SiteChrome>{props.children}</SiteChrome>,
  },
  components: {
    hero: component(
      'hero',
      {
        eyebrow: text('Eyebrow', true),
        heading: text('Heading', true),
        subheading: area('Subheading', true),
        primary: buttonField('Main button'),
        secondary: buttonField('Second button'),
        image: imageField('Image'),
        layout: {
          type: 'radio',
          label: 'Layout',
          options: [
            { label: 'Centered', value: 'centered' },
            { label: 'Image beside text', value: 'split' },
          ],
        },
        tone: TONE,
      },
      {
        heading: 'A headline that says what you do',
        subheading: 'One or two sentences on who it is for and why it is better.',
        primary: { label: 'Get started', href: '#' },
        layout: 'centered',
        tone: 'default',
      },
    ),
    features: component(
      'features',
      {
        heading: text('Heading', true),
        subheading: area('Subheading', true),
        columns: {
          type: 'select',
          label: 'Columns',
          options: [
            { label: '2 columns', value: 2 },
            { label: '3 columns', value: 3 },
            { label: '4 columns', value: 4 },
          ],
        },
        items: {
          type: 'array',
          label: 'Features',
          max: 24,
          getItemSummary: (item: { title?: string }, i?: number) => item.title || `Feature ${(i ?? 0) + 1}`,
          defaultItemProps: { icon: 'sparkles', title: 'New feature', body: 'Describe the benefit in a sentence.' },
          arrayFields: { icon: { type: 'select', label: 'Icon', options: ICON_OPTIONS }, title: text('Title'), body: area('Description') },
        },
        tone: TONE,
      },
      {
        heading: 'Everything you need',
        subheading: 'Three reasons people choose you.',
        columns: 3,
        items: [
          { icon: 'zap', title: 'Fast', body: 'Pages load in a blink, on every device.' },
          { icon: 'shield', title: 'Private', body: 'No trackers, no third-party requests.' },
          { icon: 'heart', title: 'Loved', body: 'Support that answers within the hour.' },
        ],
        tone: 'default',
      },
    ),
    logos: component(
      'logos',
      {
        heading: text('Heading', true),
        logos: {
          type: 'array',
          label: 'Logos',
          max: 24,
          getItemSummary: (item: { name?: string }, i?: number) => item.name || `Logo ${(i ?? 0) + 1}`,
          defaultItemProps: { name: 'Company' },
          arrayFields: { name: text('Name'), image: imageField('Logo image') },
        },
        tone: TONE,
      },
      { heading: 'Trusted by teams at', logos: [{ name: 'Northwind' }, { name: 'Lumen' }, { name: 'Paperkite' }, { name: 'Orbital' }], tone: 'default' },
    ),
    testimonials: component(
      'testimonials',
      {
        heading: text('Heading', true),
        items: {
          type: 'array',
          label: 'Quotes',
          max: 24,
          getItemSummary: (item: { name?: string }, i?: number) => item.name || `Quote ${(i ?? 0) + 1}`,
          defaultItemProps: { quote: 'What they said about you.', name: 'Customer name', role: 'Role, Company' },
          arrayFields: { quote: area('Quote'), name: text('Name'), role: text('Role'), avatar: imageField('Photo') },
        },
        tone: TONE,
      },
      {
        heading: 'What customers say',
        items: [
          { quote: 'We launched our new site in an afternoon. It just works.', name: 'Maya Chen', role: 'Founder, Fernhill' },
          { quote: 'Finally a builder that respects our visitors’ privacy.', name: 'Jonas Weber', role: 'CTO, Lumen Labs' },
        ],
        tone: 'surface',
      },
    ),
    pricing: component(
      'pricing',
      {
        heading: text('Heading', true),
        subheading: area('Subheading', true),
        plans: {
          type: 'array',
          label: 'Plans',
          max: 6,
          getItemSummary: (item: { name?: string }, i?: number) => item.name || `Plan ${(i ?? 0) + 1}`,
          defaultItemProps: plan('New plan', '$29', false, ['Everything in Starter'], 'Choose plan'),
          arrayFields: {
            name: text('Name'),
            price: text('Price'),
            period: text('Period'),
            description: area('Description'),
            features: linesField('Included', 'One feature per line.'),
            cta: buttonField('Button'),
            highlighted: {
              type: 'radio',
              label: 'Highlight this plan',
              options: [
                { label: 'No', value: false },
                { label: 'Yes', value: true },
              ],
            },
          },
        },
        tone: TONE,
      },
      {
        heading: 'Simple pricing',
        subheading: 'Start free. Upgrade when you grow.',
        plans: [
          plan('Starter', '$0', false, ['1 project', 'Community support'], 'Start free'),
          plan('Pro', '$19', true, ['Unlimited projects', 'Custom domain', 'Email support'], 'Start trial'),
          plan('Team', '$49', false, ['Everything in Pro', '5 seats', 'Priority support'], 'Contact sales'),
        ],
        tone: 'default',
      },
    ),
    faq: component(
      'faq',
      {
        heading: text('Heading', true),
        items: {
          type: 'array',
          label: 'Questions',
          max: 50,
          getItemSummary: (item: { question?: string }, i?: number) => item.question || `Question ${(i ?? 0) + 1}`,
          defaultItemProps: { question: 'A question people ask?', answer: 'A clear, short answer.' },
          arrayFields: { question: text('Question'), answer: area('Answer') },
        },
        tone: TONE,
      },
      {
        heading: 'Questions and answers',
        items: [
          { question: 'Can I cancel any time?', answer: 'Yes. You keep access until the end of the period you paid for.' },
          { question: 'Do you offer refunds?', answer: 'Within 30 days, no questions asked.' },
        ],
        tone: 'default',
      },
    ),
    cta: component(
      'cta',
      { heading: text('Heading', true), body: area('Text', true), primary: buttonField('Main button'), secondary: buttonField('Second button'), tone: TONE },
      { heading: 'Ready when you are', body: 'Start in minutes. No credit card needed.', primary: { label: 'Get started', href: '#' }, tone: 'primary' },
    ),
    richtext: component(
      'richtext',
      {
        html: {
          type: 'richtext',
          label: 'Text',
          contentEditable: false,
          // Only what the publisher's allowlist keeps: no alignment, underline, strike or rules.
          options: { heading: { levels: [2, 3, 4] }, textAlign: false, underline: false, strike: false, horizontalRule: false },
        },
        width: {
          type: 'radio',
          label: 'Width',
          options: [
            { label: 'Narrow', value: 'narrow' },
            { label: 'Wide', value: 'wide' },
          ],
        },
        tone: TONE,
      },
      { html: '<h2>A section title</h2><p>Write as much as you like. Use <strong>bold</strong>, lists and links.</p>', width: 'narrow', tone: 'default' },
    ),
    image: component(
      'image',
      {
        image: imageField('Image', false),
        caption: text('Caption', true),
        width: {
          type: 'select',
          label: 'Width',
          options: [
            { label: 'Narrow', value: 'narrow' },
            { label: 'Wide', value: 'wide' },
            { label: 'Full width', value: 'full' },
          ],
        },
        tone: TONE,
      },
      { image: { src: '', alt: '' }, width: 'wide', tone: 'default' },
    ),
    form: {
      ...component(
        'form',
        {
          heading: text('Heading', true),
          subheading: area('Subheading', true),
          fields: {
            type: 'array',
            label: 'Fields',
            min: 1,
            max: 30,
            getItemSummary: (item: FormFieldItem, i?: number) =>
              `${clip(item.label || `Field ${(i ?? 0) + 1}`)} · ${FIELD_TYPE_LABEL[item.type ?? 'text'] ?? 'Short text'}${item.required === true || item.required === 'true' ? ' · required' : ''}`,
            defaultItemProps: { name: '', type: 'text', label: 'New field', required: false },
            arrayFields: {
              label: area('Label, or the consent wording'),
              type: { type: 'select', label: 'Type', options: FIELD_TYPES },
              required: yesNo('Required'),
              placeholder: { type: 'text', label: 'Placeholder', placeholder: 'Example text shown in the empty field' },
              options: linesField('Choices', 'Drop-down only: one choice per line.'),
              maxLength: { type: 'number', label: 'Maximum length (characters)', min: 1, max: 10000, placeholder: 'No limit' },
              name: { type: 'text', label: 'Name in submissions', placeholder: 'Follows the label, e.g. your_name' },
            },
          },
          buttonLabel: text('Button text'),
          successMessage: area('Message after sending'),
          successRedirect: pageSelectField('After sending, go to', 'Stay and show the message'),
          notifyEmail: { type: 'text', label: 'Send new messages to (email)', placeholder: 'you@yourcompany.com' },
          tone: TONE,
        },
        {
          heading: 'Get in touch',
          subheading: 'Send us a message and we will get back to you within one business day.',
          fields: [
            { name: 'name', type: 'text', label: 'Name', required: true },
            { name: 'email', type: 'email', label: 'Email', required: true, placeholder: 'you@example.com' },
            { name: 'message', type: 'textarea', label: 'Message', required: true },
            { name: 'consent', type: 'consent', label: `I agree that ${CONSENT_PLACEHOLDER} stores my message to reply to me.`, required: true },
          ],
          buttonLabel: 'Send message',
          successMessage: 'Thanks! We received your message and will get back to you soon.',
          tone: 'default',
        },
      ),
      resolveData: (
        data: { props: Record<string, unknown> },
        params: { lastData: { props: Record<string, unknown> } | null; metadata: { siteName?: string }; trigger: string },
      ) => {
        const fields = (data.props.fields as FormFieldItem[] | undefined) ?? [];
        let next = deriveFieldNames(fields, params.lastData?.props.fields as FormFieldItem[] | undefined);
        const site = params.metadata?.siteName;
        if (params.trigger === 'insert' && site)
          next = next.map((f) =>
            f.type === 'consent' && f.label?.includes(CONSENT_PLACEHOLDER) ? { ...f, label: f.label.replace(CONSENT_PLACEHOLDER, site) } : f,
          );
        const changed = next.some((f, i) => f !== fields[i]);
        return changed ? { ...data, props: { ...data.props, fields: next } } : data;
      },
    },
    embed: {
      ...component('embed', embedFields(TONE), embedDefaults),
      resolveFields: embedResolveFields,
      resolveData: embedResolveData,
    },
    privacy: component(
      'privacy',
      { heading: text('Heading', true), intro: area('Introduction', true), contact: text('Contact email for privacy questions'), tone: TONE },
      { heading: 'Privacy notice', intro: 'How this website handles personal data.', tone: 'default' },
    ),
  },
};
