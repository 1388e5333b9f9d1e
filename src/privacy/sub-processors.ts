// Every outside party personal data can go to, declared once: what for, which
// data, where, and whether this installation's configuration turns it on. The
// generated privacy policy lists the enabled ones; code that sends data out
// names its party and one of its declared disclosure categories through
// disclose() (src/privacy/disclose.ts), which refuses anything else and logs it.
import type { Config } from '../config/config.js';

/** What the registry reads of the configuration (the job thread has these too). */
export type RegistryConfig = Pick<Config, 'smtpUrl' | 'dnsServers' | 'trustProxy'>;

export interface SubProcessor {
  id: string;
  name: (config: RegistryConfig) => string;
  purpose: string;
  /** Categories of personal data it receives. */
  data: readonly string[];
  /** The kinds of disclosure the disclosure log records for it: a short key and what it is, in words. */
  categories: Readonly<Record<string, string>>;
  /** Whose data. */
  subjects: string;
  location: (config: RegistryConfig) => string;
  enabled: (config: RegistryConfig) => boolean;
}

const host = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

export const SUB_PROCESSORS = [
  {
    id: 'mail',
    name: (c) => `Mail service (${host(c.smtpUrl)})`,
    purpose: 'Delivers the mail Atrium sends: address confirmations, password resets, form notifications, privacy request mails.',
    data: ['email address', 'name', 'the text of each mail, which for form notifications holds the visitor’s message'],
    categories: {
      account: 'a mail about the account: address confirmation, password reset, a changed address',
      'product-news': 'product news the subscriber asked for',
      'policy-notice': 'notice of a change to the privacy policy',
      'form-notification': 'a notification of a form message, with the message',
      'privacy-request': 'a mail about a privacy request, to the person who filed it or to whoever answers it',
    },
    subjects: 'subscribers, and visitors who write through a form or file a privacy request',
    location: (c) => `wherever the operator of ${host(c.smtpUrl)} processes mail`,
    enabled: (c) => Boolean(c.smtpUrl),
  },
  {
    id: 'dns',
    name: (c) => (c.dnsServers.length ? `DNS resolvers (${c.dnsServers.join(', ')})` : 'The DNS resolver of the server'),
    purpose: 'Looks up the records of custom domains subscribers connect, to check they point to Atrium.',
    data: ['domain names subscribers connect'],
    categories: { 'domain-name': 'a look-up of a custom domain’s verification record' },
    subjects: 'subscribers (a domain name can name a person)',
    location: (c) => (c.dnsServers.length ? 'as operated by those resolvers' : 'as configured on the server'),
    enabled: () => true,
  },
  {
    id: 'tls-front',
    name: () => 'The HTTPS front (reverse proxy or load balancer) in front of Atrium',
    purpose: 'Terminates HTTPS and forwards requests to Atrium.',
    data: ['IP addresses', 'every request and response, including what people type into forms'],
    // Traffic reaches Atrium through it; Atrium itself sends nothing to it, so nothing is logged for it.
    categories: { traffic: 'requests and responses passing through it' },
    subjects: 'subscribers and visitors',
    location: () => 'as operated by the installation’s operator',
    enabled: (c) => c.trustProxy !== false,
  },
  {
    id: 'webhooks',
    name: () => 'Webhook endpoints chosen by subscribers',
    purpose: 'Receive each form message of a site, as its subscriber asked; and erasure notices.',
    data: ['the form messages visitors send (whatever the form asks)'],
    categories: {
      'form-message': 'a form message (whatever the form asks)',
      'erasure-notice': 'a notice that a visitor’s data was erased: their email address and which messages',
    },
    subjects: 'visitors who write through a form',
    location: () => 'wherever each subscriber’s endpoint is; the subscriber is responsible for it',
    enabled: () => true,
  },
] as const satisfies readonly SubProcessor[];

export type Party = (typeof SUB_PROCESSORS)[number];
export type PartyId = Party['id'];
/** The disclosure categories the registry declares for a party. */
export type CategoryOf<P extends PartyId> = keyof Extract<Party, { id: P }>['categories'] & string;

export const subProcessor = (id: string): SubProcessor | undefined => (SUB_PROCESSORS as readonly SubProcessor[]).find((p) => p.id === id);

export const enabledSubProcessors = (config: RegistryConfig): SubProcessor[] => (SUB_PROCESSORS as readonly SubProcessor[]).filter((p) => p.enabled(config));
