// The Embed block's fields in Puck: the provider, the link with an inline
// check by the provider's own rules (a message and the provider's example
// under the field when it is refused), the title screen readers announce, the
// category (generic iframes only), the frame's shape, caption and tone.
import { createUsePuck, FieldLabel, type CustomField } from '@puckeditor/core';
import { useId } from 'react';
import { PROVIDERS, type ProviderId } from '../../../src/consent/providers';
import { checkEmbed, EMBED_SUGGESTIONS, pastedAddress, PROVIDER_OPTIONS } from './embed-defaults';

const usePuckSelect = createUsePuck();

const CATEGORY_NAMES = { functional: 'Functional', analytics: 'Analytics', marketing: 'Marketing' } as const;

/** "must be a Vimeo video link, like https://…" -> "The link must be a Vimeo video link, like https://…" */
const refusal = (message: string) => `The link ${message}${/[.…]$/.test(message) ? '' : '.'}`;

function EmbedUrlInput({ value, onChange }: { value: string | undefined; onChange(v: string): void }) {
  const id = useId();
  const props = usePuckSelect((s) => s.selectedItem?.props as { provider?: ProviderId; category?: keyof typeof CATEGORY_NAMES } | undefined);
  const providerId = props?.provider && props.provider in PROVIDERS ? props.provider : 'youtube';
  const provider = PROVIDERS[providerId];
  const check = checkEmbed(providerId, value);
  const category = providerId === 'iframe' ? (props?.category ?? 'marketing') : provider.category;
  const host = check.kind === 'ok' ? new URL(check.url).host : null;
  const name = providerId === 'iframe' ? (host ?? 'the site you embed') : provider.name;
  return (
    <FieldLabel label="Link" el="div">
      <input
        id={id}
        className="ed-input ed-mono"
        aria-label="Link"
        value={value ?? ''}
        placeholder={providerId === 'iframe' ? 'https://…' : `${provider.name} link`}
        spellCheck={false}
        autoCapitalize="none"
        aria-invalid={check.kind === 'error' || undefined}
        aria-describedby={`${id}-check ${id}-consent`}
        onChange={(e) => onChange(pastedAddress(e.target.value))}
      />
      {check.kind === 'error' ? (
        <p id={`${id}-check`} className="ed-error" role="alert">
          {refusal(check.message)}
        </p>
      ) : (
        <p id={`${id}-check`} className="ed-hint">
          {check.kind === 'ok' ? `Loads from ${host}.` : EMBED_SUGGESTIONS[providerId].where}
        </p>
      )}
      <p id={`${id}-consent`} className="ed-hint ed-embed-consent">
        <strong>{CATEGORY_NAMES[category]}</strong>: until the visitor allows it, a placeholder naming {name} stands in and nothing loads.
      </p>
    </FieldLabel>
  );
}

/** Editor only, in the canvas: an embed waiting for its link, or with one its provider refuses (it saves, but cannot be published yet). */
export function EmbedPending({ provider, url, tone }: { provider?: unknown; url?: unknown; tone?: unknown }) {
  const check = checkEmbed(String(provider), typeof url === 'string' ? url : undefined);
  return (
    <section className={`section tone-${String(tone ?? 'default')}`}>
      <div className="container">
        <p className="ed-empty-image">
          {check.kind === 'error'
            ? `This link cannot be embedded: it ${check.message}`
            : `Paste a link in this block’s settings. ${EMBED_SUGGESTIONS[provider as ProviderId]?.where ?? ''}`}
        </p>
      </div>
    </section>
  );
}

const urlField: CustomField<string | undefined> = {
  type: 'custom',
  label: 'Link',
  render: ({ value, onChange }) => <EmbedUrlInput value={value} onChange={onChange} />,
};

export function embedFields(tone: unknown) {
  return {
    provider: { type: 'select', label: 'Provider', options: PROVIDER_OPTIONS },
    url: urlField,
    title: { type: 'text', label: 'Title (read by screen readers)' },
    category: {
      type: 'select',
      label: 'Consent category',
      options: [
        { label: 'Functional: a feature visitors use', value: 'functional' },
        { label: 'Analytics: measures visits', value: 'analytics' },
        { label: 'Marketing: may follow visitors', value: 'marketing' },
      ],
    },
    aspect: {
      type: 'select',
      label: 'Shape',
      options: [
        { label: 'Wide (16:9)', value: '16:9' },
        { label: 'Standard (4:3)', value: '4:3' },
        { label: 'Square', value: '1:1' },
        { label: 'Portrait (3:4)', value: '3:4' },
        { label: 'Tall, for calendars and forms', value: 'tall' },
      ],
    },
    caption: { type: 'text', label: 'Caption', contentEditable: true },
    tone,
  };
}

export const embedDefaults = {
  provider: 'youtube',
  url: '',
  title: EMBED_SUGGESTIONS.youtube.title,
  category: 'marketing',
  aspect: EMBED_SUGGESTIONS.youtube.aspect,
  tone: 'default',
};

type EmbedData = { props: Record<string, unknown> };

/** The category is the subscriber's choice only for a generic iframe; providers declare their own. */
export function embedResolveFields<F extends Record<string, unknown>>(data: EmbedData, { fields }: { fields: F }): F {
  if (data.props.provider === 'iframe') return fields;
  const { category: _, ...rest } = fields;
  return rest as F;
}

/** A new provider brings its own title and shape, unless the person changed them. */
export function embedResolveData(data: EmbedData, { changed, lastData }: { changed: Partial<Record<string, boolean>>; lastData: EmbedData | null }) {
  const before = lastData?.props.provider as ProviderId | undefined;
  const now = data.props.provider as ProviderId;
  if (!changed.provider || !before || before === now || !(now in EMBED_SUGGESTIONS)) return data;
  const props = { ...data.props };
  const was = EMBED_SUGGESTIONS[before];
  if (!props.title || props.title === was.title || props.title === 'Embedded content') props.title = EMBED_SUGGESTIONS[now].title;
  if (props.aspect === was.aspect) props.aspect = EMBED_SUGGESTIONS[now].aspect;
  return { ...data, props };
}
