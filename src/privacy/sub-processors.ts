// Every outside party personal data can go to, declared once: what for, which
// data, where, and whether this installation's configuration turns it on. The
// generated privacy policy lists the enabled ones; code that sends data out
// names its party here (src/privacy/disclose.ts, to come).
import type { Config } from '../config/config.js';

export interface SubProcessor {
  id: string;
  name: (config: Config) => string;
  purpose: string;
  /** Categories of personal data it receives. */
  data: string[];
  /** Whose data. */
  subjects: string;
  location: (config: Config) => string;
  enabled: (config: Config) => boolean;
}

const host = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

export const SUB_PROCESSORS: readonly SubProcessor[] = [
  {
    id: 'mail',
    name: (c) => `Mail service (${host(c.smtpUrl)})`,
    purpose: 'Delivers the mail Atrium sends: address confirmations, password resets, form notifications, privacy request mails.',
    data: ['email address', 'name', 'the text of each mail, which for form notifications holds the visitor’s message'],
    subjects: 'subscribers, and visitors who write through a form or file a privacy request',
    location: (c) => `wherever the operator of ${host(c.smtpUrl)} processes mail`,
    enabled: (c) => Boolean(c.smtpUrl),
  },
  {
    id: 'dns',
    name: (c) => (c.dnsServers.length ? `DNS resolvers (${c.dnsServers.join(', ')})` : 'The DNS resolver of the server'),
    purpose: 'Looks up the records of custom domains subscribers connect, to check they point to Atrium.',
    data: ['domain names subscribers connect'],
    subjects: 'subscribers (a domain name can name a person)',
    location: (c) => (c.dnsServers.length ? 'as operated by those resolvers' : 'as configured on the server'),
    enabled: () => true,
  },
  {
    id: 'tls-front',
    name: () => 'The HTTPS front (reverse proxy or load balancer) in front of Atrium',
    purpose: 'Terminates HTTPS and forwards requests to Atrium.',
    data: ['IP addresses', 'every request and response, including what people type into forms'],
    subjects: 'subscribers and visitors',
    location: () => 'as operated by the installation’s operator',
    enabled: (c) => c.trustProxy !== false,
  },
  {
    id: 'webhooks',
    name: () => 'Webhook endpoints chosen by subscribers',
    purpose: 'Receive each form message of a site, as its subscriber asked; and erasure notices.',
    data: ['the form messages visitors send (whatever the form asks)'],
    subjects: 'visitors who write through a form',
    location: () => 'wherever each subscriber’s endpoint is; the subscriber is responsible for it',
    enabled: () => true,
  },
];

export const enabledSubProcessors = (config: Config) => SUB_PROCESSORS.filter((p) => p.enabled(config));
